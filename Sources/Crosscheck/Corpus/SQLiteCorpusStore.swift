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
                    try insertRelation.execute(arguments: [
                        relation.id, ordinal, relation.kind.rawValue, relation.claims[0].id, relation.claims[1].id, relation.subject,
                        relation.metric, relation.explanation, relation.confidence, relation.betterSupported, try json(relation.claims),
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
                var sections: [String: [Section]] = [:]
                for row in try Row.fetchAll(db, sql: CorpusSchema.selectSections) {
                    let section = Section(id: row["id"], heading: row["heading"], level: row["level"],
                                          path: try decode([String].self, row["path"]) ?? [], text: row["text"])
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
                var claims: [Claim] = []
                for row in try Row.fetchAll(db, sql: CorpusSchema.selectClaims) {
                    let precision: String? = row["date_precision"]
                    claims.append(Claim(
                        id: row["id"], document: row["document_id"], source: row["source"], section: row["section_id"],
                        sectionPath: try decode([String].self, row["section_path"]) ?? [], text: row["text"],
                        span: TextSpan(start: row["span_start"], end: row["span_end"]), kinds: try decode([String].self, row["kinds"]) ?? [],
                        quantities: try decode([Quantity].self, row["quantities"]) ?? [],
                        date: ClaimDate(value: row["date_value"], precision: precision.flatMap(DatePrecision.init(rawValue:)),
                                        basis: ClaimDate.Basis(rawValue: row["date_basis"]) ?? .none, phrase: row["date_phrase"]),
                        citationKey: row["citation_key"]))
                }
                var inputs: [InputRecord] = []
                for row in try Row.fetchAll(db, sql: CorpusSchema.selectInputs) {
                    inputs.append(InputRecord(path: row["path"], sha256: row["sha256"], bytes: row["bytes"],
                                              status: InputRecord.Status(rawValue: row["status"]) ?? .rejected, document: row["document_id"], reason: row["reason"]))
                }
                var relations: [Relation] = []
                for row in try Row.fetchAll(db, sql: CorpusSchema.selectRelations) {
                    relations.append(Relation(
                        id: row["id"], kind: Relation.Kind(rawValue: row["kind"]) ?? .agreement,
                        claims: try decode([RelatedClaim].self, row["sides"]) ?? [], subject: row["subject"], metric: row["metric"],
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
