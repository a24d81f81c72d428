import Foundation

/// Finds `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first bytes of a page.
enum CharsetPrescan {
    static let window = 4096

    /// Read on the bytes, ASCII case folded: every page passes here, and a string search bridged to Foundation cost
    /// more than the rest of decoding.
    static func declaredCharset(in bytes: [UInt8]) -> String? {
        let head = bytes.prefix(window).map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
        func find(_ needle: [UInt8], from start: Int, to end: Int) -> Int? {
            guard end - start >= needle.count else { return nil }
            for index in start...(end - needle.count) where head[index] == needle[0] && head[index..<index + needle.count].elementsEqual(needle) {
                return index
            }
            return nil
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var searchStart = 0
        while let meta = find(metaOpening, from: searchStart, to: head.count) {
            let tagStart = meta + metaOpening.count
            let tagEnd = head[tagStart...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
            if let charset = find(charsetWord, from: tagStart, to: tagEnd) {
                var index = charset + charsetWord.count
                while index < tagEnd, isSpace(head[index]) { index += 1 }
                if index < tagEnd, head[index] == UInt8(ascii: "=") {
                    index += 1
                    while index < tagEnd, isSpace(head[index]) || head[index] == UInt8(ascii: "\"") || head[index] == UInt8(ascii: "'") { index += 1 }
                    var end = index
                    while end < tagEnd, labelBytes.contains(head[end]) { end += 1 }
                    if end > index { return String(decoding: head[index..<end], as: UTF8.self) }
                }
            }
            searchStart = tagEnd
        }
        return nil
    }

    private static let metaOpening = Array("<meta".utf8)
    private static let charsetWord = Array("charset".utf8)
    /// The bytes of an encoding label: ASCII letters and digits, `-`, `_`, `:` and `.`.
    private static let labelBytes = Set(Array("abcdefghijklmnopqrstuvwxyz0123456789-_:.".utf8))
}

/// Canonical names for encoding labels, after the WHATWG Encoding Standard where it matters.
enum EncodingLabel {
    static func canonical(_ label: String) -> String {
        switch label.lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": "utf-8"
        // WHATWG: these labels all mean windows-1252, a superset of ISO-8859-1 used by every browser.
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252",
             "x-cp1252", "cp819", "ibm819", "iso-ir-100", "csisolatin1", "iso_8859-1:1987": "windows-1252"
        case "utf-16", "utf-16le": "utf-16le"
        case "utf-16be": "utf-16be"
        case "shift_jis", "sjis", "shift-jis", "x-sjis", "ms_kanji", "windows-31j", "csshiftjis": "shift_jis"
        case "gb2312", "gbk", "x-gbk", "chinese", "csgb2312": "gbk"
        default: label.lowercased()
        }
    }
}

/// Windows-1252: Latin-1 with printable characters in 0x80–0x9F.
enum Windows1252 {
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func scalar(for byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte < 0xA0 { return Unicode.Scalar(high[Int(byte - 0x80)]) ?? "\u{FFFD}" }
        return Unicode.Scalar(byte)
    }
}

/// Decodes legacy encodings that Swift does not know (Shift_JIS, KOI8-R, ISO-8859-x …) through the C library's iconv.
enum Iconv {
    static func decode(_ bytes: [UInt8], from label: String) -> String? {
        let descriptor = iconv_open("UTF-8", label)
        guard descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var input = bytes
        let produced: Int? = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inputBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outputBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inputBuffer.count
                var outLeft = outputBuffer.count
                while inLeft > 0 {
                    if iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                        // Skip one undecodable byte and go on, as browsers do.
                        guard errno == EILSEQ || errno == EINVAL, inLeft > 0 else { return nil }
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                    }
                }
                return outputBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(decoding: output.prefix(produced), as: UTF8.self)
    }
}

/// Recognises binary files by their magic numbers and by NUL bytes.
enum BinarySniffer {
    static func binaryKind(of bytes: [UInt8]) -> String? {
        let signatures: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "PNG image"), ([0xFF, 0xD8, 0xFF], "JPEG image"), ([0x47, 0x49, 0x46, 0x38], "GIF image"),
            ([0x50, 0x4B, 0x03, 0x04], "ZIP archive"), ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"), ([0x25, 0x50, 0x44, 0x46], "PDF document"),
            ([0x1F, 0x8B], "gzip archive"), ([0x42, 0x5A, 0x68], "bzip2 archive"), ([0xFD, 0x37, 0x7A, 0x58, 0x5A], "xz archive"),
            ([0x52, 0x49, 0x46, 0x46], "RIFF media file"), ([0x00, 0x00, 0x01, 0x00], "icon image"), ([0xD0, 0xCF, 0x11, 0xE0], "Microsoft Office document"),
            ([0x53, 0x51, 0x4C, 0x69, 0x74, 0x65], "SQLite database"), ([0xCA, 0xFE, 0xBA, 0xBE], "Java class or Mach-O binary"),
        ]
        for (magic, name) in signatures where bytes.starts(with: magic) { return name }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || looksLikeUTF16(bytes) != nil { return nil }
        let head = bytes.prefix(8192)
        var controls = 0
        for byte in head {
            if byte == 0 { return "contains NUL bytes" }
            if byte < 0x09 || (byte > 0x0D && byte < 0x20 && byte != 0x1B) { controls += 1 }
        }
        if controls * 10 > head.count { return "mostly control characters" }
        return nil
    }

    /// UTF-16 without a BOM: ASCII text leaves a NUL in every other byte. Returns true for little-endian.
    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool? {
        let head = bytes.prefix(1024)
        guard head.count >= 8 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for (offset, byte) in head.enumerated() where byte == 0 {
            if offset % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = head.count / 2
        if oddZeros * 10 >= pairs * 7 && evenZeros * 10 < pairs { return true }
        if evenZeros * 10 >= pairs * 7 && oddZeros * 10 < pairs { return false }
        return nil
    }
}
