/// One document that differs between the two corpora, with what changed inside it.
public struct DocumentChange: Codable, Hashable, Sendable {
    /// What became of a document.
    public enum Kind: String, Codable, Hashable, Sendable {
        /// Only in the new corpus.
        case added
        /// Only in the old corpus.
        case removed
        /// In both, with other content (and perhaps another path).
        case modified
        /// In both with the same content, under another path.
        case renamed
    }

    /// Added, removed, modified or renamed.
    public var kind: Kind
    /// The document in the old corpus; nil when added.
    public var old: DocumentSide?
    /// The document in the new corpus; nil when removed.
    public var new: DocumentSide?
    /// How alike the two versions' claims are, in [0, 1] (1 = every claim still there word for word);
    /// nil when the document was added or removed.
    public var similarity: Double?
    /// Sections added, removed or moved, in the order of the document.
    public var sections: [SectionChange]
    /// Claims added, removed, changed or moved, grouped by section in the order of the document.
    public var claims: [ClaimChange]

    public init(kind: Kind, old: DocumentSide?, new: DocumentSide?, similarity: Double?, sections: [SectionChange], claims: [ClaimChange]) {
        self.kind = kind
        self.old = old
        self.new = new
        self.similarity = similarity
        self.sections = sections
        self.claims = claims
    }

    /// The path the change is listed under: the new path, or the old one for a removed document.
    public var path: String { new?.path ?? old?.path ?? "" }

    var sortKey: String { path + "\u{1F}" + (old?.path ?? "") }

    enum CodingKeys: String, CodingKey {
        case kind = "change", old, new, similarity, sections, claims
    }
}

/// One version of a document, as a diff names it.
public struct DocumentSide: Codable, Hashable, Sendable {
    /// The document id in its corpus (it follows the file's bytes).
    public var id: String
    /// The source file's path relative to the inbox.
    public var path: String
    public var title: String?
    public var citationKey: String
    /// The reference a person reads: authors or site, title, date, as in `report.md`'s footnotes.
    public var citation: String

    public init(id: String, path: String, title: String?, citationKey: String, citation: String) {
        self.id = id
        self.path = path
        self.title = title
        self.citationKey = citationKey
        self.citation = citation
    }

    init(_ document: Document) {
        var parts: [String] = []
        if !document.authors.isEmpty { parts.append(document.authors.joined(separator: ", ")) } else if let site = document.site { parts.append(site) }
        parts.append("“\(document.title ?? document.source.path)”")
        if !document.authors.isEmpty, let site = document.site { parts.append(site) }
        if let date = document.published ?? document.modified { parts.append(date.date) }
        self.init(id: document.id, path: document.source.path, title: document.title, citationKey: document.citationKey, citation: parts.joined(separator: ", "))
    }

    enum CodingKeys: String, CodingKey {
        case id, path, title
        case citationKey = "citation_key"
        case citation
    }
}

/// A section that was added, removed or moved within a matched document.
public struct SectionChange: Codable, Hashable, Sendable {
    /// What became of a section.
    public enum Kind: String, Codable, Hashable, Sendable {
        case added, removed
        /// Still there under the same headings, but elsewhere in the document.
        case moved
    }

    /// Added, removed or moved.
    public var kind: Kind
    /// The headings from the top of the document down to this section.
    public var path: [String]

    public init(kind: Kind, path: [String]) {
        self.kind = kind
        self.path = path
    }

    enum CodingKeys: String, CodingKey {
        case kind = "change", path
    }
}
