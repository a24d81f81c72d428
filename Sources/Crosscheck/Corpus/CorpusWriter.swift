import Foundation

/// Writes a corpus folder: `corpus.sqlite`, then the exports read back from it, all staged in a
/// sibling folder and swapped in at once, so a crash leaves the old corpus or the new one, never half.
public enum CorpusWriter {
    /// The files a corpus folder holds. Anything else found in the folder (a `.gitkeep`) is carried over.
    public static let fileNames = ["corpus.sqlite", "documents.jsonl", "claims.jsonl"] + Relation.Kind.allCases.map(\.fileName)
        + ["citations.json", "citations.bib", "report.md", "report.html", "manifest.json"]

    /// Writes `corpus` to `output`. Throws `CrosscheckError.outputNotWritable` with the previous corpus left in place.
    public static func write(_ corpus: Corpus, to output: URL) throws {
        var timings = StageTimings()
        try write(corpus, to: output, timings: &timings)
    }

    /// The exports are rendered from the same corpus value the store holds (the store round-trips it exactly,
    /// which the tests check), so the build need not read the database back. With more than one job the
    /// database and the exports are written at the same time.
    /// `extraFiles` (name, content) are written into the same folder, swapped in with the corpus they go with;
    /// `cache` keeps the JSON lines of one write for the next.
    static func write(_ corpus: Corpus, to output: URL, jobs: Int = 1, timings: inout StageTimings, extraFiles: [(String, Data)] = [],
                      cache: ExportLineCache? = nil) throws {
        let folder = AtomicFolder(target: output)
        var local = StageTimings()
        try folder.replace { staging in
            for (name, data) in extraFiles { try data.write(to: staging.appendingPathComponent(name)) }
            let store = SQLiteCorpusStore(path: staging.appendingPathComponent("corpus.sqlite").path)
            if jobs > 1 {
                let outcomes = ParallelMap.map([0, 1], jobs: 2) { task -> (Result<Void, Error>, StageTimings) in
                    var taskTimings = StageTimings()
                    let result = Result<Void, Error> {
                        if task == 0 { try taskTimings.measure(.store) { try store.save(corpus) } } else { try taskTimings.measure(.exports) { try writeExports(of: corpus, into: staging, cache: cache) } }
                    }
                    return (result, taskTimings)
                }
                for (result, taskTimings) in outcomes {
                    local.merge(taskTimings)
                    try result.get()
                }
            } else {
                try local.measure(.store) { try store.save(corpus) }
                try local.measure(.exports) { try writeExports(of: corpus, into: staging, cache: cache) }
            }
        }
        timings.merge(local)
    }

    /// Writes the exports of a corpus into a folder (no staging): the files a person or a script reads.
    static func writeExports(of corpus: Corpus, into folder: URL, cache: ExportLineCache? = nil) throws {
        func put(_ name: String, _ data: Data) throws {
            try data.write(to: folder.appendingPathComponent(name))
        }
        try put("documents.jsonl", try cache?.documentLines(corpus.documents) ?? JSONExport.lines(corpus.documents))
        try put("claims.jsonl", try cache?.claimLines(corpus.claims) ?? JSONExport.lines(corpus.claims))
        // One file per kind, so that no relation appears twice.
        for kind in Relation.Kind.allCases {
            try put(kind.fileName, try cache?.relationLines(corpus.relations(kind)) ?? JSONExport.lines(corpus.relations(kind)))
        }
        cache?.keepRelations(corpus.relations)
        try put("citations.json", try JSONExport.document(corpus.documents.map(CSLItem.init(document:))))
        try put("citations.bib", Data(BibTeX.render(corpus.documents).utf8))
        let report = ReportContent(corpus)
        try put("report.md", Data(MarkdownReport.render(report).utf8))
        try put("report.html", Data(HTMLReport.render(report).utf8))
        try put("manifest.json", try JSONExport.document(Manifest(corpus: corpus)))
    }
}
