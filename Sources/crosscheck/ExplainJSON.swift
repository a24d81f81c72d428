import Crosscheck
import Foundation

/// `crosscheck explain --format json`: the claim or relation as in the exported files, with its sources and context.
///
/// `{"type": "claim", "claim": {…}, "document": {…}, "section": {…}, "context": {"before", "after"}, "relations": […]}`, or
/// `{"type": "relation", "relation": {…}, "sides": [{"claim", "document", "section", "context"}, …]}`; pretty-printed with
/// sorted keys, every field present (`null` where there is no value), as the other JSON the tool writes.
enum ExplainJSON {
    static func render(_ target: ExplainTarget, in corpus: Corpus) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data: Data
        switch target {
        case .claim(let claim):
            data = try encoder.encode(ClaimEnvelope(claim: ClaimInContext(claim, in: corpus), relations: corpus.relations(involving: claim.id).map {
                RelationOfClaim(relation: $0, claimID: claim.id)
            }))
        case .relation(let relation):
            let sides = relation.claims.map { side in corpus.claim(id: side.id).map { ClaimInContext($0, in: corpus) } ?? ClaimInContext(missing: side) }
            data = try encoder.encode(RelationEnvelope(relation: relation, sides: sides))
        }
        data.append(UInt8(ascii: "\n"))
        return data
    }
}

/// A claim with its document, section and neighbouring sentences.
private struct ClaimInContext: Encodable {
    var claim: Claim?
    var related: RelatedClaim?
    var document: Document?
    var section: Section?
    var before: String?
    var after: String?

    init(_ claim: Claim, in corpus: Corpus) {
        self.claim = claim
        document = corpus.document(id: claim.document)
        section = corpus.section(of: claim)
        (before, after) = corpus.neighbouringSentences(of: claim)
    }

    /// A side of a relation whose claim the corpus does not hold: what the relation itself says of it.
    init(missing side: RelatedClaim) { related = side }

    enum CodingKeys: String, CodingKey { case claim, document, section, context }
    enum DocumentKeys: String, CodingKey { case id, title, source, url, authors, site, published, modified, citationKey = "citation_key" }
    enum SectionKeys: String, CodingKey { case id, heading, path }
    enum ContextKeys: String, CodingKey { case before, after }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let claim { try container.encode(claim, forKey: .claim) } else { try container.encode(related, forKey: .claim) }
        if let document {
            var fields = container.nestedContainer(keyedBy: DocumentKeys.self, forKey: .document)
            try fields.encode(document.id, forKey: .id)
            try fields.encode(document.title, forKey: .title)
            try fields.encode(document.source, forKey: .source)
            try fields.encode(document.url, forKey: .url)
            try fields.encode(document.authors, forKey: .authors)
            try fields.encode(document.site, forKey: .site)
            try fields.encode(document.published, forKey: .published)
            try fields.encode(document.modified, forKey: .modified)
            try fields.encode(document.citationKey, forKey: .citationKey)
        } else {
            try container.encodeNil(forKey: .document)
        }
        if let section {
            var fields = container.nestedContainer(keyedBy: SectionKeys.self, forKey: .section)
            try fields.encode(section.id, forKey: .id)
            try fields.encode(section.heading, forKey: .heading)
            try fields.encode(section.path, forKey: .path)
        } else {
            try container.encodeNil(forKey: .section)
        }
        var context = container.nestedContainer(keyedBy: ContextKeys.self, forKey: .context)
        try context.encode(before, forKey: .before)
        try context.encode(after, forKey: .after)
    }
}

/// `--format json` for a claim.
private struct ClaimEnvelope: Encodable {
    var claim: ClaimInContext
    var relations: [RelationOfClaim]

    enum CodingKeys: String, CodingKey { case type, claim, document, section, context, relations }

    func encode(to encoder: Encoder) throws {
        try claim.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("claim", forKey: .type)
        try container.encode(relations, forKey: .relations)
    }
}

/// A relation a claim takes part in, told from that claim's side: the other claim and why.
private struct RelationOfClaim: Encodable {
    var relation: Relation
    var claimID: String

    enum CodingKeys: String, CodingKey {
        case id, kind, confidence, metric, subject, explanation, other
        case betterSupported = "better_supported"
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(relation.id, forKey: .id)
        try container.encode(relation.kind, forKey: .kind)
        try container.encode(relation.confidence, forKey: .confidence)
        try container.encode(relation.metric, forKey: .metric)
        try container.encode(relation.subject, forKey: .subject)
        try container.encode(relation.explanation, forKey: .explanation)
        try container.encode(relation.betterSupported, forKey: .betterSupported)
        try container.encode(relation.claims.first { $0.id != claimID }, forKey: .other)
    }
}

/// `--format json` for a relation.
private struct RelationEnvelope: Encodable {
    var relation: Relation
    var sides: [ClaimInContext]

    enum CodingKeys: String, CodingKey { case type, relation, sides }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("relation", forKey: .type)
        try container.encode(relation, forKey: .relation)
        try container.encode(sides, forKey: .sides)
    }
}
