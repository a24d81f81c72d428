/// One claim that differs between two versions of a document.
public struct ClaimChange: Codable, Hashable, Sendable {
    /// Added, removed, changed or moved (never unchanged: unchanged claims are not listed).
    public var kind: ClaimFate
    /// The claim in the old corpus; nil when added.
    public var old: ClaimSide?
    /// The claim in the new corpus; nil when removed.
    public var new: ClaimSide?
    /// Word-token similarity of the two sentences, in [0, 1] to three decimals, for a changed claim; nil otherwise.
    public var similarity: Double?
    /// For a changed claim, the sentence as runs of words kept, removed and added; empty otherwise.
    public let edits: [WordEdit]
    /// For a changed claim, the sentence with its edits marked as `git diff --word-diff` does:
    /// `reached [-28.7-]{+29.1+} billion`; nil otherwise.
    public let highlight: String?

    public init(kind: ClaimFate, old: ClaimSide?, new: ClaimSide?, similarity: Double? = nil, edits: [WordEdit] = []) {
        self.kind = kind
        self.old = old
        self.new = new
        self.similarity = similarity
        self.edits = edits
        highlight = edits.isEmpty ? nil : WordDiff.marked(edits)
    }

    /// The section the change is listed under: the new one, or the old one for a removed claim.
    public var sectionPath: [String] { new?.sectionPath ?? old?.sectionPath ?? [] }

    enum CodingKeys: String, CodingKey {
        case kind = "change", old, new, similarity, edits, highlight
    }
}

/// What became of a claim from one corpus to the next.
public enum ClaimFate: String, Codable, Hashable, Sendable {
    /// The same sentence in the same section.
    case unchanged
    /// The same sentence, in another section (or in a section that moved).
    case moved
    /// A sentence edited in place: matched by word-token similarity.
    case changed
    /// Only in the new corpus.
    case added
    /// Only in the old corpus.
    case removed
}

/// One version of a claim, as a diff names it.
public struct ClaimSide: Codable, Hashable, Sendable {
    /// The claim id in its corpus.
    public var id: String
    /// The sentence as it stands in the source.
    public var text: String
    /// The headings from the top of the document down to the claim's section.
    public var sectionPath: [String]
    /// The citation key of the claim's source.
    public var citationKey: String

    public init(id: String, text: String, sectionPath: [String], citationKey: String) {
        self.id = id
        self.text = text
        self.sectionPath = sectionPath
        self.citationKey = citationKey
    }

    init(_ claim: Claim) {
        self.init(id: claim.id, text: claim.text, sectionPath: claim.sectionPath, citationKey: claim.citationKey)
    }

    enum CodingKeys: String, CodingKey {
        case id, text
        case sectionPath = "section_path"
        case citationKey = "citation_key"
    }
}

/// Figures written for machines: short and stable.
enum DiffRounding {
    /// A similarity to three decimals that never rounds an imperfect match up to 1 (or a faint one down to 0).
    static func similarity(_ value: Double) -> Double {
        let rounded = (value * 1000).rounded() / 1000
        if value < 1 && rounded >= 1 { return 0.999 }
        if value > 0 && rounded <= 0 { return 0.001 }
        return rounded
    }
}
