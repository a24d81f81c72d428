/// The corpus tables and every SQL statement the stores run, in one place.
enum CorpusSchema {
    /// A relation's sides are its claims (`claim_a`, `claim_b`) and the values compared. A value that is one of its claim's
    /// quantities is named by its ordinal there (`value_a`, `value_b`, joining `quantities` on `claim_id` and `ordinal`);
    /// one that is not (a total the engine worked out from two of them) is a row of `relation_values`; a side with
    /// neither was related by its wording alone. Naming the quantity instead of copying it halves the rows a save writes.
    ///
    /// No row holds a place in the whole corpus, so that an update inserts and deletes rows without renumbering the
    /// rest: documents and inputs are read in path order, a claim's or a section's `ordinal` is its place in its
    /// document, and relations are put in kind then id order as they are read (`SQLiteCorpusStore.load`).
    /// The tables, without their secondary indexes (`createIndexes`), which a fresh save builds once the rows are in.
    static let createTables: [String] = [
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)
        """,
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY NOT NULL, path TEXT NOT NULL UNIQUE, format TEXT NOT NULL, sha256 TEXT NOT NULL,
            bytes INTEGER NOT NULL, encoding TEXT NOT NULL, url TEXT, title TEXT, authors TEXT NOT NULL, site TEXT, language TEXT,
            published TEXT, modified TEXT, evidence TEXT NOT NULL, citation_key TEXT NOT NULL UNIQUE)
        """,
        """
        CREATE TABLE sections (
            id TEXT PRIMARY KEY NOT NULL, document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL, heading TEXT NOT NULL, level INTEGER NOT NULL, path TEXT NOT NULL, text TEXT NOT NULL)
        """,
        """
        CREATE TABLE claims (
            id TEXT PRIMARY KEY NOT NULL, document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            section_id TEXT NOT NULL REFERENCES sections(id) ON DELETE CASCADE, ordinal INTEGER NOT NULL, source TEXT NOT NULL,
            section_path TEXT NOT NULL, text TEXT NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
            kinds TEXT NOT NULL, date_value TEXT, date_precision TEXT, date_basis TEXT NOT NULL,
            date_phrase TEXT, citation_key TEXT NOT NULL)
        """,
        """
        CREATE TABLE quantities (claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE, ordinal INTEGER NOT NULL,
            \(quantityColumnsDefinition), PRIMARY KEY (claim_id, ordinal))
        """,
        """
        CREATE TABLE citations (key TEXT PRIMARY KEY NOT NULL, document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            csl TEXT NOT NULL)
        """,
        """
        CREATE TABLE relations (id TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL,
            claim_a TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE, claim_b TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            value_a INTEGER, value_b INTEGER,
            subject TEXT, metric TEXT NOT NULL, explanation TEXT NOT NULL, confidence REAL NOT NULL, better_supported TEXT)
        """,
        """
        CREATE TABLE relation_values (relation_id TEXT NOT NULL REFERENCES relations(id) ON DELETE CASCADE, side INTEGER NOT NULL,
            \(quantityColumnsDefinition), PRIMARY KEY (relation_id, side))
        """,
        """
        CREATE TABLE source_trust (document_id TEXT PRIMARY KEY NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            score REAL NOT NULL, agreements INTEGER NOT NULL, contradictions INTEGER NOT NULL, basis TEXT NOT NULL)
        """,
        """
        CREATE TABLE inputs (path TEXT PRIMARY KEY NOT NULL, sha256 TEXT, bytes INTEGER NOT NULL,
            status TEXT NOT NULL, document_id TEXT, reason TEXT)
        """,
    ]

    /// Built from the rows in one sort each, after a fresh save has inserted them: kept up row by row, each insert
    /// wrote into a random place of each index.
    ///
    /// Every reference is the first column of an index (or of its table's key): deleting a row makes SQLite look for the
    /// rows that reference it, and without an index it reads the whole referencing table. A watcher's update that
    /// replaced 15 claims read every relation 15 times (400 to 800 ms at 1,000 documents, once in a few updates).
    static let createIndexes = [
        "CREATE INDEX sections_by_document ON sections(document_id, ordinal)",
        "CREATE INDEX claims_by_document ON claims(document_id, ordinal)",
        "CREATE INDEX claims_by_section ON claims(section_id)",
        "CREATE INDEX citations_by_document ON citations(document_id)",
        "CREATE INDEX relations_by_claim ON relations(claim_a, claim_b)",
        "CREATE INDEX relations_by_second_claim ON relations(claim_b)",
    ]

    /// The columns of a quantity, shared by `quantities` (a claim's values) and `relation_values` (values compared that
    /// are not one of their claim's quantities).
    static let quantityColumns = ["kind", "text", "span_start", "span_end", "value", "low", "high", "qualifier", "currency",
                                  "currency_inferred", "scale", "unit", "date", "precision"]
    static let quantityColumnsDefinition = """
        kind TEXT NOT NULL, text TEXT NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, value REAL NOT NULL, low REAL, \
        high REAL, qualifier TEXT NOT NULL, currency TEXT, currency_inferred INTEGER, scale TEXT, unit TEXT, date TEXT, precision TEXT
        """
    static let quantityPlaceholders = Array(repeating: "?", count: quantityColumns.count).joined(separator: ", ")

    /// Set before `save` writes a database file it has just created (or the watcher's copy of the last one, which it
    /// updates): no rollback journal on disk, and no wait for the disk at commit. Such a file is only made inside a staging folder that is swapped in whole once the file is
    /// complete (`AtomicFolder`), or removed when the run fails or is killed: no reader sees it half written, and a
    /// crash loses nothing that was there before. (Like the exports, which are not synced either, the new corpus
    /// reaches the disk when the system writes it back.) The journal stays in memory, so a failed save still rolls back.
    static let freshFilePragmas = ["PRAGMA journal_mode = MEMORY", "PRAGMA synchronous = OFF"]

    /// Set before an update (`save(_:over:delta:)`): a page cache of 64 MB, which holds the indexes of a large corpus.
    /// With SQLite's default of 2 MB, deleting and inserting rows in random key order read and wrote the same pages
    /// again and again (for 100,000 claims: 0.9 million reads and 0.4 million writes of 4 KB, for a file of 70,000 pages).
    static let updatePragmas = ["PRAGMA cache_size = -65536"]

    /// Set before a whole save, which inserts each table in key order and so only ever writes at the end of an index:
    /// 8 MB, mostly for sorting the rows of the indexes built afterwards.
    static let wholeSavePragmas = ["PRAGMA cache_size = -8192"]

    static let insertMeta = "INSERT INTO meta (key, value) VALUES (?, ?)"
    static let insertDocument = """
        INSERT INTO documents (id, path, format, sha256, bytes, encoding, url, title, authors, site, language, published,
            modified, evidence, citation_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let insertSection = "INSERT INTO sections (id, document_id, ordinal, heading, level, path, text) VALUES (?, ?, ?, ?, ?, ?, ?)"
    static let insertClaim = """
        INSERT INTO claims (id, document_id, section_id, ordinal, source, section_path, text, span_start, span_end, kinds,
            date_value, date_precision, date_basis, date_phrase, citation_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let insertQuantity = "INSERT INTO quantities (claim_id, ordinal, \(quantityColumns.joined(separator: ", "))) VALUES (?, ?, \(quantityPlaceholders))"
    static let insertRelationValue = "INSERT INTO relation_values (relation_id, side, \(quantityColumns.joined(separator: ", "))) VALUES (?, ?, \(quantityPlaceholders))"
    static let insertCitation = "INSERT INTO citations (key, document_id, csl) VALUES (?, ?, ?)"
    static let insertRelation = """
        INSERT INTO relations (id, kind, claim_a, claim_b, value_a, value_b, subject, metric, explanation, confidence,
            better_supported) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let insertTrust = "INSERT INTO source_trust (document_id, score, agreements, contradictions, basis) VALUES (?, ?, ?, ?, ?)"
    static let insertInput = "INSERT INTO inputs (path, sha256, bytes, status, document_id, reason) VALUES (?, ?, ?, ?, ?, ?)"

    /// Whether the file already holds a corpus's tables (then `save` empties them instead of creating them).
    static let selectHasTables = "SELECT COUNT(*) > 0 FROM sqlite_master WHERE name = 'meta'"
    static let selectSchemaVersion = "SELECT value FROM meta WHERE key = 'schema_version'"
    static let selectDocuments = "SELECT * FROM documents ORDER BY path"
    static let selectSections = "SELECT * FROM sections ORDER BY document_id, ordinal"
    /// Explicit columns, read by position, in the order the rows lie in the file (by id, as a save inserts them): read by
    /// document through the index, each row was a lookup elsewhere in the table. The loader orders them by document.
    static let selectClaims = """
        SELECT id, document_id, source, section_id, section_path, text, span_start, span_end, kinds, date_value, date_precision,
            date_basis, date_phrase, citation_key, ordinal FROM claims
        """
    static let selectQuantities = "SELECT claim_id, \(quantityColumns.joined(separator: ", ")) FROM quantities ORDER BY claim_id, ordinal"
    static let selectRelationValues = "SELECT relation_id, side, \(quantityColumns.joined(separator: ", ")) FROM relation_values"
    static let selectInputs = "SELECT * FROM inputs ORDER BY path"
    static let selectRelations = """
        SELECT id, kind, claim_a, claim_b, value_a, value_b, subject, metric, explanation, confidence, better_supported
            FROM relations
        """
    static let selectTrust = "SELECT * FROM source_trust ORDER BY document_id"
    static let countDocuments = "SELECT COUNT(*) FROM documents"
    static let countSections = "SELECT COUNT(*) FROM sections"
    static let countClaims = "SELECT COUNT(*) FROM claims"
    static let countRelationsByKind = "SELECT kind, COUNT(*) FROM relations GROUP BY kind"
    /// What `save(_:over:delta:)` deletes by id; the rows that depend on them go too (ON DELETE CASCADE).
    static let deleteRelation = "DELETE FROM relations WHERE id = ?"
    static let deleteClaim = "DELETE FROM claims WHERE id = ?"
    static let deleteDocument = "DELETE FROM documents WHERE id = ?"
    /// The tables an update writes whole.
    static let deleteSmallTables = ["DELETE FROM source_trust", "DELETE FROM inputs", "DELETE FROM meta"]
    static let deleteAll = ["DELETE FROM relation_values", "DELETE FROM quantities", "DELETE FROM relations", "DELETE FROM source_trust", "DELETE FROM citations", "DELETE FROM claims", "DELETE FROM sections", "DELETE FROM documents", "DELETE FROM inputs", "DELETE FROM meta"]
}
