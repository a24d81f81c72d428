import Foundation
import GRDB

/// The corpus in one SQLite file (`corpus.sqlite`), through GRDB.
public struct SQLiteCorpusStore: CorpusStore, Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// - Parameter foreignKeys: whether SQLite checks each row's references and deletes dependent rows with theirs.
    private func open(create: Bool, foreignKeys: Bool = true) throws -> DatabaseQueue {
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw CrosscheckError.corpusUnreadable(path: path, reason: "no such file")
        }
        var configuration = Configuration()
        configuration.readonly = !create
        configuration.foreignKeysEnabled = foreignKeys
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Writes the whole corpus, replacing whatever the file held.
    ///
    /// Rows go in the order of their keys, and the secondary indexes are built once the rows are in: ids are hashes,
    /// and rows inserted as the corpus lists them wrote all over each index, so that at 100,000 documents the store
    /// took 90 s, growing faster than the corpus. References are not checked row by row (the corpus holds what they
    /// name, by construction), and an empty file has nothing to delete.
    public func save(_ corpus: Corpus) throws {
        try save(corpus, relationLines: nil)
    }

    /// The same, with `relationLines` the relations taken with their JSON lines from `source` and each line handed to
    /// `write` as its relation is inserted, in the order of their ids (the batch build writes the relations' lines
    /// then: a deferred relation is made once, not once for each).
    func save(_ corpus: Corpus, relationLines: RowWriter.RelationLines?) throws {
        try write(foreignKeys: false, pragmas: CorpusSchema.wholeSavePragmas) { db in
            let exists = try Bool.fetchOne(db, sql: CorpusSchema.selectHasTables) ?? false
            for statement in exists ? CorpusSchema.deleteAll : CorpusSchema.createTables { try db.execute(sql: statement) }
            let rows = try RowWriter(db, corpus: corpus)
            try rows.insertMeta()
            try rows.insertInKeyOrder(relationLines: relationLines)
            if !exists { for statement in CorpusSchema.createIndexes { try db.execute(sql: statement) } }
        }
    }

    /// Turns a file that holds `old` into one that holds `corpus`, deleting and inserting only the rows that differ
    /// (`delta`, from `old` to `corpus`): a watcher's update touches a few hundred rows of a corpus of a hundred thousand.
    /// Deleting a document or a claim takes its dependent rows with it (ON DELETE CASCADE); those still in `corpus`
    /// are inserted again. Source trust, inputs and meta are small and written whole.
    ///
    /// The file is a private copy in a staging folder (`CorpusWriter`): it is written as a fresh file is, without a
    /// journal on disk or a wait for the disk.
    func save(_ corpus: Corpus, over old: Corpus, delta: CorpusDelta) throws {
        try write(asFreshFile: true, pragmas: CorpusSchema.updatePragmas) { db in
            // Each delete statement is prepared once, not once per row.
            for (sql, ids) in [(CorpusSchema.deleteRelation, delta.relations.gone), (CorpusSchema.deleteClaim, delta.claims.gone),
                               (CorpusSchema.deleteDocument, delta.documents.gone)] where !ids.isEmpty {
                let statement = try db.makeStatement(sql: sql)
                for id in ids { try statement.execute(arguments: [id]) }
            }
            for statement in CorpusSchema.deleteSmallTables { try db.execute(sql: statement) }
            // The claims deleted, named or along with their document: their relations went with them.
            var deletedClaims = delta.claims.gone
            if !delta.documents.gone.isEmpty {
                for claim in old.claims where delta.documents.gone.contains(claim.document) { deletedClaims.insert(claim.id) }
            }
            let rows = try RowWriter(db, corpus: corpus)
            try rows.insertMeta()
            for document in corpus.documents where delta.documents.arrived.contains(document.id) { try rows.insert(document) }
            var positions = ClaimPositions()
            try corpus.claims.withUnsafeBufferPointer { claims in
                for index in claims.indices {
                    let claim = claims.baseAddress! + index
                    let position = positions.next(in: claim.pointee.document)
                    if delta.claims.arrived.contains(claim.pointee.id) || deletedClaims.contains(claim.pointee.id) {
                        try rows.insert(claim.pointee, position: position)
                    }
                }
            }
            // Relations are read in place (a copy of each of tens of thousands would retain a dozen fields), or made one by one.
            try corpus.relations.forEach { _, relation in
                guard delta.relations.arrived.contains(relation.pointee.id)
                    || !deletedClaims.isEmpty && (deletedClaims.contains(relation.pointee.first.id) || deletedClaims.contains(relation.pointee.second.id)) else { return }
                try rows.insert(relation.pointee)
            }
            for trust in corpus.trust { try rows.insert(trust) }
            for input in corpus.inputs { try rows.insert(input) }
        }
    }

    /// Runs `body` in one transaction on the file, made if missing, after `pragmas`, and turns failures into `storeFailed`.
    private func write(asFreshFile: Bool = false, foreignKeys: Bool = true, pragmas: [String], _ body: (Database) throws -> Void) throws {
        do {
            let isFresh = asFreshFile || !FileManager.default.fileExists(atPath: path)
            let queue = try open(create: true, foreignKeys: foreignKeys)
            try queue.writeWithoutTransaction { db in
                let pragmas = isFresh ? pragmas + CorpusSchema.freshFilePragmas : pragmas
                for statement in pragmas { try db.execute(sql: statement) }
                try db.inTransaction {
                    try body(db)
                    return .commit
                }
            }
            try queue.close()
        } catch let error as CrosscheckError {
            throw error
        } catch let error as DatabaseError {
            // SQLite's own sentence ("database or disk is full"), without the statement it stopped in.
            throw CrosscheckError.storeFailed(path: path, reason: error.message ?? "\(error.resultCode)")
        } catch {
            throw CrosscheckError.storeFailed(path: path, reason: "\(error)")
        }
    }

    public func load() throws -> Corpus {
        try load(relations: true)
    }

    /// - Parameter relations: false to leave out the relations and source trust (a rebuild reuses documents and
    ///   claims only; the relations are most of a large corpus's rows).
    func load(relations withRelations: Bool) throws -> Corpus {
        let opened = try openForReading()
        defer { opened.close() }
        return try load(from: opened, relations: withRelations)
    }

    /// The store opened for reading: what it holds can be read now or later, from the file opened, whatever becomes of
    /// its path meanwhile (a folder swapped in by a watcher, say).
    final class Opened: Sendable {
        let queue: DatabaseQueue
        /// The file's stamp when it was opened.
        let stamp: FileStamp?

        fileprivate init(queue: DatabaseQueue, stamp: FileStamp?) {
            (self.queue, self.stamp) = (queue, stamp)
        }

        func close() { try? queue.close() }
    }

    /// Opens the file and checks that it holds a corpus of this schema.
    func openForReading() throws -> Opened {
        try reportingUnreadable {
            let stamp = FileStamp(path: path)
            let queue = try open(create: false)
            do {
                try queue.read { db in
                    guard let version = try String.fetchOne(db, sql: CorpusSchema.selectSchemaVersion) else {
                        throw CrosscheckError.corpusUnreadable(path: path, reason: "it is not a Crosscheck corpus (no schema version)")
                    }
                    guard version == String(Corpus.schemaVersion) else {
                        throw CrosscheckError.corpusUnreadable(path: path, reason: "schema version \(version), this crosscheck reads version \(Corpus.schemaVersion); rebuild it with this version")
                    }
                }
            } catch {
                try? queue.close()
                throw error
            }
            return Opened(queue: queue, stamp: stamp)
        }
    }

    /// `body`'s result; an error other than ours (SQLite's, GRDB's) becomes `CrosscheckError.corpusUnreadable`.
    private func reportingUnreadable<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CrosscheckError {
            throw error
        } catch {
            throw CrosscheckError.corpusUnreadable(path: path, reason: "\(error)")
        }
    }

    /// How many documents, sections, claims and relations of each kind the store holds, and its inputs: a build's summary,
    /// without loading the corpus.
    func summary(of opened: Opened) throws -> (counts: CorpusCounts, inputs: [InputRecord]) {
        try reportingUnreadable {
            try opened.queue.read { db in
                var counts = CorpusCounts(documents: try Int.fetchOne(db, sql: CorpusSchema.countDocuments) ?? 0,
                                          sections: try Int.fetchOne(db, sql: CorpusSchema.countSections) ?? 0,
                                          claims: try Int.fetchOne(db, sql: CorpusSchema.countClaims) ?? 0)
                for row in try Row.fetchAll(db, sql: CorpusSchema.countRelationsByKind) {
                    // Counted as `load` reads them.
                    let kind = Relation.Kind(rawValue: try row.decode(atIndex: 0)) ?? .agreement
                    counts.relations[kind, default: 0] += try row.decode(Int.self, atIndex: 1)
                }
                return (counts, try inputRows(db))
            }
        }
    }

    /// The corpus `opened` holds (see `load(relations:)`).
    func load(from opened: Opened, relations withRelations: Bool) throws -> Corpus {
        try reportingUnreadable {
            let queue = opened.queue
            // The documents and the claims are read side by side, each on a connection of its own (0.5 and 0.6 s at 10,000
            // documents), when the second connection opened the file the first did: a folder swapped in between would give
            // two corpora.
            let second = try? open(create: false)
            defer { try? second?.close() }
            let claimsQueue = second.flatMap { opened.stamp != nil && FileStamp(path: path) == opened.stamp ? $0 : nil }
            var documentsPart: DocumentRows?
            var claimsPart: ClaimRows?
            if let claimsQueue {
                let parts = ParallelMap.map([0, 1], jobs: 2, chunkSize: 1) { part -> Result<(DocumentRows?, ClaimRows?), Error> in
                    Result {
                        if part == 0 { return (try queue.read { try self.documentRows($0) }, nil) }
                        return (nil, try claimsQueue.read { try self.claimRows($0) })
                    }
                }
                documentsPart = try parts[0].get().0
                claimsPart = try parts[1].get().1
            } else {
                documentsPart = try queue.read { try documentRows($0) }
                claimsPart = try queue.read { try claimRows($0) }
            }
            let (documents, inputs) = (documentsPart!.documents, documentsPart!.inputs)
            var claims = claimsPart!.claims
            let claimOrdinals = claimsPart!.ordinals
            // In the order of their documents, then their place in it (claims of a document that is not there, which only
            // a damaged file holds, last, by document id as SQLite orders text, then place).
            let documentOrder = Dictionary(documents.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            let claimDocuments = claims.map { documentOrder[$0.document] ?? Int.max }
            let order = claims.indices.sorted { a, b in
                if claimDocuments[a] != claimDocuments[b] { return claimDocuments[a] < claimDocuments[b] }
                if claimDocuments[a] == Int.max, claims[a].document != claims[b].document {
                    return claims[a].document.utf8.lexicographicallyPrecedes(claims[b].document.utf8)
                }
                return (claimOrdinals[a], a) < (claimOrdinals[b], b)
            }
            claims = order.map { claims[$0] }
            guard withRelations else { return Corpus(documents: documents, claims: claims, inputs: inputs) }
            let (relations, trust) = try queue.read { try relationRows($0, claims: claims) }
            return Corpus(documents: documents, claims: claims, relations: relations, trust: trust, inputs: inputs)
        }
    }

    /// The documents with their sections, and the inputs, as the store holds them.
    private struct DocumentRows: Sendable {
        var documents: [Document]
        var inputs: [InputRecord]
    }

    /// The claims with their quantities, in the order of the table, and each one's place in its document.
    private struct ClaimRows: Sendable {
        var claims: [Claim]
        var ordinals: [Int]
    }

    private func documentRows(_ db: Database) throws -> DocumentRows {
        let columns = JSONColumns(path: path)
        var sections: [String: [Section]] = [:]
        let sectionRows = try Row.fetchAll(db, sql: CorpusSchema.selectSections)
        let sectionPaths = try columns.decodeColumn([String].self, sectionRows.map { try $0.decode(forColumn: "path") })
        for (row, path) in zip(sectionRows, sectionPaths) {
            let section = Section(id: try row.decode(forColumn: "id"), heading: try row.decode(forColumn: "heading"),
                                  level: try row.decode(forColumn: "level"), path: path ?? [], text: try row.decode(forColumn: "text"))
            sections[try row.decode(String.self, forColumn: "document_id"), default: []].append(section)
        }
        var documents: [Document] = []
        for row in try Row.fetchAll(db, sql: CorpusSchema.selectDocuments) {
            let id: String = try row.decode(forColumn: "id")
            let format = SourceFormat(rawValue: try row.decode(forColumn: "format")) ?? .text
            documents.append(Document(
                id: id,
                source: SourceInfo(path: try row.decode(forColumn: "path"), format: format, sha256: try row.decode(forColumn: "sha256"),
                                   bytes: try row.decode(forColumn: "bytes"), encoding: try row.decode(forColumn: "encoding")),
                url: try row.decode(forColumn: "url"), title: try row.decode(forColumn: "title"),
                authors: try columns.decode([String].self, try row.decode(forColumn: "authors")) ?? [], site: try row.decode(forColumn: "site"),
                language: try row.decode(forColumn: "language"), published: try columns.decode(DatedValue.self, try row.decode(forColumn: "published")),
                modified: try columns.decode(DatedValue.self, try row.decode(forColumn: "modified")),
                evidence: try columns.decode([String: String].self, try row.decode(forColumn: "evidence")) ?? [:],
                citationKey: try row.decode(forColumn: "citation_key"), sections: sections[id] ?? []))
        }
        return DocumentRows(documents: documents, inputs: try inputRows(db))
    }

    private func inputRows(_ db: Database) throws -> [InputRecord] {
        var inputs: [InputRecord] = []
        for row in try Row.fetchAll(db, sql: CorpusSchema.selectInputs) {
            inputs.append(InputRecord(path: try row.decode(forColumn: "path"), sha256: try row.decode(forColumn: "sha256"),
                                      bytes: try row.decode(forColumn: "bytes"),
                                      status: InputRecord.Status(rawValue: try row.decode(forColumn: "status")) ?? .rejected,
                                      document: try row.decode(forColumn: "document_id"), reason: try row.decode(forColumn: "reason")))
        }
        return inputs
    }

    private func claimRows(_ db: Database) throws -> ClaimRows {
        let columns = JSONColumns(path: path)
        // Cursors read straight from the statement, without copying every row first.
        var quantities: [String: [Quantity]] = [:]
        let quantityRows = try Row.fetchCursor(db, sql: CorpusSchema.selectQuantities)
        while let row = try quantityRows.next() {
            quantities[try row.decode(String.self, atIndex: 0), default: []].append(try QuantityColumns.quantity(row, from: 1))
        }
        var claims: [Claim] = []
        var claimOrdinals: [Int] = []
        var claimPathTexts: [String?] = []
        var claimKindTexts: [String?] = []
        // The claims of a document share its id, path and citation key, those of a section its id, path and often their
        // kinds: each text is held once, as a build holds it, not once per row (a rebuild relates the claims loaded, and
        // rows' copies, freed among the claims, were memory its peak could not reuse).
        let shared = StringInterner()
        func text(_ row: Row, _ index: Int) throws -> String { shared.intern(try row.decode(atIndex: index)) }
        func optionalText(_ row: Row, _ index: Int) throws -> String? { try row.decode(String?.self, atIndex: index).map(shared.intern) }
        let claimRows = try Row.fetchCursor(db, sql: CorpusSchema.selectClaims)
        while let row = try claimRows.next() {
            let id: String = try row.decode(atIndex: 0)
            let precision: String? = try row.decode(atIndex: 10)
            claimPathTexts.append(try optionalText(row, 4))
            claimKindTexts.append(try optionalText(row, 8))
            claimOrdinals.append(try row.decode(atIndex: 14))
            claims.append(Claim(
                id: id, document: try text(row, 1), source: try text(row, 2), section: try text(row, 3),
                sectionPath: [], text: try row.decode(atIndex: 5),
                span: TextSpan(start: try row.decode(atIndex: 6), end: try row.decode(atIndex: 7)), kinds: [], quantities: quantities[id] ?? [],
                date: ClaimDate(value: try row.decode(atIndex: 9), precision: precision.flatMap(DatePrecision.init(rawValue:)),
                                basis: ClaimDate.Basis(rawValue: try row.decode(atIndex: 11)) ?? .none, phrase: try optionalText(row, 12)),
                citationKey: try text(row, 13)))
        }
        let claimPaths = try columns.decodeColumn([String].self, claimPathTexts)
        let claimKinds = try columns.decodeColumn([String].self, claimKindTexts)
        for index in claims.indices {
            claims[index].sectionPath = claimPaths[index] ?? []
            claims[index].kinds = claimKinds[index] ?? []
        }
        return ClaimRows(claims: claims, ordinals: claimOrdinals)
    }

    /// The relations, in kind then id order, and the sources' trust; `claims` are those the relations name.
    private func relationRows(_ db: Database, claims: [Claim]) throws -> (relations: [Relation], trust: [SourceTrust]) {
        let claimsByID = try Dictionary(claims.map { ($0.id, $0) }) { claim, _ in
            throw CrosscheckError.corpusUnreadable(path: path, reason: "claim \(claim.id) is in the corpus twice")
        }
        var values: [[String: Quantity]] = [[:], [:]]
        let valueRows = try Row.fetchCursor(db, sql: CorpusSchema.selectRelationValues)
        while let row = try valueRows.next() {
            let side: Int = try row.decode(atIndex: 1)
            if side == 0 || side == 1 { values[side][try row.decode(String.self, atIndex: 0)] = try QuantityColumns.quantity(row, from: 2) }
        }
        var relations: [Relation] = []
        let relationRows = try Row.fetchCursor(db, sql: CorpusSchema.selectRelations)
        while let row = try relationRows.next() {
            let id: String = try row.decode(atIndex: 0)
            let sides = try [2, 3].enumerated().map { side, column -> RelatedClaim in
                guard let claim = claimsByID[try row.decode(String.self, atIndex: column)] else {
                    throw CrosscheckError.corpusUnreadable(path: path, reason: "relation \(id) names a claim that is not in the corpus")
                }
                if let ordinal = try row.decode(Int?.self, atIndex: column + 2) {
                    guard claim.quantities.indices.contains(ordinal) else {
                        throw CrosscheckError.corpusUnreadable(
                            path: path, reason: "relation \(id) names value \(ordinal) of claim \(claim.id), which has \(claim.quantities.count)")
                    }
                    return RelatedClaim(claim: claim, value: claim.quantities[ordinal])
                }
                return RelatedClaim(claim: claim, value: values[side][id])
            }
            relations.append(Relation(
                id: id, kind: Relation.Kind(rawValue: try row.decode(atIndex: 1)) ?? .agreement, claims: sides, subject: try row.decode(atIndex: 6),
                metric: try row.decode(atIndex: 7), explanation: try row.decode(atIndex: 8), confidence: try row.decode(atIndex: 9),
                betterSupported: try row.decode(atIndex: 10)))
        }
        // Keys made once and sorted with their rows' places, then each relation moved once: sorting the relations themselves
        // parsed two ids per comparison and copied relations as it merged (3 s of 4 at 10,000 documents).
        let keys = relations.map { ($0.kind.rank, IDOrder($0.id)) }
        let order = relations.indices.sorted { (keys[$0].0, keys[$0].1, $0) < (keys[$1].0, keys[$1].1, $1) }
        relations = order.map { relations[$0] }
        var trust: [SourceTrust] = []
        for row in try Row.fetchAll(db, sql: CorpusSchema.selectTrust) {
            trust.append(SourceTrust(document: try row.decode(forColumn: "document_id"), score: try row.decode(forColumn: "score"),
                                     agreements: try row.decode(forColumn: "agreements"),
                                     contradictions: try row.decode(forColumn: "contradictions"), basis: try row.decode(forColumn: "basis")))
        }
        return (relations, trust)
    }
}

