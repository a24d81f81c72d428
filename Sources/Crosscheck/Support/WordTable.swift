/// A small, fixed table of words that is asked about every word of a million sentences, nearly always in vain.
///
/// A bit per (length, first byte, last byte) says at once that most words cannot be in the table, so only the few
/// that might be are hashed and looked up.
struct WordTable<Value: Sendable>: Sendable {
    private let values: [String: Value]
    /// 2^16 bits, one per signature.
    private let mayContain: [UInt64]

    init(_ values: [String: Value]) {
        var bits = [UInt64](repeating: 0, count: 1 << 10)
        for word in values.keys {
            let signature = Self.signature(word)
            bits[signature >> 6] |= 1 << UInt64(signature & 63)
        }
        (self.values, mayContain) = (values, bits)
    }

    subscript(word: String) -> Value? {
        let signature = Self.signature(word)
        guard mayContain[signature >> 6] & (1 << UInt64(signature & 63)) != 0 else { return nil }
        return values[word]
    }

    @inline(__always)
    private static func signature(_ word: String) -> Int {
        let utf8 = word.utf8
        guard let first = utf8.first, let last = utf8.last else { return 0 }
        return (utf8.count & 63) << 10 | Int(first & 31) << 5 | Int(last & 31)
    }
}
