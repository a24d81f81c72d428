import Foundation
import Testing
@testable import Crosscheck

/// NFC is skipped for text made of "stable" scalars; Foundation's normalization must agree that such text is NFC.
@Suite struct UnicodeNormalizationTests {
    static let stable = (0..<0x2100).compactMap(Unicode.Scalar.init).filter(UnicodeNormalization.isStable)

    @Test func eachStableScalarIsNFCAloneAndBesideEveryOther() {
        #expect(Self.stable.count == 0x300 + 99 + 33)
        for scalar in Self.stable {
            let text = String(Character(scalar))
            #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars), "U+\(String(scalar.value, radix: 16))")
        }
        // Any two side by side: nothing composes.
        let pairs = Self.stable.map { String(Character($0)) }
        for first in pairs.filter({ $0.unicodeScalars.first!.value >= 0x2000 || $0.unicodeScalars.first!.value < 0x80 }) {
            for second in pairs {
                let text = first + second
                #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars))
            }
        }
    }

    @Test func textWithOtherScalarsIsNormalized() {
        // "é" as e + combining acute, and the Ohm sign, which NFC replaces.
        #expect(UnicodeNormalization.nfc("cafe\u{301} “x”").unicodeScalars.elementsEqual("café “x”".unicodeScalars))
        #expect(UnicodeNormalization.nfc("5 \u{2126}") == "5 \u{3A9}")
        #expect(!UnicodeNormalization.isStable("\u{2000}") && !UnicodeNormalization.isStable("\u{301}"))
        #expect(UnicodeNormalization.isStable("“") && UnicodeNormalization.isStable("€") && UnicodeNormalization.isStable("—"))
    }
}
