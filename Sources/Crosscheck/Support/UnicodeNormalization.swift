import Foundation

/// Unicode NFC, skipping the work for text that cannot change under it.
enum UnicodeNormalization {
    /// Text made only of scalars that NFC leaves alone and that never combine with a neighbour is already NFC.
    static func nfc(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        if text.unicodeScalars.allSatisfy(isStable) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// Scalars below U+0300 (no combining marks, no jamo, nothing to compose), and the general punctuation and currency
    /// signs copied text is full of (curly quotes, dashes, the ellipsis, the euro: U+2002–U+2064, U+20A0–U+20C0): none has
    /// a combining class or a decomposition, and none is the second of a composition (checked against the Unicode data;
    /// U+2000 and U+2001 are left out, NFC turns them into U+2002 and U+2003). Foundation's normalization bridged
    /// every text holding one of them.
    static func isStable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x0300 || (0x2002...0x2064).contains(scalar.value) || (0x20A0...0x20C0).contains(scalar.value)
    }
}
