/// How two claims from different sources bear on each other.
public struct Relation: Codable, Hashable, Sendable {
    /// Stable identifier from the kind and the two claim ids (`r` + 14 hex digits).
    public var id: String
    public var kind: Kind
    /// The two claims, older source first (by the claims' dates, then by id).
    public var claims: [RelatedClaim] {
        get { [first, second] }
        set {
            precondition(newValue.count == 2, "a relation has two claims")
            (first, second) = (newValue[0], newValue[1])
        }
    }
    /// `claims[0]` and `claims[1]`, held in place: an array per relation was 15 MB of 320,000 relations.
    public private(set) var first: RelatedClaim
    public private(set) var second: RelatedClaim
    /// What the values are about ("Japan"), when the sentences say.
    public var subject: String?
    /// What the values measure ("rank among trading partners", "two-way trade in goods").
    public var metric: String
    /// One sentence a person can check: both sources with their dates, both values, and why.
    public var explanation: String {
        get { wording.text }
        set { wording = Wording(newValue) }
    }
    /// The explanation as written, or the parts it is written from (`Wording`).
    var wording: Wording
    /// How sure the engine is, in [0, 1].
    public var confidence: Double
    /// For a contradiction: the claim whose source the corpus supports better, if one does.
    public var betterSupported: String?

    /// The kinds of relation, each exported to its own file.
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        case contradiction
        case changeOverTime = "change_over_time"
        case agreement
        case differentQualifier = "different_qualifier"

        /// The export holding relations of this kind.
        public var fileName: String {
            switch self {
            case .contradiction: "contradictions.jsonl"
            case .changeOverTime: "changes.jsonl"
            case .agreement: "agreements.jsonl"
            case .differentQualifier: "qualifier-differences.jsonl"
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, claims, subject, metric, explanation, confidence
        case betterSupported = "better_supported"
    }

    /// A relation whose explanation is already written out.
    /// - Precondition: `claims` holds two claims.
    public init(id: String, kind: Kind, claims: [RelatedClaim], subject: String?, metric: String, explanation: String, confidence: Double,
                betterSupported: String?) {
        precondition(claims.count == 2, "a relation has two claims")
        self.init(id: id, kind: kind, first: claims[0], second: claims[1], subject: subject, metric: metric, wording: Wording(explanation),
                  confidence: confidence, betterSupported: betterSupported)
    }

    init(id: String, kind: Kind, first: RelatedClaim, second: RelatedClaim, subject: String?, metric: String, wording: Wording,
         confidence: Double, betterSupported: String?) {
        (self.id, self.kind, self.first, self.second, self.subject, self.metric) = (id, kind, first, second, subject, metric)
        (self.wording, self.confidence, self.betterSupported) = (wording, confidence, betterSupported)
    }

    /// Decodes the fields as `encode(to:)` writes them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let claims = try container.decode([RelatedClaim].self, forKey: .claims)
        guard claims.count == 2 else {
            throw DecodingError.dataCorruptedError(forKey: .claims, in: container, debugDescription: "a relation has two claims, not \(claims.count)")
        }
        try self.init(
            id: container.decode(String.self, forKey: .id), kind: container.decode(Kind.self, forKey: .kind),
            claims: claims, subject: container.decodeIfPresent(String.self, forKey: .subject),
            metric: container.decode(String.self, forKey: .metric), explanation: container.decode(String.self, forKey: .explanation),
            confidence: container.decode(Double.self, forKey: .confidence),
            betterSupported: container.decodeIfPresent(String.self, forKey: .betterSupported))
    }

    /// Encodes the fields as the synthesized conformance did: the explanation written out, an optional field left out
    /// when nil.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(claims, forKey: .claims)
        try container.encodeIfPresent(subject, forKey: .subject)
        try container.encode(metric, forKey: .metric)
        try container.encode(explanation, forKey: .explanation)
        try container.encode(confidence, forKey: .confidence)
        try container.encodeIfPresent(betterSupported, forKey: .betterSupported)
    }
}

extension Relation.Kind {
    /// The kind's place in `allCases`: the order of the export files and of relations in the corpus.
    var rank: Int {
        switch self {
        case .contradiction: 0
        case .changeOverTime: 1
        case .agreement: 2
        case .differentQualifier: 3
        }
    }
}

/// One side of a relation: the claim, where it comes from, and the value that was compared.
///
/// A value type whose fields live in one shared, immutable box: a claim is on one side of many relations (a million
/// claims make millions of relations), and each copy of a side is then one reference, not a dozen strings.
public struct RelatedClaim: Codable, Hashable, Sendable {
    private final class Storage: Codable, Sendable {
        let id: String
        let document: String
        let source: SourcePath
        let text: String
        let value: Quantity?
        let date: ClaimDate

        init(id: String, document: String, source: SourcePath, text: String, value: Quantity?, date: ClaimDate) {
            (self.id, self.document, self.source, self.text, self.value, self.date) = (id, document, source, text, value, date)
        }

        /// Field by field, in place: a tuple of the fields would copy (and retain) each of them first.
        static func same(_ a: Storage, _ b: Storage) -> Bool {
            a.id == b.id && a.document == b.document && a.source == b.source && a.text == b.text && a.date == b.date && a.value == b.value
        }
    }

    private let storage: Storage

    public var id: String { storage.id }
    public var document: String { storage.document }
    public var source: SourcePath { storage.source }
    public var text: String { storage.text }
    /// The value compared, normalised; nil when the claims were related by their wording alone.
    public var value: Quantity? { storage.value }
    public var date: ClaimDate { storage.date }

    public init(id: String, document: String, source: SourcePath, text: String, value: Quantity?, date: ClaimDate) {
        storage = Storage(id: id, document: document, source: source, text: text, value: value, date: date)
    }

    /// The file a claim came from.
    public struct SourcePath: Codable, Hashable, Sendable {
        public var path: String
    }

    // Encoded as the box's synthesized conformance has it: the fields in order, `value` left out when nil.
    public init(from decoder: any Decoder) throws { storage = try Storage(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try storage.encode(to: encoder) }

    public static func == (a: RelatedClaim, b: RelatedClaim) -> Bool {
        a.storage === b.storage || Storage.same(a.storage, b.storage)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(document)
        hasher.combine(source)
        hasher.combine(text)
        hasher.combine(value)
        hasher.combine(date)
    }
}

extension RelatedClaim {
    /// One side of a relation made from a claim and the value compared (nil when related by wording).
    init(claim: Claim, value: Quantity?) {
        self.init(id: claim.id, document: claim.document, source: SourcePath(path: claim.source), text: claim.text, value: value, date: claim.date)
    }

    /// The same, reading only the fields it keeps from `claims[index]`, through the array's storage: copying a whole
    /// claim would retain a dozen objects scattered through memory.
    init(_ claims: [Claim], _ index: Int, value: Quantity?) {
        self = claims.withUnsafeBufferPointer { buffer in
            let claim = buffer.baseAddress! + index
            return RelatedClaim(id: claim.pointee.id, document: claim.pointee.document, source: SourcePath(path: claim.pointee.source),
                                text: claim.pointee.text, value: value, date: claim.pointee.date)
        }
    }
}

/// How far the rest of the corpus bears a source out: TruthFinder-style, from its agreements and conflicts.
public struct SourceTrust: Codable, Hashable, Sendable {
    public var document: String
    /// In [0, 1]; 0.5 for a source nothing else speaks to.
    public var score: Double
    public var agreements: Int
    public var contradictions: Int
    /// In words: the prior and what moved it.
    public var basis: String
}
