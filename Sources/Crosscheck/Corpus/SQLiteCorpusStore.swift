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
            let queue = try open(create: true)
            let encoder = JSONExport.encoder(pretty: false)
            func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
            try queue.write { db in
                let exists = try Bool.fetchOne(db, sql: "SELECT COUNT(*) > 0 FROM sqlite_master WHERE name = 'meta'") ?? false
                if exists {
                    for statement in CorpusSchema.deleteAll { try db.execute(sql: statement) }
                } else {
                    for statement in CorpusSchema.create { try db.execute(sql: statement) }
                }
                try db.execute(sql: CorpusSchema.insertMeta, arguments: ["schema_version", String(Corpus.schemaVersion)])
                try db.execute(sql: CorpusSchema.insertMeta, arguments: ["generator", "crosscheck \(CrosscheckVersion.current)"])
                let insertDocument = try db.makeStatement(sql: CorpusSchema.insertDocument)
                let insertSection = try db.makeStatement(sql: CorpusSchema.insertSection)
                let insertCitation = try db.makeStatement(sql: CorpusSchema.insertCitation)
                for (ordinal, document) in corpus.documents.enumerated() {
                    try insertDocument.execute(arguments: [
                        document.id, ordinal, document.source.path, document.source.format.rawValue, document.source.sha256,
                        document.source.bytes, document.source.encoding, document.url, document.title, try json(document.authors),
                        document.site, document.language, try document.published.map(json), try document.modified.map(json),
                        try json(document.evidence), document.citationKey,
                    ])
                    for (index, section) in document.sections.enumerated() {
                        try insertSection.execute(arguments: [section.id, document.id, index, section.heading, section.level, try json(section.path), section.text])
                    }
                    try insertCitation.execute(arguments: [document.citationKey, document.id, try json(CSLItem(document: document))])
                }
                let insertClaim = try db.makeStatement(sql: CorpusSchema.insertClaim)
                let insertQuantity = try db.makeStatement(sql: CorpusSchema.insertQuantity)
                for (ordinal, claim) in corpus.claims.enumerated() {
                    try insertClaim.execute(arguments: [
                        claim.id, claim.document, claim.section, ordinal, claim.source, try json(claim.sectionPath), claim.text,
                        claim.span.start, claim.span.end, try json(claim.kinds), claim.date.value,
                        claim.date.precision?.rawValue, claim.date.basis.rawValue, claim.date.phrase, claim.citationKey,
                    ])
                    for (index, quantity) in claim.quantities.enumerated() {
                        try insertQuantity.execute(arguments: QuantityColumns.arguments(quantity, after: [claim.id, index]))
                    }
                }
                let insertRelation = try db.makeStatement(sql: CorpusSchema.insertRelation)
                let insertRelationValue = try db.makeStatement(sql: CorpusSchema.insertRelationValue)
                for (ordinal, relation) in corpus.relations.enumerated() {
                    // Each side is its claim (claim_a, claim_b) and the value compared; the rest comes from the claims table.
                    try insertRelation.execute(arguments: [
                        relation.id, ordinal, relation.kind.rawValue, relation.claims[0].id, relation.claims[1].id, relation.subject,
                        relation.metric, relation.explanation, relation.confidence, relation.betterSupported,
                    ])
                    for (side, claim) in relation.claims.enumerated() {
                        guard let value = claim.value else { continue }
                        try insertRelationValue.execute(arguments: QuantityColumns.arguments(value, after: [relation.id, side]))
                    }
                }
                let insertTrust = try db.makeStatement(sql: CorpusSchema.insertTrust)
                for trust in corpus.trust {
                    try insertTrust.execute(arguments: [trust.document, trust.score, trust.agreements, trust.contradictions, trust.basis])
                }
                let insertInput = try db.makeStatement(sql: CorpusSchema.insertInput)
                for (ordinal, input) in corpus.inputs.enumerated() {
                    try insertInput.execute(arguments: [input.path, ordinal, input.sha256, input.bytes, input.status.rawValue, input.document, input.reason])
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
                    return try decoder.decode([T?].self, from: Data(joined.utf8))
                }
                var sections: [String: [Section]] = [:]
                let sectionRows = try Row.fetchAll(db, sql: CorpusSchema.selectSections)
                let sectionPaths = try decodeColumn([String].self, sectionRows.map { $0["path"] })
                for (row, path) in zip(sectionRows, sectionPaths) {
                    let section = Section(id: row["id"], heading: row["heading"], level: row["level"], path: path ?? [], text: row["text"])
                    sections[row["document_id"], default: []].append(section)
                }
                var documents: [Document] = []
                for row in try Row.fetchAll(db, sql: CorpusSchema.selectDocuments) {
                    let id: String = row["id"]
                    let format = SourceFormat(rawValue: row["format"]) ?? .text
                    documents.append(Document(
                        id: id,
                        source: SourceInfo(path: row["path"], format: format, sha256: row["sha256"], bytes: row["bytes"], encoding: row["encoding"]),
                        url: row["url"], title: row["title"], authors: try decode([String].self, row["authors"]) ?? [], site: row["site"],
                        language: row["language"], published: try decode(DatedValue.self, row["published"]),
                        modified: try decode(DatedValue.self, row["modified"]), evidence: try decode([String: String].self, row["evidence"]) ?? [:],
                        citationKey: row["citation_key"], sections: sections[id] ?? []))
                }
                // Cursors read straight from the statement, without copying every row first.
                var quantities: [String: [Quantity]] = [:]
                let quantityRows = try Row.fetchCursor(db, sql: CorpusSchema.selectQuantities)
                while let row = try quantityRows.next() {
                    quantities[row[0], default: []].append(QuantityColumns.quantity(row, from: 1))
                }
                var claims: [Claim] = []
                var claimPathTexts: [String?] = []
                var claimKindTexts: [String?] = []
                let claimRows = try Row.fetchCursor(db, sql: CorpusSchema.selectClaims)
                while let row = try claimRows.next() {
                    let id: String = row[0]
                    let precision: String? = row[10]
                    claimPathTexts.append(row[4])
                    claimKindTexts.append(row[8])
                    claims.append(Claim(
                        id: id, document: row[1], source: row[2], section: row[3], sectionPath: [], text: row[5],
                        span: TextSpan(start: row[6], end: row[7]), kinds: [], quantities: quantities[id] ?? [],
                        date: ClaimDate(value: row[9], precision: precision.flatMap(DatePrecision.init(rawValue:)),
                                        basis: ClaimDate.Basis(rawValue: row[11]) ?? .none, phrase: row[12]),
                        citationKey: row[13]))
                }
                let claimPaths = try decodeColumn([String].self, claimPathTexts)
                let claimKinds = try decodeColumn([String].self, claimKindTexts)
                for index in claims.indices {
                    claims[index].sectionPath = claimPaths[index] ?? []
                    claims[index].kinds = claimKinds[index] ?? []
                }
                var inputs: [InputRecord] = []
                for row in try Row.fetchAll(db, sql: CorpusSchema.selectInputs) {
                    inputs.append(InputRecord(path: row["path"], sha256: row["sha256"], bytes: row["bytes"],
                                              status: InputRecord.Status(rawValue: row["status"]) ?? .rejected, document: row["document_id"], reason: row["reason"]))
                }
                let claimsByID = Dictionary(uniqueKeysWithValues: claims.map { ($0.id, $0) })
                var values: [[String: Quantity]] = [[:], [:]]
                let valueRows = try Row.fetchCursor(db, sql: CorpusSchema.selectRelationValues)
                while let row = try valueRows.next() {
                    let side: Int = row[1]
                    if side == 0 || side == 1 { values[side][row[0]] = QuantityColumns.quantity(row, from: 2) }
                }
                var relations: [Relation] = []
                let relationRows = try Row.fetchCursor(db, sql: CorpusSchema.selectRelations)
                while let row = try relationRows.next() {
                    let id: String = row[0]
                    let sides = try [row[2] as String, row[3] as String].enumerated().map { side, claimID -> RelatedClaim in
                        guard let claim = claimsByID[claimID] else {
                            throw CrosscheckError.corpusUnreadable(path: path, reason: "relation \(id) names a claim that is not in the corpus")
                        }
                        return RelatedClaim(claim: claim, value: values[side][id])
                    }
                    relations.append(Relation(
                        id: id, kind: Relation.Kind(rawValue: row[1]) ?? .agreement, claims: sides, subject: row[4], metric: row[5],
                        explanation: row[6], confidence: row[7], betterSupported: row[8]))
                }
                var trust: [SourceTrust] = []
                for row in try Row.fetchAll(db, sql: CorpusSchema.selectTrust) {
                    trust.append(SourceTrust(document: row["document_id"], score: row["score"], agreements: row["agreements"],
                                             contradictions: row["contradictions"], basis: row["basis"]))
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
    /// The key columns, then the quantity's.
    static func arguments(_ q: Quantity, after key: [any DatabaseValueConvertible]) -> StatementArguments {
        var values: [(any DatabaseValueConvertible)?] = key
        values.append(q.kind.rawValue)
        values.append(q.text)
        values.append(q.span.start)
        values.append(q.span.end)
        values.append(q.value)
        values.append(q.low)
        values.append(q.high)
        values.append(q.qualifier)
        values.append(q.currency)
        values.append(q.currencyInferred)
        values.append(q.scale)
        values.append(q.unit)
        values.append(q.date)
        values.append(q.precision?.rawValue)
        return StatementArguments(values)
    }

    static func quantity(_ row: Row, from start: Int) -> Quantity {
        let precision: String? = row[start + 13]
        return Quantity(
            kind: Quantity.Kind(rawValue: row[start]) ?? .count, text: row[start + 1], span: TextSpan(start: row[start + 2], end: row[start + 3]),
            value: row[start + 4], low: row[start + 5], high: row[start + 6], qualifier: row[start + 7], currency: row[start + 8],
            currencyInferred: row[start + 9], scale: row[start + 10], unit: row[start + 11], date: row[start + 12],
            precision: precision.flatMap(DatePrecision.init(rawValue:)))
    }
}
