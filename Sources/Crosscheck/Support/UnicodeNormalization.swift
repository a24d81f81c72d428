import Foundation

/// Unicode NFC, skipping the work for text that cannot change under it.
enum UnicodeNormalization {
    /// Text whose scalars all lie below U+0300 is already NFC (no combining marks, no jamo, nothing to compose).
    static func nfc(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        if text.unicodeScalars.allSatisfy({ $0.value < 0x0300 }) { return text }
        return text.precomposedStringWithCanonicalMapping
    }
}
