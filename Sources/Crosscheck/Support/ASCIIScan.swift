/// Byte-level checks that spare most sentences the tokenizer: a look for a few ASCII words is far cheaper
/// than lower-casing and searching a `String`.
enum ASCIIScan {
    /// Whether `text` contains any of `needles` (lower-case ASCII bytes), ignoring the case of ASCII letters.
    static func containsAny(_ text: String, lowercased needles: [[UInt8]]) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard !bytes.isEmpty else { return false }
            for needle in needles where !needle.isEmpty && needle.count <= bytes.count {
                let first = needle[0]
                var start = 0
                while start <= bytes.count - needle.count {
                    if lower(bytes[start]) == first {
                        var matched = 1
                        while matched < needle.count && lower(bytes[start + matched]) == needle[matched] { matched += 1 }
                        if matched == needle.count { return true }
                    }
                    start += 1
                }
            }
            return false
        }
    }

    @inline(__always) private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }
}
