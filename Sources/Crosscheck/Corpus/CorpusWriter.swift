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
    /// Each file is written as it is made, through a buffer of about a megabyte, never gathered whole first.
    static func writeExports(of corpus: Corpus, into folder: URL, cache: ExportLineCache? = nil) throws {
        func file(_ name: String) -> URL { folder.appendingPathComponent(name) }
        if let cache {
            try cache.writeDocumentLines(corpus.documents, to: file("documents.jsonl"))
            try cache.writeClaimLines(corpus.claims, to: file("claims.jsonl"))
        } else {
            try ExportFile.writeLines(corpus.documents, to: file("documents.jsonl"))
            try ExportFile.writeLines(corpus.claims, to: file("claims.jsonl"))
        }
        // One file per kind, so that no relation appears twice; read in place, not copied out by kind.
        for kind in Relation.Kind.allCases {
            let relations = corpus.relations.lazy.filter { $0.kind == kind }
            if let cache {
                try cache.writeRelationLines(relations, to: file(kind.fileName))
            } else {
                try ExportFile.writeLines(relations, to: file(kind.fileName))
            }
        }
        cache?.finishRelations()
        try ExportFile.write(JSONExport.document(corpus.documents.map(CSLItem.init(document:))), to: file("citations.json"))
        try ExportFile.write(BibTeX.render(corpus.documents), to: file("citations.bib"))
        let report = ReportContent(corpus)
        try ExportFile.write(MarkdownReport.render(report), to: file("report.md"))
        try ExportFile.write(HTMLReport.render(report), to: file("report.html"))
        try ExportFile.write(JSONExport.document(Manifest(corpus: corpus)), to: file("manifest.json"))
    }
}
