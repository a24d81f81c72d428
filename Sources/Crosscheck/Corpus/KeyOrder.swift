/// The order in which SQLite keeps text keys (byte by byte), worked out from each key's first 16 bytes read as two
/// numbers: ids are 15 bytes, so sorting a million of them compares numbers, not strings.
enum KeyOrder {
    /// Positions of `keys`, in the keys' byte order; equal keys in their given order.
    static func positions(of keys: [String]) -> [Int] {
        struct Entry {
            var high: UInt64
            var low: UInt64
            var isLong: Bool
            var index: Int
        }
        var entries = keys.enumerated().map { index, key -> Entry in
            var (high, low, count) = (UInt64(0), UInt64(0), 0)
            for byte in key.utf8.prefix(16) {
                if count < 8 { high |= UInt64(byte) << (56 - 8 * count) } else { low |= UInt64(byte) << (56 - 8 * (count - 8)) }
                count += 1
            }
            return Entry(high: high, low: low, isLong: key.utf8.count > 16, index: index)
        }
        entries.sort { x, y in
            if (x.high, x.low) != (y.high, y.low) { return (x.high, x.low) < (y.high, y.low) }
            // The same first 16 bytes: a longer key goes after its prefix; two long ones by the rest of their bytes.
            if x.isLong || y.isLong, keys[x.index] != keys[y.index] {
                return keys[x.index].utf8.lexicographicallyPrecedes(keys[y.index].utf8)
            }
            return x.index < y.index
        }
        return entries.map(\.index)
    }
}