/// Values a store keeps as JSON text in a column (lists of names, dates, evidence).
private struct JSONColumns {
    /// The store's file, named in errors.
    let path: String
    let decoder = JSONDecoder()

    func decode<T: Decodable>(_ type: T.Type, _ text: String?) throws -> T? {
        guard let text else { return nil }
        return try decoder.decode(T.self, from: Data(text.utf8))
    }

    /// One JSON array for a whole column: the decoder's cost per call, not per row. Each distinct text is decoded once
    /// (the claims of a section share its path, and most claims one of a few lists of kinds: at 10,000 documents this
    /// took the claims' two columns from 460 to 140 ms), and rows of one text share the value.
    func decodeColumn<T: Decodable>(_ type: T.Type, _ texts: [String?]) throws -> [T?] {
        var distinct: [String: Int] = [:]
        var unique: [String] = []
        let slots = texts.map { text -> Int in
            guard let text else { return -1 }
            if let slot = distinct[text] { return slot }
            distinct[text] = unique.count
            unique.append(text)
            return unique.count - 1
        }
        var joined = "["
        joined.reserveCapacity(unique.reduce(2) { $0 + $1.utf8.count + 1 })
        for (index, text) in unique.enumerated() {
            if index > 0 { joined += "," }
            joined += text
        }
        joined += "]"
        let values = try decoder.decode([T?].self, from: Data(joined.utf8))
        // A damaged value such as `["a"],["b"]` or `["a"` would shift every row after it.
        guard values.count == unique.count else {
            throw CrosscheckError.corpusUnreadable(path: path, reason: "a JSON column holds \(values.count) values for \(unique.count) distinct texts")
        }
        return slots.map { $0 < 0 ? nil : values[$0] }
    }
}

