/// Where a corpus is kept. SQLite is the embedded default; other stores (PostgreSQL for teams)
/// implement the same two operations over the same schema (`CorpusSchema`).
public protocol CorpusStore {
    /// Replaces the stored corpus with `corpus`.
    func save(_ corpus: Corpus) throws
    /// Reads the whole corpus back.
    func load() throws -> Corpus
}
