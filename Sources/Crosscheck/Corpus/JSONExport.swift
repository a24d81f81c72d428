import Foundation

/// JSON with sorted keys and no escaped slashes: the same corpus always gives the same bytes. The JSON lines of
/// documents, claims and relations are written by `JSONLineWriter`, which gives the encoder's bytes faster.
enum JSONExport {
    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// One JSON object per line.
    static func lines(_ values: [some JSONLineWritable]) throws -> Data {
        var writer = JSONLineWriter()
        for value in values { try writer.writeLine(value) }
        return Data(writer.bytes)
    }

    static func document<T: Encodable>(_ value: T) throws -> Data {
        var data = try encoder(pretty: true).encode(value)
        data.append(0x0A)
        return data
    }
}

/// `manifest.json`: what was read, what came of each file, and the counts.
struct Manifest: Codable, Hashable, Sendable {
    struct Counts: Codable, Hashable, Sendable {
        var documents: Int
        var sections: Int
        var claims: Int
        var contradictions: Int
        var changes: Int
        var agreements: Int
        var qualifierDifferences: Int
        var problems: Int

        enum CodingKeys: String, CodingKey {
            case documents, sections, claims, contradictions, changes, agreements
            case qualifierDifferences = "qualifier_differences"
            case problems
        }
    }

    var schemaVersion: Int
    var generator: String
    var counts: Counts
    var inputs: [InputRecord]
    var errors: [SourceProblem]

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case generator, counts, inputs, errors
    }

    init(corpus: Corpus) {
        schemaVersion = Corpus.schemaVersion
        generator = "crosscheck \(CrosscheckVersion.current)"
        counts = Counts(
            documents: corpus.documents.count, sections: corpus.sectionCount, claims: corpus.claims.count,
            contradictions: corpus.relationCount(.contradiction), changes: corpus.relationCount(.changeOverTime),
            agreements: corpus.relationCount(.agreement), qualifierDifferences: corpus.relationCount(.differentQualifier),
            problems: corpus.problems.count)
        inputs = corpus.inputs
        errors = corpus.problems
    }
}

extension SourceProblem: Codable {
    enum CodingKeys: String, CodingKey { case path, reason }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(path: try container.decode(String.self, forKey: .path), reason: try container.decode(String.self, forKey: .reason))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(reason, forKey: .reason)
    }
}

/// The version of this tool.
public enum CrosscheckVersion {
    public static let current = "0.1.0"
}
