import Foundation
import GRDB

/// The corpus in one SQLite file (`corpus.sqlite`), through GRDB.
public struct SQLiteCorpusStore: CorpusStore, Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    private func open(create: Bool) throws -> DatabaseQueue {
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw CrosscheckError.corpusUnreadable(path: path, reason: "no such file")
        }
        var configuration = Configuration()
        configuration.readonly = !create
        configuration.foreignKeysEnabled = true
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    public func save(_ corpus: Corpus) throws {
        do {
            let isFresh = !FileManager.default.fileExists(atPath: path)
            let queue = try open(create: true)
            try queue.writeWithoutTransaction { db in
                let pragmas = isFresh ? CorpusSchema.savePragmas + CorpusSchema.freshFilePragmas : CorpusSchema.savePragmas
                for statement in pragmas { try db.execute(sql: statement) }
                try db.inTransaction {
                    try insert(corpus, into: db)
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

    /// Every row of the corpus, in one transaction. JSON columns are written by `JSONLineWriter`, as the exports are.
    private func insert(_ corpus: Corpus, into db: Database) throws {
        let exists = try Bool.fetchOne(db, sql: CorpusSchema.selectHasTables) ?? false
        if exists {
            for statement in CorpusSchema.deleteAll { try db.execute(sql: statement) }
        } else {
            for statement in CorpusSchema.create { try db.execute(sql: statement) }
        }
        var writer = JSONLineWriter()
        func json(_ write: (inout JSONLineWriter) throws -> Void) throws -> String {
            writer.removeAll()
            try write(&writer)
            return String(decoding: writer.bytes, as: UTF8.self)
        }
        let encoder = JSONExport.encoder(pretty: false)
        let insertMeta = try PreparedInsert(db, sql: CorpusSchema.insertMeta, columns: 2)
        try insertMeta("schema_version", String(Corpus.schemaVersion))
        try insertMeta("generator", "crosscheck \(CrosscheckVersion.current)")
        let insertDocument = try PreparedInsert(db, sql: CorpusSchema.insertDocument, columns: 16)
        let insertSection = try PreparedInsert(db, sql: CorpusSchema.insertSection, columns: 7)
        let insertCitation = try PreparedInsert(db, sql: CorpusSchema.insertCitation, columns: 3)
        for (ordinal, document) in corpus.documents.enumerated() {
            try insertDocument(
                document.id, ordinal, document.source.path, document.source.format.rawValue, document.source.sha256,
                document.source.bytes, document.source.encoding, document.url, document.title, try json { $0.array(document.authors) },
                document.site, document.language, try document.published.map { date in try json { try $0.value(date) } },
                try document.modified.map { date in try json { try $0.value(date) } }, try json { $0.object(document.evidence) }, document.citationKey)
            for (index, section) in document.sections.enumerated() {
                try insertSection(section.id, document.id, index, section.heading, section.level, try json { $0.array(section.path) }, section.text)
            }
            try insertCitation(document.citationKey, document.id, String(decoding: try encoder.encode(CSLItem(document: document)), as: UTF8.self))
        }
        let insertClaim = try PreparedInsert(db, sql: CorpusSchema.insertClaim, columns: 15)
        let insertQuantity = try PreparedInsert(db, sql: CorpusSchema.insertQuantity, columns: 2 + CorpusSchema.quantityColumns.count)
        for (ordinal, claim) in corpus.claims.enumerated() {
            try insertClaim(
                claim.id, claim.document, claim.section, ordinal, claim.source, try json { $0.array(claim.sectionPath) }, claim.text,
                claim.span.start, claim.span.end, try json { $0.array(claim.kinds) }, claim.date.value,
                claim.date.precision?.rawValue, claim.date.basis.rawValue, claim.date.phrase, claim.citationKey)
            for (index, quantity) in claim.quantities.enumerated() {
                try QuantityColumns.insert(quantity, key: claim.id, index, with: insertQuantity)
            }
        }
        let insertRelation = try PreparedInsert(db, sql: CorpusSchema.insertRelation, columns: 12)
        let insertRelationValue = try PreparedInsert(db, sql: CorpusSchema.insertRelationValue, columns: 2 + CorpusSchema.quantityColumns.count)
        var claimIndex: [String: Int] = Dictionary(minimumCapacity: corpus.claims.count)
        for (index, claim) in corpus.claims.enumerated() { claimIndex[claim.id] = index }
        /// The ordinal of a side's value among its claim's quantities, if it is one of them.
        func quantityOrdinal(_ side: RelatedClaim) -> Int? {
            guard let value = side.value, let index = claimIndex[side.id] else { return nil }
            return corpus.claims[index].quantities.firstIndex(of: value)
        }
        for (ordinal, relation) in corpus.relations.enumerated() {
            // Each side is its claim (claim_a, claim_b) and the value compared; the rest comes from the claims table.
            let (a, b) = (relation.claims[0], relation.claims[1])
            let (valueA, valueB) = (quantityOrdinal(a), quantityOrdinal(b))
            try insertRelation(
                relation.id, ordinal, relation.kind.rawValue, a.id, b.id, valueA, valueB, relation.subject,
                relation.metric, relation.explanation, relation.confidence, relation.betterSupported)
            if valueA == nil, let value = a.value { try QuantityColumns.insert(value, key: relation.id, 0, with: insertRelationValue) }
            if valueB == nil, let value = b.value { try QuantityColumns.insert(value, key: relation.id, 1, with: insertRelationValue) }
        }
        let insertTrust = try PreparedInsert(db, sql: CorpusSchema.insertTrust, columns: 5)
        for trust in corpus.trust {
            try insertTrust(trust.document, trust.score, trust.agreements, trust.contradictions, trust.basis)
        }
        let insertInput = try PreparedInsert(db, sql: CorpusSchema.insertInput, columns: 7)
        for (ordinal, input) in corpus.inputs.enumerated() {
            try insertInput(input.path, ordinal, input.sha256, input.bytes, input.status.rawValue, input.document, input.reason)
        }
    }

    public func load() throws -> Corpus {
        do {
            let queue = try open(create: false)
            defer { try? queue.close() }
            return try queue.read { db in
                guard let version = try String.fetchOne(db, sql: CorpusSchema.selectSchemaVersion) else {
                    throw CrosscheckError.corpusUnreadable(path: path, reason: "it is not a Crosscheck corpus (no schema version)")
                }
                guard version == String(Corpus.schemaVersion) else {
                    throw CrosscheckError.corpusUnreadable(path: path, reason: "schema version \(version), this crosscheck reads version \(Corpus.schemaVersion); rebuild it with this version")
                }
                let decoder = JSONDecoder()
                func decode<T: Decodable>(_ type: T.Type, _ text: String?) throws -> T? {
                    guard let text else { return nil }
                    return try decoder.decode(T.self, from: Data(text.utf8))
                }
                /// One JSON array for a whole column: the decoder's cost per call, not per row.
                func decodeColumn<T: Decodable>(_ type: T.Type, _ texts: [String?]) throws -> [T?] {
                    var joined = "["
                    joined.reserveCapacity(texts.reduce(2) { $0 + ($1?.utf8.count ?? 4) + 1 })
                    for (index, text) in texts.enumerated() {
                        if index > 0 { joined += "," }
                        joined += text ?? "null"
                    }
                    joined += "]"
                    let values = try decoder.decode([T?].self, from: Data(joined.utf8))
                    // A damaged value such as `["a"],["b"]` or `["a"` would shift every row after it.
                    guard values.count == texts.count else {
                        throw CrosscheckError.corpusUnreadable(path: path, reason: "a JSON column holds \(values.count) values for \(texts.count) rows")
                    }
                    return values
                }
                var sections: [String: [Section]] = [:]
                let sectionRows = try Row.fetchAll(db, sql: CorpusSchema.selectSections)
                let sectionPaths = try decodeColumn([String].self, sectionRows.map { try $0.decode(forColumn: "path") })
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
                        authors: try decode([String].self, try row.decode(forColumn: "authors")) ?? [], site: try row.decode(forColumn: "site"),
                        language: try row.decode(forColumn: "language"), published: try decode(DatedValue.self, try row.decode(forColumn: "published")),
                        modified: try decode(DatedValue.self, try row.decode(forColumn: "modified")),
                        evidence: try decode([String: String].self, try row.decode(forColumn: "evidence")) ?? [:],
                        citationKey: try row.decode(forColumn: "citation_key"), sections: sections[id] ?? []))
                }
                // Cursors read straight from the statement, without copying every row first.
                var quantities: [String: [Quantity]] = [:]
                let quantityRows = try Row.fetchCursor(db, sql: CorpusSchema.selectQuantities)
                while let row = try quantityRows.next() {
                    quantities[try row.decode(String.self, atIndex: 0), default: []].append(try QuantityColumns.quantity(row, from: 1))
                }
                var claims: [Claim] = []
                var claimPathTexts: [String?] = []
                var claimKindTexts: [String?] = []
                let claimRows = try Row.fetchCursor(db, sql: CorpusSchema.selectClaims)
                while let row = try claimRows.next() {
                    let id: String = try row.decode(atIndex: 0)
                    let precision: String? = try row.decode(atIndex: 10)
                    claimPathTexts.append(try row.decode(atIndex: 4))
                    claimKindTexts.append(try row.decode(atIndex: 8))
                    claims.append(Claim(
                        id: id, document: try row.decode(atIndex: 1), source: try row.decode(atIndex: 2), section: try row.decode(atIndex: 3),
                        sectionPath: [], text: try row.decode(atIndex: 5),
                        span: TextSpan(start: try row.decode(atIndex: 6), end: try row.decode(atIndex: 7)), kinds: [], quantities: quantities[id] ?? [],
                        date: ClaimDate(value: try row.decode(atIndex: 9), precision: precision.flatMap(DatePrecision.init(rawValue:)),
                                        basis: ClaimDate.Basis(rawValue: try row.decode(atIndex: 11)) ?? .none, phrase: try row.decode(atIndex: 12)),
                        citationKey: try row.decode(atIndex: 13)))
                }
                let claimPaths = try decodeColumn([String].self, claimPathTexts)
                let claimKinds = try decodeColumn([String].self, claimKindTexts)
                for index in claims.indices {
                    claims[index].sectionPath = claimPaths[index] ?? []
                    claims[index].kinds = claimKinds[index] ?? []
                }
                var inputs: [InputRecord] = []
                for row in try Row.fetchAll(db, sql: CorpusSchema.selectInputs) {
                    inputs.append(InputRecord(path: try row.decode(forColumn: "path"), sha256: try row.decode(forColumn: "sha256"),
                                              bytes: try row.decode(forColumn: "bytes"),
                                              status: InputRecord.Status(rawValue: try row.decode(forColumn: "status")) ?? .rejected,
                                              document: try row.decode(forColumn: "document_id"), reason: try row.decode(forColumn: "reason")))
                }
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
                var trust: [SourceTrust] = []
                for row in try Row.fetchAll(db, sql: CorpusSchema.selectTrust) {
                    trust.append(SourceTrust(document: try row.decode(forColumn: "document_id"), score: try row.decode(forColumn: "score"),
                                             agreements: try row.decode(forColumn: "agreements"),
                                             contradictions: try row.decode(forColumn: "contradictions"), basis: try row.decode(forColumn: "basis")))
                }
                return Corpus(documents: documents, claims: claims, relations: relations, trust: trust, inputs: inputs)
            }
        } catch let error as CrosscheckError {
            throw error
        } catch {
            throw CrosscheckError.corpusUnreadable(path: path, reason: "\(error)")
        }
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
