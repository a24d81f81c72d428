/// Case-insensitive (ASCII) substring search over UTF-8 bytes, for hot paths where Foundation's
/// locale-aware `range(of:)` costs more than the parse itself.
enum ByteSearch {
    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte | 0x20 : byte }

    /// True when `needle` (lower-case ASCII or UTF-8) occurs in `haystack`, ignoring ASCII case.
    static func contains<Haystack: Collection>(_ haystack: Haystack, _ needle: [UInt8]) -> Bool where Haystack.Element == UInt8, Haystack.Index == Int {
        firstIndex(in: haystack, of: needle) != nil
    }

    static func firstIndex<Haystack: Collection>(in haystack: Haystack, of needle: [UInt8], from start: Int? = nil) -> Int? where Haystack.Element == UInt8, Haystack.Index == Int {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = start ?? haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if lower(haystack[index]) == first {
                var matched = true
                var offset = 1
                while offset < needle.count {
                    if lower(haystack[index + offset]) != needle[offset] { matched = false; break }
                    offset += 1
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    /// How many times `needle` occurs in `haystack` (case-sensitive, non-overlapping).
    static func count(of needle: [UInt8], in haystack: [UInt8]) -> Int {
        guard let first = needle.first, haystack.count >= needle.count else { return 0 }
        var total = 0
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count && haystack[index + offset] == needle[offset] { offset += 1 }
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
