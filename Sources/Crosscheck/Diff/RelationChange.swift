/// A relation between two claims that appeared or was resolved between the two corpora.
public struct RelationChange: Codable, Hashable, Sendable {
    /// Whether a relation is new or gone.
    public enum Kind: String, Codable, Hashable, Sendable {
        /// Only in the new corpus.
        case appeared
        /// Only in the old corpus.
        case resolved
    }

    /// Why a relation appeared or was resolved, from what became of its two claims.
    public enum Reason: String, Codable, Hashable, Sendable {
        /// A side's claim is gone (edited beyond recognition, or its source removed).
        case sideRemoved = "side_removed"
        /// A side's claim is new.
        case sideAdded = "side_added"
        /// A side's claim was edited: its values or words changed.
        case sideChanged = "side_changed"
        /// Both claims are in both corpora, word for word: the relating itself changed.
        case claimsUnchanged = "claims_unchanged"

        /// The reason in words.
        public var phrase: String {
            switch self {
            case .sideRemoved: "a side was removed"
            case .sideAdded: "a side was added"
            case .sideChanged: "a side changed"
            case .claimsUnchanged: "both claims are unchanged"
            }
        }
    }

    /// Appeared or resolved.
    public var kind: Kind
    /// The relation as it stands in the corpus that has it (the new one if appeared, the old one if resolved).
    public var relation: Relation
    /// Why, from what became of its claims.
    public var reason: Reason
    /// What became of each of the relation's claims, in the relation's order.
    public var sides: [Side]

    public init(kind: Kind, relation: Relation, reason: Reason, sides: [Side]) {
        self.kind = kind
        self.relation = relation
        self.reason = reason
        self.sides = sides
    }

    /// One of the two claims, and what became of it.
    public struct Side: Codable, Hashable, Sendable {
        /// The claim's id in the corpus that has the relation.
        public var id: String
        /// What became of the claim between the two corpora.
        public var fate: ClaimFate
        /// For a changed claim, its word-level edits from the old sentence to the new; empty otherwise.
        public let edits: [WordEdit]
        /// For a changed claim, the edits as `git diff --word-diff` marks them; nil otherwise.
        public let highlight: String?

        public init(id: String, fate: ClaimFate, edits: [WordEdit] = []) {
            self.id = id
            self.fate = fate
            self.edits = edits
            highlight = edits.isEmpty ? nil : WordDiff.marked(edits)
        }

        enum CodingKeys: String, CodingKey {
            case id, fate, edits, highlight
        }
    }

    enum CodingKeys: String, CodingKey {
        case kind = "change", relation, reason, sides
    }
}
