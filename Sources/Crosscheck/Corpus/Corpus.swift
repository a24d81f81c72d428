/// Everything a build produces: documents with their sections, claims, and what went wrong.
public struct Corpus: Hashable, Sendable {
    /// Version of the corpus layout (tables, JSON fields). Bumped on any incompatible change.
    public static let schemaVersion = 4

    public var documents: [Document]
    public var claims: [Claim]
    /// Relations between claims of different sources, sorted by kind then id (made as they are read, after a batch build).
    public var relations: RelationList
    /// How well the rest of the corpus bears each source out, by document id order.
    public var trust: [SourceTrust]
    /// One entry per file considered, in path order: what became of it.
    public var inputs: [InputRecord]

    public init(documents: [Document], claims: [Claim], relations: [Relation] = [], trust: [SourceTrust] = [], inputs: [InputRecord]) {
        self.documents = documents
        self.claims = claims
        self.relations = RelationList(relations)
        self.trust = trust
        self.inputs = inputs
    }

    /// The relations of one kind.
    public func relations(_ kind: Relation.Kind) -> [Relation] {
        relations.indices.compactMap { relations.kind(at: $0) == kind ? relations[$0] : nil }
    }

    /// How many relations are of one kind, without making or copying them.
    public func relationCount(_ kind: Relation.Kind) -> Int {
        relations.indices.reduce(0) { $0 + (relations.kind(at: $1) == kind ? 1 : 0) }
    }

    /// The ids of the relations of one kind, read without making them.
    func relationIDs(_ kind: Relation.Kind) -> [String] {
        relations.indices.compactMap { relations.kind(at: $0) == kind ? relations.id(at: $0) : nil }
    }

    /// The files that could not be read, or were read with problems, with the reason.
    public var problems: [SourceProblem] { Self.problems(in: inputs) }

    /// The inputs that could not be read, or were read with problems, with the reason.
    static func problems(in inputs: [InputRecord]) -> [SourceProblem] {
        inputs.compactMap { input in input.status == .ok || input.status == .duplicate ? nil : SourceProblem(path: input.path, reason: input.reason ?? "") }
    }

    public var sectionCount: Int { documents.reduce(0) { $0 + $1.sections.count } }
}

/// What a corpus holds, counted.
public struct CorpusCounts: Hashable, Sendable {
    public var documents: Int
    public var sections: Int
    public var claims: Int
    /// Relations of each kind; a kind with none may be left out.
    public var relations: [Relation.Kind: Int]

    public init(documents: Int, sections: Int, claims: Int, relations: [Relation.Kind: Int] = [:]) {
        (self.documents, self.sections, self.claims, self.relations) = (documents, sections, claims, relations)
    }

    public init(_ corpus: Corpus) {
        self.init(documents: corpus.documents.count, sections: corpus.sectionCount, claims: corpus.claims.count)
        for index in corpus.relations.indices { relations[corpus.relations.kind(at: index), default: 0] += 1 }
    }

    /// How many relations are of one kind.
    public func relations(_ kind: Relation.Kind) -> Int { relations[kind] ?? 0 }
}

/// What became of one file of the inbox.
public struct InputRecord: Codable, Hashable, Sendable {
    public var path: String
    public var sha256: String?
    public var bytes: Int
    public var status: Status
    /// The document made from the file, if any.
    public var document: String?
    /// Why the file was rejected, flagged or not added, in words a person can act on.
    public var reason: String?

    /// The fate of a file.
    public enum Status: String, Codable, Hashable, Sendable {
        /// Read; its document is in the corpus.
        case ok
        /// Read, and in the corpus, but something about it needs a person's eye (e.g. truncated).
        case readWithProblems = "read_with_problems"
        /// Not read; nothing of it is in the corpus.
        case rejected
        /// The same bytes as another file; the corpus holds them once.
        case duplicate
    }
}
