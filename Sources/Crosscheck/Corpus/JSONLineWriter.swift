/// Writes compact JSON into a byte buffer, byte for byte as `JSONExport.encoder(pretty: false)` would
/// (swift-foundation's `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes`), without going
/// through `Codable`: the exports and the store write millions of small values, and the encoder's cost per
/// value dominated writing the corpus.
///
/// The writer does not sort keys: each `JSONLineWritable` type writes its keys in the encoder's order
/// (ascending UTF-8 bytes), and `JSONLineWriterTests` compares every type with the encoder.
/// Separators are implied: a key or an element that does not follow `{` or `[` is preceded by a comma.
struct JSONLineWriter {
    /// What has been written so far.
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Forgets what was written, keeping the buffer's storage for the next values.
    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Writes one value, then a line feed.
    mutating func writeLine(_ value: some JSONLineWritable) throws {
        try value.writeJSON(to: &self)
        endLine()
    }

    /// Ends the line of a value written with its own `writeJSON(to:)`.
    mutating func endLine() { bytes.append(UInt8(ascii: "\n")) }

    // MARK: Structure

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
    }

    mutating func endObject() { bytes.append(UInt8(ascii: "}")) }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
    }

    mutating func endArray() { bytes.append(UInt8(ascii: "]")) }

    /// Writes `"name":`; the value follows.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// Writes `"name":` for a key known only when running (a path), escaped as any string is; the value follows.
    mutating func key(named name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    /// A comma before a key or an element, unless it is the first of its object or array.
    private mutating func separate() {
        guard let last = bytes.last else { return }
        switch last {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: ":"), UInt8(ascii: "\n"): return
        default: bytes.append(UInt8(ascii: ","))
        }
    }

    // MARK: Values

    mutating func null() {
        separate()
        bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
    }

    mutating func bool(_ value: Bool) {
        separate()
        if value {
            bytes.append(contentsOf: [UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "e")])
        } else {
            bytes.append(contentsOf: [UInt8(ascii: "f"), UInt8(ascii: "a"), UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "e")])
        }
    }

    mutating func number(_ value: Int) {
        separate()
        appendDigits(of: value)
    }

    mutating func number(_ value: UInt64) {
        separate()
        appendDigits(of: value, negative: false)
    }

    /// A double as the encoder writes it: Swift's shortest round-trip form (`0.35`, `1e+16`, `5e-324`), without
    /// the `.0` of integral values (`28700000000`, `-0`).
    ///
    /// - Throws: `EncodingError.invalidValue` for NaN and infinities, which JSON cannot hold (as the encoder does).
    mutating func number(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(codingPath: [], debugDescription: "Unable to encode Double.\(value) directly in JSON."))
        }
        separate()
        // Below 2^53 every integer is a double, so the shortest form of an integral value is its digits.
        if value.rounded(.towardZero) == value && value.magnitude < 9_007_199_254_740_992 {
            if value == 0 && value.sign == .minus { bytes.append(UInt8(ascii: "-")) }
            appendDigits(of: Int(value))
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        appendUTF8(of: text)
    }

    mutating func number(_ value: Double?) throws {
        if let value { try number(value) } else { null() }
    }

    mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { appendEscaped($0) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A string, or `null`.
    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    mutating func value(_ value: some JSONLineWritable) throws {
        try value.writeJSON(to: &self)
    }

    /// A value, or `null`.
    mutating func value(_ value: (some JSONLineWritable)?) throws {
        if let value { try value.writeJSON(to: &self) } else { null() }
    }

    mutating func array(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    mutating func array<T: JSONLineWritable>(_ values: [T]) throws {
        beginArray()
        for value in values { try value.writeJSON(to: &self) }
        endArray()
    }

    /// A dictionary as an object, its keys in the encoder's order: ascending UTF-8 bytes.
    mutating func object(_ values: [String: String]) {
        beginObject()
        for (name, value) in values.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            key(named: name)
            string(value)
        }
        endObject()
    }

    // MARK: Bytes

    private mutating func appendUTF8(of text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private mutating func appendDigits(of value: Int) {
        appendDigits(of: UInt64(value.magnitude), negative: value < 0)
    }

    private mutating func appendDigits(of value: UInt64, negative: Bool) {
        if negative { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for the 20 digits of UInt.max
        withUnsafeMutableBytes(of: &digits) { buffer in
            var index = buffer.count
            repeat {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[index...]))
        }
    }

    /// The encoder's escaping: `"` and `\` with a backslash; backspace, form feed, line feed, carriage return and
    /// tab as `\b \f \n \r \t`; other control characters as `\u00xx` (lower-case hex); everything else, `/`, DEL
    /// and all of Unicode (U+2028 too) as it is.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
            start = index + 1
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), Self.hexDigit(byte >> 4), Self.hexDigit(byte & 0x0F)])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10 }
}
