import Foundation

/// Finds and loads a corpus named on the command line: a corpus folder, or its `corpus.sqlite`.
public enum CorpusLocation {
    /// The database file of the corpus at `path`.
    ///
    /// - Parameter path: A folder that `crosscheck build` wrote, or a `corpus.sqlite` file.
    /// - Returns: The path of the `corpus.sqlite` to read.
    /// - Throws: `CrosscheckError.corpusUnreadable` when there is nothing at `path`, or a folder without a corpus.
    public static func databasePath(for path: String) throws -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CrosscheckError.corpusUnreadable(path: path, reason: "there is no such file or folder; name a corpus folder that 'crosscheck build' wrote, or its corpus.sqlite")
        }
        guard isFolder.boolValue else { return path }
        let database = URL(fileURLWithPath: path).appendingPathComponent("corpus.sqlite").path
        guard FileManager.default.fileExists(atPath: database) else {
            throw CrosscheckError.corpusUnreadable(path: path, reason: "the folder holds no corpus.sqlite; build one with 'crosscheck build INBOX --output \(path)', or name another folder")
        }
        return database
    }

    /// Reads the corpus at `path` (a corpus folder or a `corpus.sqlite`).
    ///
    /// - Throws: `CrosscheckError.corpusUnreadable` when it is missing, damaged, not a corpus, or of another schema version.
    public static func load(_ path: String) throws -> Corpus {
        let database = try databasePath(for: path)
        do {
            return try SQLiteCorpusStore(path: database).load()
        } catch CrosscheckError.corpusUnreadable(let path, let reason) {
            throw CrosscheckError.corpusUnreadable(path: path, reason: plainReason(reason))
        }
    }

    /// The store's reason, with SQLite's wording for a file that is not a corpus put in a person's words.
    private static func plainReason(_ reason: String) -> String {
        if reason.contains("not a database") || reason.contains("malformed") {
            return "it is not a readable SQLite database (damaged, or another kind of file); rebuild it with 'crosscheck build'"
        }
        if reason.contains("no such table") {
            return "it is an SQLite database without Crosscheck's tables, not a corpus; name a corpus.sqlite that 'crosscheck build' wrote"
        }
        return reason
    }

    /// Reads two corpora at once, one per core.
    ///
    /// - Throws: The old corpus's error first, if both cannot be read.
    public static func loadPair(old: String, new: String) throws -> (old: Corpus, new: Corpus) {
        let results = ParallelMap.map([old, new], jobs: 2) { path in Result { try load(path) } }
        return (try results[0].get(), try results[1].get())
    }
}
