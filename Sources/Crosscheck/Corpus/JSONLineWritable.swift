/// A value that writes itself as JSON with `JSONLineWriter`, byte for byte as `JSONExport.encoder(pretty: false)`
/// encodes it: keys in ascending UTF-8 order, optionals as the type's `encode(to:)` has them (`null`, or left out).
protocol JSONLineWritable {
    /// - Throws: `EncodingError.invalidValue` for a value JSON cannot hold (a NaN or infinite double).
    func writeJSON(to writer: inout JSONLineWriter) throws
}
