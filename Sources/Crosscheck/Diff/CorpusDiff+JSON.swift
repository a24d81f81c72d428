import Foundation

extension CorpusDiff {
    /// The diff for machines: pretty-printed JSON with sorted keys, versioned by `formatVersion`.
    ///
    /// `{"format": "crosscheck-diff", "version": 1, "identical": …, "counts": …, "documents": […], "relations": […]}`;
    /// `counts` holds the figures of the summary line. The same diff always gives the same bytes.
    ///
    /// - Parameter statOnly: Whether to leave out `documents` and `relations`, keeping the counts.
    /// - Returns: UTF-8 JSON ending in a newline.
    public func json(statOnly: Bool = false) throws -> Data {
        let envelope = JSONEnvelope(version: Self.formatVersion, identical: isIdentical, counts: counts,
                                    documents: statOnly ? nil : documents, relations: statOnly ? nil : relations)
        var data = try JSONExport.encoder(pretty: true).encode(envelope)
        data.append(0x0A)
        return data
    }
}

/// The top of the JSON output.
private struct JSONEnvelope: Encodable {
    var format = "crosscheck-diff"
    var version: Int
    var identical: Bool
    var counts: CorpusDiff.Counts
    var documents: [DocumentChange]?
    var relations: [RelationChange]?

    enum CodingKeys: String, CodingKey {
        case format, version, identical, counts, documents, relations
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(version, forKey: .version)
        try container.encode(identical, forKey: .identical)
        try container.encode(counts, forKey: .counts)
        try container.encodeIfPresent(documents, forKey: .documents)
        try container.encodeIfPresent(relations, forKey: .relations)
    }
}
