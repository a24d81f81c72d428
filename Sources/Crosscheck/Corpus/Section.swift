/// A part of a document under one heading. The sections of a document form a tree through `path`.
public struct Section: Codable, Hashable, Sendable {
    /// Stable identifier: the document id, then the section's position (`d…/s3`).
    public var id: String
    public var heading: String
    /// 1 for the document title, 2 for top-level headings, and so on.
    public var level: Int
    /// Headings of the ancestors and of this section, from the top.
    public var path: [String]
    /// The section's text: its blocks separated by blank lines. Claim spans index into this text.
    public var text: String
}
