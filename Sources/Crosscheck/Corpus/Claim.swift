/// A sentence that states something checkable, with the values it states and the period it speaks of.
public struct Claim: Codable, Hashable, Sendable {
    /// Stable identifier derived from the document id and the sentence (`c` + 14 hex digits).
    public var id: String
    public var document: String
    /// The source file's path relative to the inbox.
    public var source: String
    public var section: String
    public var sectionPath: [String]
    /// The sentence exactly as it stands in the section text.
    public var text: String
    /// Where the sentence stands in the section text, in Unicode scalars (code points), end exclusive.
    public var span: TextSpan
    /// What makes the sentence checkable: `money`, `count`, `percent`, `rank`, `year`, `date`, `measure`, `agreement`.
    public var kinds: [String]
    public var quantities: [Quantity]
    public var date: ClaimDate
    public var citationKey: String

    enum CodingKeys: String, CodingKey {
        case id, document, source, section
        case sectionPath = "section_path"
        case text, span, kinds, quantities, date
        case citationKey = "citation_key"
    }
}

/// A half-open range of Unicode scalar offsets.
public struct TextSpan: Codable, Hashable, Sendable {
    public var start: Int
    public var end: Int
}

/// The period a claim speaks of, and how that was decided.
public struct ClaimDate: Codable, Hashable, Sendable {
    /// ISO 8601 at the claim's precision (`2021`, `2019-05`, `2026-03-06`), or nil when unknown.
    public var value: String?
    public var precision: DatePrecision?
    public var basis: Basis
    /// The words the date was read from, when it came from the sentence.
    public var phrase: String?

    /// Where a claim's date came from.
    public enum Basis: String, Codable, Hashable, Sendable {
        /// The sentence names the period ("In 2021", "(2023)", "in May 2019").
        case explicit
        /// The sentence names a period relative to the publication date ("last year").
        case relative
        /// The sentence names none; the source's publication date stands in.
        case publication
        /// Neither the sentence nor the source gives a date.
        case none
    }
}
