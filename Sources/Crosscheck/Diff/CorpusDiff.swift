/// What changed between two versions of a corpus: documents, sections, claims and relations.
///
/// A diff is a plain value: `compare(old:new:)` makes it, the command-line tool prints it, and watch
/// mode or other tools can read it. Claims are matched by what they say, not by identifier, so an
/// edited number reads as one claim *changed* rather than one removed and one added.
public struct CorpusDiff: Hashable, Sendable {
    /// Version of the diff's JSON layout. Bumped on any incompatible change.
    public static let formatVersion = 1

    /// The documents that changed, sorted by path (the new path where there is one).
    public var documents: [DocumentChange]
    /// The relations that appeared or were resolved, sorted by kind, then change, then id.
    public var relations: [RelationChange]
    /// How many of each change, the same figures the text and JSON summaries print.
    public var counts: Counts

    public init(documents: [DocumentChange], relations: [RelationChange], counts: Counts) {
        self.documents = documents
        self.relations = relations
        self.counts = counts
    }

    /// True when nothing a person would care about differs between the two corpora.
    public var isIdentical: Bool { documents.isEmpty && relations.isEmpty }

    /// Compares two corpora.
    ///
    /// Documents are matched by id, then by source path, then by claim overlap (at least 0.5); claims
    /// within a matched document by identical text, then one-to-one by word-token similarity (at least
    /// 0.75, best first); relations by the unordered pair of their matched claims.
    ///
    /// - Parameters:
    ///   - old: The earlier corpus.
    ///   - new: The later corpus.
    /// - Returns: The changes, in an order that depends only on the two corpora.
    /// - Complexity: Linear in the number of claims for unchanged and lightly edited documents; the
    ///   fuzzy matching of claims only compares claims of one matched document that share rare words.
    public static func compare(old: Corpus, new: Corpus) -> CorpusDiff {
        var ledger: ClaimLedger? = old.relations.isEmpty && new.relations.isEmpty ? nil : ClaimLedger(capacity: max(old.claims.count, new.claims.count))
        var documents = DocumentMatcher.pairs(old: old, new: new).compactMap { DocumentComparison.compare($0, ledger: &ledger) }
        documents.sort { $0.sortKey.utf8.lexicographicallyPrecedes($1.sortKey.utf8) }
        let relations = RelationMatcher.compare(old: old.relations.values, new: new.relations.values, ledger: ledger ?? ClaimLedger())
        let counts = Counts(documents: documents, relations: relations)
        return CorpusDiff(documents: documents, relations: relations.changes, counts: counts)
    }
}
