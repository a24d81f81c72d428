import Foundation

/// Text from a source rewritten for one output format, scalar by scalar, so that it reads as the same
/// text and never as markup. Each format (HTML, Markdown, BibTeX) says how it writes the scalars it
/// reserves; all of them turn line breaks and tabs into spaces and control characters into U+FFFD.
enum Escaping {
    /// Rewrites `text`: `replacement` returns what to write for a scalar, or nil to keep it as it is.
    static func rewrite(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        // Most text has nothing to rewrite: printable ASCII the format does not reserve, or letters beyond ASCII
        // (a lead byte of 0xC2 may start a C1 control character, so it takes the long way).
        if text.utf8.allSatisfy({ byte in
            byte >= 0x80 ? byte != 0xC2 : byte >= 0x20 && byte != 0x7F && replacement(Unicode.Scalar(byte)) == nil
        }) { return text }
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count + 16)
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                out.append(" ")
            } else if ControlCharacters.isControl(scalar) {
                // Control characters (terminal escapes among them) never reach a report.
                out.append("\u{FFFD}")
            } else if let replaced = replacement(scalar) {
                out.append(contentsOf: replaced.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// HTML text or attribute value: the five characters HTML reserves become references.
    static func html(_ text: String) -> String {
        rewrite(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: nil
            }
        }
    }

    /// Markdown (CommonMark, GitHub and Pandoc): punctuation that could start markup is backslash-escaped.
    static func markdown(_ text: String) -> String {
        rewrite(text) { scalar in
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "{", "}", "~", "!", "$": "\\" + String(scalar)
            case "&": "&amp;"
            default: nil
            }
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
