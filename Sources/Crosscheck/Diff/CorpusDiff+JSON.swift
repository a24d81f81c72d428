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

/// The top of the JSON output; `documents` and `relations` are left out (not null) with `--stat`.
private struct JSONEnvelope: Encodable {
    var format = "crosscheck-diff"
    var version: Int
    var identical: Bool
    var counts: CorpusDiff.Counts
    var documents: [DocumentChange]?
    var relations: [RelationChange]?
}
