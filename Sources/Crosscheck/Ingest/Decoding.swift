import Foundation

/// Text decoded from a source's bytes, with the encoding used and how it was chosen.
public struct DecodedText: Sendable {
    public var text: String
    /// e.g. `utf-8`, `utf-8 (BOM)`, `windows-1252 (declared iso-8859-1)`, `windows-1252 (fallback: not valid UTF-8)`.
    public var encoding: String
    /// Something a reader should know about the bytes, such as invalid sequences replaced.
    public var warning: String?
}

/// Turns a source's bytes into text: BOM, then the HTML `<meta charset>` prescan, then UTF-8
/// validation, then Windows-1252. A pure function of the bytes.
public enum TextDecoding {
    /// Why bytes could not be taken as text at all.
    public enum Failure: Error, Equatable, Sendable {
        case empty
        case whitespaceOnly
        case binary(String)

        public var reason: String {
            switch self {
            case .empty: "the file is empty (0 bytes)"
            case .whitespaceOnly: "the file holds only white space"
            case .binary(let what): "the file is binary (\(what)), not text or HTML; remove it or save the page as HTML"
            }
        }
    }

    /// Decodes `bytes`; `isHTML` enables the `<meta charset>` prescan.
    public static func decode(_ bytes: [UInt8], isHTML: Bool) throws(Failure) -> DecodedText {
        if bytes.isEmpty { throw .empty }
        if let kind = BinarySniffer.binaryKind(of: bytes) { throw .binary(kind) }

        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return finish(utf8: Array(bytes.dropFirst(3)), label: "utf-8 (BOM)")
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return finish(utf16: bytes.dropFirst(2), littleEndian: true, label: "utf-16le (BOM)") }
        if bytes.starts(with: [0xFE, 0xFF]) { return finish(utf16: bytes.dropFirst(2), littleEndian: false, label: "utf-16be (BOM)") }
        if let littleEndian = BinarySniffer.looksLikeUTF16(bytes) {
            return finish(utf16: bytes[...], littleEndian: littleEndian, label: littleEndian ? "utf-16le (detected)" : "utf-16be (detected)")
        }

        // The standard library validates UTF-8 fastest; the slower pass below only runs when that fails.
        if let text = String(validating: bytes, as: UTF8.self) {
            if !isHTML { return finish(text: text, label: "utf-8") }
            return decodeValidUTF8HTML(text, bytes: bytes)
        }
        let validation = UTF8Validation(bytes)
        if isHTML, let declared = CharsetPrescan.declaredCharset(in: bytes) {
            let label = EncodingLabel.canonical(declared)
            switch label {
            case "utf-8":
                if validation.isValid { return finish(utf8: bytes, label: "utf-8 (declared)") }
            case "windows-1252":
                if validation.isValid && validation.hasMultibyte {
                    return finish(utf8: bytes, label: "utf-8 (declared \(declared), but the bytes are UTF-8)")
                }
                return finish(windows1252: bytes, label: "windows-1252 (declared \(declared))")
            default:
                if validation.isValid && validation.hasMultibyte && !label.hasPrefix("utf-16") {
                    return finish(utf8: bytes, label: "utf-8 (declared \(declared), but the bytes are UTF-8)")
                }
                if let text = Iconv.decode(bytes, from: label) {
                    return finish(text: text, label: "\(label) (declared)")
                }
            }
        }
        if validation.isValid { return finish(utf8: bytes, label: "utf-8") }
        if validation.hasMultibyte {
            // Mostly UTF-8 with damage (a truncated or spliced file): keep the UTF-8 reading.
            var result = finish(text: String(decoding: bytes, as: UTF8.self), label: "utf-8 (with invalid bytes replaced)")
            result.warning = "the file is not valid UTF-8 (first bad byte at offset \(validation.firstInvalidOffset ?? 0)); "
                + "invalid bytes were replaced with U+FFFD. Re-save the file as UTF-8 if the text looks wrong"
            return result
        }
        return finish(windows1252: bytes, label: "windows-1252 (fallback: not valid UTF-8)")
    }

    /// A page whose bytes are valid UTF-8: its declaration decides only when it names a legacy charset
    /// and the bytes are plain ASCII (then both readings agree) — valid multi-byte UTF-8 is never mojibake.
    private static func decodeValidUTF8HTML(_ text: String, bytes: [UInt8]) -> DecodedText {
        guard let declared = CharsetPrescan.declaredCharset(in: bytes) else { return finish(text: text, label: "utf-8") }
        let label = EncodingLabel.canonical(declared)
        if label == "utf-8" { return finish(text: text, label: "utf-8 (declared)") }
        if bytes.contains(where: { $0 >= 0x80 }) { return finish(text: text, label: "utf-8 (declared \(declared), but the bytes are UTF-8)") }
        return finish(text: text, label: "\(label) (declared; ASCII only)")
    }

    private static func finish(utf8 bytes: [UInt8], label: String) -> DecodedText {
        finish(text: String(decoding: bytes, as: UTF8.self), label: label)
    }

    private static func finish(utf16 bytes: ArraySlice<UInt8>, littleEndian: Bool, label: String) -> DecodedText {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | (b << 8) : (a << 8) | b)
            index += 2
        }
        return finish(text: String(decoding: units, as: UTF16.self), label: label)
    }

    private static func finish(windows1252 bytes: [UInt8], label: String) -> DecodedText {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            scalars.append(Windows1252.scalar(for: byte))
        }
        return finish(text: String(scalars), label: label)
    }

    private static func finish(text: String, label: String) -> DecodedText {
        DecodedText(text: text, encoding: label, warning: nil)
    }

    /// Throws `.whitespaceOnly` when decoded text has nothing but white space.
    static func requireContent(_ text: String) throws(Failure) {
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{FEFF}" }) { throw .whitespaceOnly }
    }
}

/// Validates UTF-8 and notes whether any multi-byte sequence was seen.
struct UTF8Validation {
    var isValid = true
    var hasMultibyte = false
    var firstInvalidOffset: Int?

    init(_ bytes: [UInt8]) {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; scalar = UInt32(byte & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; scalar = UInt32(byte & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; scalar = UInt32(byte & 0x07); minimum = 0x10000
            default: length = 0; scalar = 0; minimum = 0
            }
            var ok = length > 0 && index + length <= count
            if ok {
                for offset in 1..<length {
                    let next = bytes[index + offset]
                    if next & 0xC0 != 0x80 { ok = false; break }
                    scalar = (scalar << 6) | UInt32(next & 0x3F)
                }
                if ok && (scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar)) { ok = false }
            }
            if ok {
                hasMultibyte = true
                index += length
            } else {
                if isValid { firstInvalidOffset = index }
                isValid = false
                index += 1
            }
        }
    }
}
