import Foundation
import GRDB

/// The INSERT statements of one save, prepared once, and how each value of a corpus becomes its rows.
/// JSON columns are written by `JSONLineWriter`, as the exports are.
struct RowWriter {
    /// Relations with their JSON lines, in the store's order, and where each line goes once its row is in.
    typealias RelationLines = (source: RelationsInKeyOrder, write: (Relation.Kind, UnsafeRawBufferPointer) throws -> Void)

    private let corpus: Corpus
    private let insertMetaRow: PreparedInsert
    private let insertDocument: PreparedInsert
    private let insertSection: PreparedInsert
    private let insertCitation: PreparedInsert
    private let insertClaim: PreparedInsert
    private let insertQuantity: PreparedInsert
    private let insertRelation: PreparedInsert
    private let insertRelationValue: PreparedInsert
    private let insertTrust: PreparedInsert
    private let insertInput: PreparedInsert
    /// Where each claim of `corpus` is, by id, for the values its relations compared.
    private let claimIndex: [String: Int]
    private let json = JSONColumn()
    private let encoder = JSONExport.encoder(pretty: false)

    init(_ db: Database, corpus: Corpus) throws {
        self.corpus = corpus
        insertMetaRow = try PreparedInsert(db, sql: CorpusSchema.insertMeta, columns: 2)
        insertDocument = try PreparedInsert(db, sql: CorpusSchema.insertDocument, columns: 15)
        insertSection = try PreparedInsert(db, sql: CorpusSchema.insertSection, columns: 7)
        insertCitation = try PreparedInsert(db, sql: CorpusSchema.insertCitation, columns: 3)
        insertClaim = try PreparedInsert(db, sql: CorpusSchema.insertClaim, columns: 15)
        insertQuantity = try PreparedInsert(db, sql: CorpusSchema.insertQuantity, columns: 2 + CorpusSchema.quantityColumns.count)
        insertRelation = try PreparedInsert(db, sql: CorpusSchema.insertRelation, columns: 11)
        insertRelationValue = try PreparedInsert(db, sql: CorpusSchema.insertRelationValue, columns: 2 + CorpusSchema.quantityColumns.count)
        insertTrust = try PreparedInsert(db, sql: CorpusSchema.insertTrust, columns: 5)
        insertInput = try PreparedInsert(db, sql: CorpusSchema.insertInput, columns: 6)
        var claimIndex: [String: Int] = Dictionary(minimumCapacity: corpus.claims.count)
        // Claims read in place: iterating copied each one (a retain per field).
        corpus.claims.withUnsafeBufferPointer { claims in
            for index in claims.indices { claimIndex[(claims.baseAddress! + index).pointee.id] = index }
        }
        self.claimIndex = claimIndex
    }

    func insertMeta() throws {
        try insertMetaRow("schema_version", String(Corpus.schemaVersion))
        try insertMetaRow("generator", "crosscheck \(CrosscheckVersion.current)")
    }

    /// Every document, section, citation, claim, relation, trust score and input of the corpus, each table's rows in
    /// the order of its key (`KeyOrder`), so that each table and index grows at its end.
    /// With `relationLines`, the relations come with their JSON lines from its source (made by more than one thread),
    /// and each line is handed to its `write` after the relation's row is inserted.
    func insertInKeyOrder(relationLines: RelationLines? = nil) throws {
        let documents = corpus.documents
        for index in KeyOrder.positions(of: documents.map(\.id)) { try insertDocumentRow(documents[index]) }
        var sections: [(document: Int, ordinal: Int)] = []
        for (document, value) in documents.enumerated() { sections += value.sections.indices.map { (document, $0) } }
        for index in KeyOrder.positions(of: sections.map { documents[$0.document].sections[$0.ordinal].id }) {
            let (document, ordinal) = sections[index]
            try insertSection(documents[document], ordinal)
        }
        for index in KeyOrder.positions(of: documents.map(\.citationKey)) { try insertCitation(documents[index]) }
        var positions = ClaimPositions()
        let claimPositions = corpus.claims.map { positions.next(in: $0.document) }
        // Claims and relations are read where they lie: subscripting the array copies each, retaining all it holds.
        try corpus.claims.withUnsafeBufferPointer { claims in
            for index in KeyOrder.positions(of: claims.map(\.id)) { try insert(claims[index], position: claimPositions[index]) }
        }
        // Relations in the order of their ids, each made (when deferred) only as it is inserted.
        if let (source, write) = relationLines {
            try source.forEach { relation, line in
                try insert(relation.pointee)
                try write(relation.pointee.kind, line)
            }
        } else {
            let relations = corpus.relations
            for index in relations.positionsInKeyOrder() { try relations.withRelation(at: index) { try insert($0.pointee) } }
        }
        for index in KeyOrder.positions(of: corpus.trust.map(\.document)) { try insert(corpus.trust[index]) }
        for index in KeyOrder.positions(of: corpus.inputs.map(\.path)) { try insert(corpus.inputs[index]) }
    }

