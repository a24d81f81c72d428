import Foundation

/// What reading each content gave, by its SHA-256 and the format its file name declares, so that bytes read
/// once are not parsed again: a rebuild reuses the documents of the corpus it replaces, and the watcher those
/// of its last batch. The result of reading depends only on the bytes and the declared format (the path is
/// only carried along), so a reused reading is the one a fresh read would give.
struct ReadCache: Sendable {
    struct Key: Hashable, Sendable {
        var sha256: String
        var declaredFormat: SourceFormat?
    }

    typealias Outcome = Result<SourceProcessor.Processed, SourceProblem>

    var outcomes: [Key: Outcome] = [:]

    init() {}

    /// The documents of the corpus stored in `output`, when the record beside it says this same program read
    /// them (another version or build of crosscheck may read the same bytes differently).
    init(storedIn output: URL, reader: String = InboxRecord.currentReader) {
        self = Self.stored(in: output, reader: reader).cache
    }

    /// The same, with the stored corpus as it was read, on which the next write can build (`CorpusWriter`).
    static func stored(in output: URL, reader: String = InboxRecord.currentReader) -> (cache: ReadCache, written: WrittenCorpus?) {
        let record = InboxRecord.load(from: output, reader: reader)
        guard !record.entries.isEmpty, let written = WrittenCorpus.read(from: output) else { return (ReadCache(), nil) }
        return (ReadCache(corpus: written.corpus), written)
    }

    /// The documents a corpus holds, as reading their files gave them.
    init(corpus: Corpus) {
        let documents = Dictionary(corpus.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let claims = Dictionary(grouping: corpus.claims, by: \.document)
        for input in corpus.inputs {
            guard let sha256 = input.sha256, let id = input.document, let document = documents[id],
                  input.status == .ok || input.status == .readWithProblems
            else { continue }
            let warnings = input.status == .readWithProblems ? [input.reason ?? ""] : []
            let processed = SourceProcessor.Processed(document: document, claims: claims[id] ?? [], warnings: warnings)
            outcomes[Key(sha256: sha256, declaredFormat: Discovery.declaredFormat(forName: input.path.split(separator: "/").last.map(String.init) ?? ""))] = .success(processed)
        }
    }

    subscript(sha256: String, declaredFormat: SourceFormat?) -> Outcome? {
        get { outcomes[Key(sha256: sha256, declaredFormat: declaredFormat)] }
        set { outcomes[Key(sha256: sha256, declaredFormat: declaredFormat)] = newValue }
    }

    var isEmpty: Bool { outcomes.isEmpty }

    /// The same content read under another name: only the paths it carries change.
    static func relocate(_ outcome: Outcome, to path: String) -> Outcome {
        switch outcome {
        case .failure(var problem):
            problem.path = path
            return .failure(problem)
        case .success(var processed):
            guard processed.document.source.path != path else { return outcome }
            processed.document.source.path = path
            for index in processed.claims.indices { processed.claims[index].source = path }
            return .success(processed)
        }
    }
}