/// A quantity as table columns (`CorpusSchema.quantityColumns`), read by position.
enum QuantityColumns {
    /// Inserts a quantity after its key columns (the claim or relation id, then the quantity's ordinal or side).
    static func insert(_ q: Quantity, key: String, _ ordinal: Int, with insert: PreparedInsert) throws {
        try insert(key, ordinal, q.kind.rawValue, q.text, q.span.start, q.span.end, q.value, q.low, q.high, q.qualifier, q.currency,
                   q.currencyInferred, q.scale, q.unit, q.date, q.precision?.rawValue)
    }

    /// - Throws: A GRDB `RowDecodingError` when a column holds NULL or a value of the wrong type (a damaged file).
    static func quantity(_ row: Row, from start: Int) throws -> Quantity {
        let precision: String? = try row.decode(atIndex: start + 13)
        return Quantity(
            kind: Quantity.Kind(rawValue: try row.decode(atIndex: start)) ?? .count, text: try row.decode(atIndex: start + 1),
            span: TextSpan(start: try row.decode(atIndex: start + 2), end: try row.decode(atIndex: start + 3)),
            value: try row.decode(atIndex: start + 4), low: try row.decode(atIndex: start + 5), high: try row.decode(atIndex: start + 6),
            qualifier: try row.decode(atIndex: start + 7), currency: try row.decode(atIndex: start + 8),
            currencyInferred: try row.decode(atIndex: start + 9), scale: try row.decode(atIndex: start + 10), unit: try row.decode(atIndex: start + 11),
            date: try row.decode(atIndex: start + 12), precision: precision.flatMap(DatePrecision.init(rawValue:)))
    }
}