    /// A document, its sections and its citation.
    func insert(_ document: Document) throws {
        try insertDocumentRow(document)
        for ordinal in document.sections.indices { try insertSection(document, ordinal) }
        try insertCitation(document)
    }

    private func insertDocumentRow(_ document: Document) throws {
        try insertDocument(
            document.id, document.source.path, document.source.format.rawValue, document.source.sha256,
            document.source.bytes, document.source.encoding, document.url, document.title, try json { $0.array(document.authors) },
            document.site, document.language, try document.published.map { date in try json { try $0.value(date) } },
            try document.modified.map { date in try json { try $0.value(date) } }, try json { $0.object(document.evidence) }, document.citationKey)
    }

    private func insertSection(_ document: Document, _ ordinal: Int) throws {
        let section = document.sections[ordinal]
        try insertSection(section.id, document.id, ordinal, section.heading, section.level, try json { $0.array(section.path) }, section.text)
    }

    private func insertCitation(_ document: Document) throws {
        try insertCitation(document.citationKey, document.id, String(decoding: try encoder.encode(CSLItem(document: document)), as: UTF8.self))
    }

    /// A claim, `position` in its document, and its quantities.
    func insert(_ claim: Claim, position: Int) throws {
        try insertClaim(
            claim.id, claim.document, claim.section, position, claim.source, try json { $0.array(claim.sectionPath) }, claim.text,
            claim.span.start, claim.span.end, try json { $0.array(claim.kinds) }, claim.date.value,
            claim.date.precision?.rawValue, claim.date.basis.rawValue, claim.date.phrase, claim.citationKey)
        for (index, quantity) in claim.quantities.enumerated() {
            try QuantityColumns.insert(quantity, key: claim.id, index, with: insertQuantity)
        }
    }

    /// A relation: each side is its claim (claim_a, claim_b) and the value compared, named by its ordinal among the claim's
    /// quantities or, when it is not one of them, written out in relation_values.
    func insert(_ relation: Relation) throws {
        let (a, b) = (relation.first, relation.second)
        let (valueA, valueB) = (quantityOrdinal(a), quantityOrdinal(b))
        try insertRelation(
            relation.id, relation.kind.rawValue, a.id, b.id, valueA, valueB, relation.subject,
            relation.metric, relation.explanation, relation.confidence, relation.betterSupported)
        if valueA == nil, let value = a.value { try QuantityColumns.insert(value, key: relation.id, 0, with: insertRelationValue) }
        if valueB == nil, let value = b.value { try QuantityColumns.insert(value, key: relation.id, 1, with: insertRelationValue) }
    }

    func insert(_ trust: SourceTrust) throws {
        try insertTrust(trust.document, trust.score, trust.agreements, trust.contradictions, trust.basis)
    }

    func insert(_ input: InputRecord) throws {
        try insertInput(input.path, input.sha256, input.bytes, input.status.rawValue, input.document, input.reason)
    }

    /// The ordinal of a side's value among its claim's quantities, if it is one of them.
    private func quantityOrdinal(_ side: RelatedClaim) -> Int? {
        guard let value = side.value, let index = claimIndex[side.id] else { return nil }
        // Through the array's storage: subscripting it copied the whole claim for each side, retaining all it holds.
        return corpus.claims.withUnsafeBufferPointer { $0[index].quantities.firstIndex(of: value) }
    }
}

/// A JSON column's text, written by one reused `JSONLineWriter`.
private final class JSONColumn {
    private var writer = JSONLineWriter()

    func callAsFunction(_ write: (inout JSONLineWriter) throws -> Void) throws -> String {
        writer.removeAll()
        try write(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

/// Each claim's position in its document, counted as the claims go by.
struct ClaimPositions {
    private var counts: [String: Int] = [:]

    mutating func next(in document: String) -> Int {
        defer { counts[document, default: 0] += 1 }
        return counts[document, default: 0]
    }
}
