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
                for (ordinal, claim) in corpus.claims.enumerated() {
                    try insertClaim.execute(arguments: [
                        claim.id, claim.document, claim.section, ordinal, claim.source, try json(claim.sectionPath), claim.text,
                        claim.span.start, claim.span.end, try json(claim.kinds), try json(claim.quantities), claim.date.value,
                        claim.date.precision?.rawValue, claim.date.basis.rawValue, claim.date.phrase, claim.citationKey,
                    ])
                }
                let insertRelation = try db.makeStatement(sql: CorpusSchema.insertRelation)
                for (ordinal, relation) in corpus.relations.enumerated() {
                    // Each side is stored as its claim id and the value compared; the rest comes from the claims table.
                    try insertRelation.execute(arguments: [
                        relation.id, ordinal, relation.kind.rawValue, relation.claims[0].id, relation.claims[1].id, relation.subject,
                        relation.metric, relation.explanation, relation.confidence, relation.betterSupported,
                        try json(relation.claims.map { StoredSide(id: $0.id, value: $0.value) }),
                    ])
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
                let claimRows = try Row.fetchAll(db, sql: CorpusSchema.selectClaims)
                let claimPaths = try decodeColumn([String].self, claimRows.map { $0["section_path"] })
                let claimKinds = try decodeColumn([String].self, claimRows.map { $0["kinds"] })
                let claimQuantities = try decodeColumn([Quantity].self, claimRows.map { $0["quantities"] })
                var claims: [Claim] = []
                claims.reserveCapacity(claimRows.count)
                for (index, row) in claimRows.enumerated() {
                    let precision: String? = row["date_precision"]
                    claims.append(Claim(
                        id: row["id"], document: row["document_id"], source: row["source"], section: row["section_id"],
                        sectionPath: claimPaths[index] ?? [], text: row["text"],
                        span: TextSpan(start: row["span_start"], end: row["span_end"]), kinds: claimKinds[index] ?? [],
                        quantities: claimQuantities[index] ?? [],
                        date: ClaimDate(value: row["date_value"], precision: precision.flatMap(DatePrecision.init(rawValue:)),
                                        basis: ClaimDate.Basis(rawValue: row["date_basis"]) ?? .none, phrase: row["date_phrase"]),
                        citationKey: row["citation_key"]))
                }
                var inputs: [InputRecord] = []
                for row in try Row.fetchAll(db, sql: CorpusSchema.selectInputs) {
                    inputs.append(InputRecord(path: row["path"], sha256: row["sha256"], bytes: row["bytes"],
                                              status: InputRecord.Status(rawValue: row["status"]) ?? .rejected, document: row["document_id"], reason: row["reason"]))
                }
                let claimsByID = Dictionary(uniqueKeysWithValues: claims.map { ($0.id, $0) })
                let relationRows = try Row.fetchAll(db, sql: CorpusSchema.selectRelations)
                let storedSides = try decodeColumn([StoredSide].self, relationRows.map { $0["sides"] })
                var relations: [Relation] = []
                relations.reserveCapacity(relationRows.count)
                for (index, row) in relationRows.enumerated() {
                    let sides = try (storedSides[index] ?? []).map { side -> RelatedClaim in
                        guard let claim = claimsByID[side.id] else {
                            throw CrosscheckError.corpusUnreadable(path: path, reason: "relation \(row["id"] as String? ?? "?") names a claim that is not in the corpus")
                        }
                        return RelatedClaim(claim: claim, value: side.value)
                    }
                    relations.append(Relation(
                        id: row["id"], kind: Relation.Kind(rawValue: row["kind"]) ?? .agreement,
                        claims: sides, subject: row["subject"], metric: row["metric"],
                        explanation: row["explanation"], confidence: row["confidence"], betterSupported: row["better_supported"]))
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

/// A relation's side as the store keeps it: the claim's id and the value compared.
struct StoredSide: Codable, Hashable, Sendable {
    var id: String
    var value: Quantity?
}
