/// Case-insensitive (ASCII) substring search over UTF-8 bytes, for hot paths where Foundation's
/// locale-aware `range(of:)` costs more than the parse itself.
enum ByteSearch {
    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte | 0x20 : byte }

    /// True when `needle` (lower-case) occurs in `haystack`, ignoring ASCII case.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        firstIndex(of: needle, in: haystack) != nil
    }

    /// Where `needle` (lower-case) first occurs in `haystack`, ignoring ASCII case.
    static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        let last = haystack.count - needle.count
        var index = 0
        while index <= last {
            if lower(haystack[index]) == first {
                var offset = 1
                while offset < needle.count && lower(haystack[index + offset]) == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// Several lower-case needles searched for in one pass, ignoring ASCII case: at each byte only the needles that
    /// start with it are compared.
    struct Needles: Sendable {
        private let needles: [[UInt8]]
        /// For each byte, the needles that start with it.
        private let byFirstByte: [[Int]]

        init(_ needles: [[UInt8]]) {
            var byFirstByte = [[Int]](repeating: [], count: 256)
            for (index, needle) in needles.enumerated() where !needle.isEmpty { byFirstByte[Int(needle[0])].append(index) }
            (self.needles, self.byFirstByte) = (needles, byFirstByte)
        }

        /// True when any needle occurs in `haystack`.
        func occur(in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
            for start in haystack.indices {
                for candidate in byFirstByte[Int(lower(haystack[start]))] {
                    let needle = needles[candidate]
                    guard haystack.count - start >= needle.count else { continue }
                    var offset = 1
                    while offset < needle.count && lower(haystack[start + offset]) == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
            }
            return false
        }
    }

    static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { contains($0, needle) }
    }

    /// How many times `needle` occurs in `haystack` (case-sensitive, non-overlapping).
    static func count(of needle: [UInt8], in haystack: [UInt8]) -> Int {
        guard let first = needle.first, haystack.count >= needle.count else { return 0 }
        return haystack.withUnsafeBufferPointer { bytes in
            var total = 0
            var index = 0
            let last = bytes.count - needle.count
            while index <= last {
                if bytes[index] == first {
                    var offset = 1
                    while offset < needle.count && bytes[index + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count {
                        total += 1
                        index += needle.count
                        continue
                    }
                }
                index += 1
            }
            return total
        }
    }
}
