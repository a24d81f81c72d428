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
    /// The record of the files read (a rebuild's, from beside the stored corpus): a file it shows unchanged is not read
    /// at all, its recorded hash finding its outcome (`outcome(ofUnchanged:)`).
    var record = InboxRecord()

    init() {}

    /// The documents of the corpus stored in `output`, when the record beside it says this same program read
    /// them (another version or build of crosscheck may read the same bytes differently). Its relations are not read.
    init(storedIn output: URL, reader: String = InboxRecord.currentReader) {
        self.init(storedIn: output, record: InboxRecord.load(from: output, reader: reader))
    }

    /// The same, with the record beside the corpus already read (`InboxRecord.load(from:reader:)`).
    init(storedIn output: URL, record: InboxRecord) {
        let stored = output.appendingPathComponent(CorpusWriter.storeName).path
        guard !record.entries.isEmpty, FileManager.default.fileExists(atPath: stored), let corpus = try? SQLiteCorpusStore(path: stored).load(relations: false) else {
            self.init()
            return
        }
        self.init(corpus: corpus)
        self.record = record
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

    /// What reading `file` gave and the hash of its content, when the record shows the file unchanged since it was read;
    /// nil when the file must be read to know, or is over `maxFileSize` (to be refused as reading it would be).
    func outcome(ofUnchanged file: InboxFile, maxFileSize: Int) -> (outcome: Outcome, sha256: String)? {
        guard let stamp = file.stamp, let sha256 = record.unchangedEntry(at: file.relativePath, stamp: stamp, maxFileSize: maxFileSize)?.sha256,
              let outcome = self[sha256, file.declaredFormat]
        else { return nil }
        return (outcome, sha256)
    }

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
