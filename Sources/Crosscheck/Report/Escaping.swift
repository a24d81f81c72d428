import Foundation

/// Text from a source rewritten for one output format, scalar by scalar, so that it reads as the same
/// text and never as markup. Each format (HTML, Markdown, BibTeX) says how it writes the scalars it
/// reserves; all of them turn line breaks and tabs into spaces and control characters into U+FFFD.
enum Escaping {
    /// Rewrites `text`: `replacement` returns what to write for a scalar, or nil to keep it as it is.
    static func rewrite(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        rewrite(text, reserving: ReservedASCII(replacement), replacement)
    }

    /// Rewrites `text` for a format that reserves the ASCII scalars in `reserved` (and writes them as
    /// `replacement` says). Text with nothing to rewrite comes back as it is, without a copy.
    static func rewrite(_ text: String, reserving reserved: ReservedASCII, _ replacement: (Unicode.Scalar) -> String?) -> String {
        if isClean(text.utf8, reserved) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        appendRewritten(text, to: &out, replacement)
        return out
    }

    /// Appends `text` to `out` rewritten as `rewrite(_:reserving:_:)` does, without making a string of it first.
    static func append<Text: StringProtocol>(_ text: Text, to out: inout String, reserving reserved: ReservedASCII, _ replacement: (Unicode.Scalar) -> String?) {
        if isClean(text.utf8, reserved) { out += text } else { appendRewritten(text, to: &out, replacement) }
    }

    /// Whether nothing in the text needs rewriting: printable ASCII the format does not reserve, or letters beyond
    /// ASCII (a lead byte of 0xC2 may start a C1 control character, so it takes the long way).
    private static func isClean<Bytes: Collection<UInt8>>(_ bytes: Bytes, _ reserved: ReservedASCII) -> Bool {
        func isClean(_ byte: UInt8) -> Bool { byte >= 0x80 ? byte != 0xC2 : !reserved.contains(byte) }
        return bytes.withContiguousStorageIfAvailable { $0.allSatisfy(isClean) } ?? bytes.allSatisfy(isClean)
    }

    private static func appendRewritten<Text: StringProtocol>(_ text: Text, to out: inout String, _ replacement: (Unicode.Scalar) -> String?) {
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                out.unicodeScalars.append(" ")
            } else if ControlCharacters.isControl(scalar) {
                // Control characters (terminal escapes among them) never reach a report.
                out.unicodeScalars.append("\u{FFFD}")
            } else if let replaced = replacement(scalar) {
                out += replaced
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }

    /// HTML text or attribute value: the five characters HTML reserves become references.
    static func html(_ text: String) -> String { rewrite(text, reserving: htmlReserved, htmlReplacement) }

    /// Appends `text` to `out` as `html(_:)` writes it.
    static func appendHTML<Text: StringProtocol>(_ text: Text, to out: inout String) { append(text, to: &out, reserving: htmlReserved, htmlReplacement) }

    private static let htmlReserved = ReservedASCII(htmlReplacement)

    private static func htmlReplacement(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        case "'": "&#39;"
        default: nil
        }
    }

    /// Markdown (CommonMark, GitHub and Pandoc): punctuation that could start markup is backslash-escaped.
    static func markdown(_ text: String) -> String { rewrite(text, reserving: markdownReserved, markdownReplacement) }

    /// Appends `text` to `out` as `markdown(_:)` writes it.
    static func appendMarkdown<Text: StringProtocol>(_ text: Text, to out: inout String) {
        append(text, to: &out, reserving: markdownReserved, markdownReplacement)
    }

    private static let markdownReserved = ReservedASCII(markdownReplacement)

    private static func markdownReplacement(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "{", "}", "~", "!", "$": "\\" + String(scalar)
        case "&": "&amp;"
        default: nil
        }
    }

    /// BibTeX and biblatex field text: the ten characters TeX reserves, written so they print as themselves.
    static func bibTeX(_ text: String) -> String {
        rewrite(text) { scalar in
            switch scalar {
            case "{", "}", "#", "$", "%", "&", "_": "\\" + String(scalar)
            case "\\": "\\textbackslash{}"
            case "^": "\\textasciicircum{}"
            case "~": "\\textasciitilde{}"
            default: nil
            }
        }
    }
}

/// The ASCII bytes a format cannot write as they are: control characters, and those the format reserves.
/// A table, so that checking a text costs one lookup per byte.
struct ReservedASCII: Sendable {
    private var low: UInt64 = 0, high: UInt64 = 0

    /// The control characters and every ASCII scalar `replacement` rewrites.
    init(_ replacement: (Unicode.Scalar) -> String?) {
        for byte in UInt8(0)..<0x80 where byte < 0x20 || byte == 0x7F || replacement(Unicode.Scalar(byte)) != nil {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low & (1 << UInt64(byte)) != 0 : high & (1 << UInt64(byte & 63)) != 0
    }
}

/// The C0 and C1 control characters (Unicode category Cc), terminal escapes among them.
enum ControlCharacters {
    @inline(__always)
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F)
    }
}

/// A link a report may render: only `http` and `https` URLs, so that a source cannot plant a
/// `javascript:` or `file:` link. Anything else is shown as text.
enum WebLink {
    /// The URL, trimmed, when its scheme is http or https and it holds no spaces or control characters; else nil.
    static func url(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let url = raw.trimmingCharacters(in: .whitespaces)
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon].lowercased()
        guard scheme == "http" || scheme == "https", url[colon...].hasPrefix("://"), url.count > scheme.count + 3,
              !url.unicodeScalars.contains(where: { $0 == " " || ControlCharacters.isControl($0) }) else { return nil }
        return url
    }
}
