/// One source in the corpus: where it came from, what it says about itself, and its sections.
public struct Document: Codable, Hashable, Sendable {
    /// Stable identifier derived from the source's bytes (`d` + the first 14 hex digits of its SHA-256).
    public var id: String
    public var source: SourceInfo
    public var url: String?
    public var title: String?
    public var authors: [String]
    public var site: String?
    public var language: String?
    public var published: DatedValue?
    public var modified: DatedValue?
    /// Where each metadata value was found, keyed by field name (`title`, `authors`, `site`, `url`, `language`).
    public var evidence: [String: String]
    /// The citation key used in `citations.json`, `report.md` and every claim of this document.
    public var citationKey: String
    public var sections: [Section]

    enum CodingKeys: String, CodingKey {
        case id, source, url, title, authors, site, language, published, modified, evidence
        case citationKey = "citation_key"
        case sections
    }
}

/// The file a document was read from.
public struct SourceInfo: Codable, Hashable, Sendable {
    /// Path relative to the inbox, with `/` separators.
    public var path: String
    public var format: SourceFormat
    /// SHA-256 of the file's bytes, lower-case hex.
    public var sha256: String
    public var bytes: Int
    /// The character encoding the text was decoded from, and how it was chosen.
    public var encoding: String
}

/// A date found in or about a source, with the precision it was given at and where it came from.
public struct DatedValue: Codable, Hashable, Sendable {
    /// ISO 8601: `2025`, `2025-04`, or `2025-04-30`.
    public var date: String
    public var precision: DatePrecision
    /// Where the date was found, e.g. `meta[property="article:published_time"]` or `text: "first published on April 30, 2025"`.
    public var evidence: String
}

/// How precisely a date is known.
public enum DatePrecision: String, Codable, Hashable, Sendable, Comparable {
    case year, month, day

    private var rank: Int {
        switch self {
        case .year: 0
        case .month: 1
        case .day: 2
        }
    }

    public static func < (lhs: DatePrecision, rhs: DatePrecision) -> Bool { lhs.rank < rhs.rank }
}

/// The kinds of file the inbox may hold.
public enum SourceFormat: String, Codable, Hashable, Sendable {
    case html, text, markdown
}
