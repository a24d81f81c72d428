/// What `report.html` and `report.md` show, in the order they show it, worked out once from a corpus so
/// that the two never disagree: the counts; contradictions side by side; changes over time as a timeline
/// per metric; agreements grouped by the claims that corroborate each other; differently qualified figures;
/// then every source with its metadata, trust and claims by section; then the files that could not be read.
struct ReportContent {
    /// One side of a relation with what a reader checks it against.
    struct Side {
        var claim: RelatedClaim
        /// The claim's source, shared with `sources` (a reference: a large corpus has many sides).
        var source: Source?
        /// The headings above the claim's sentence in its source.
        var sectionPath: [String]
        /// Whether the claim is listed under its source (and so has an anchor to link to).
        var isListed: Bool
        /// The compared values within `claim.text`.
        var highlights: [TextSpan]
        var isBetterSupported: Bool

        var document: Document? { source?.document }
        var trust: SourceTrust? { source?.trust }
    }

    /// A relation with its two sides.
    struct Entry {
        var relation: Relation
        var sides: [Side]
    }

    /// The changes over time of one metric (and subject), with the values they rest on in date order.
    struct Timeline {
        var metric: String
        var subject: String?
        var points: [Side]
        var changes: [Entry]
    }

    /// Claims of several sources linked by agreements: the same value or event, corroborated.
    struct AgreementGroup {
        var metric: String
        /// Each claim once, in the order the agreements name them.
        var sides: [Side]
        var sourceCount: Int
        var agreements: [Entry]
    }

    /// A source with its claims under the headings of its sections.
    final class Source {
        let document: Document
        let trust: SourceTrust?
        let sections: [(path: [String], claims: [Claim])]

        init(document: Document, trust: SourceTrust?, sections: [(path: [String], claims: [Claim])]) {
            self.document = document
            self.trust = trust
            self.sections = sections
        }
    }

    var counts: Manifest.Counts
    var contradictions: [Entry]
    var timelines: [Timeline]
    var agreements: [AgreementGroup]
    var qualifierDifferences: [Entry]
    var sources: [Source]
    var problems: [SourceProblem]
    /// The relations each claim takes part in, in the order the report shows them.
    var relationsByClaim: [String: [Relation]]

    init(_ corpus: Corpus) {
        counts = Manifest(corpus: corpus).counts
        problems = corpus.problems
        let trust = Dictionary(corpus.trust.map { ($0.document, $0) }, uniquingKeysWith: { first, _ in first })
        let claimsByDocument = Dictionary(grouping: corpus.claims, by: \.document)
        sources = corpus.documents.map { document in
            let documentClaims = claimsByDocument[document.id] ?? []
            let bySection = Dictionary(grouping: documentClaims, by: \.section)
            var sections: [(path: [String], claims: [Claim])] = document.sections.compactMap { section in
                bySection[section.id].map { (section.path, $0) }
            }
            // A claim whose section the document does not list is still shown, under its own headings.
            let known = Set(document.sections.map(\.id))
            let stray = documentClaims.filter { !known.contains($0.section) }
            if let first = stray.first { sections.append((first.sectionPath, stray)) }
            return Source(document: document, trust: trust[document.id], sections: sections)
        }
        let sourcesByID = Dictionary(sources.map { ($0.document.id, $0) }, uniquingKeysWith: { first, _ in first })
        let claims = Dictionary(corpus.claims.filter { sourcesByID[$0.document] != nil }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        func entry(_ relation: Relation) -> Entry {
            Entry(relation: relation, sides: relation.claims.map { side in
                let claim = claims[side.id]
                return Side(claim: side, source: sourcesByID[side.document], sectionPath: claim?.sectionPath ?? [], isListed: claim != nil,
                            highlights: Highlights.spans(of: side, claim: claim), isBetterSupported: relation.betterSupported == side.id)
            })
        }
        // Most confident first; the id settles ties, so the order never depends on anything but the corpus.
        // Indices are sorted rather than the relations themselves, which are costly to move.
        func entries(_ kind: Relation.Kind) -> [Entry] {
            let relations = corpus.relations(kind)
            return relations.indices.sorted { (relations[$1].confidence, relations[$0].id) < (relations[$0].confidence, relations[$1].id) }
                .map { entry(relations[$0]) }
        }
        contradictions = entries(.contradiction)
        timelines = Self.timelines(entries(.changeOverTime))
        agreements = Self.agreementGroups(entries(.agreement))
        qualifierDifferences = entries(.differentQualifier)

        var relationsByClaim: [String: [Relation]] = [:]
        let shown = contradictions + timelines.flatMap(\.changes) + agreements.flatMap(\.agreements) + qualifierDifferences
        for entry in shown {
            for side in entry.relation.claims { relationsByClaim[side.id, default: []].append(entry.relation) }
        }
        self.relationsByClaim = relationsByClaim
    }

    /// The label a report gives a claim's date: the period it speaks of, else the source's date, else "undated".
    static func dateLabel(_ side: Side) -> String {
        let date = side.claim.date
        switch date.basis {
        case .explicit, .relative: return date.value ?? "undated"
        case .publication: return date.value.map { "\($0) (publication date)" } ?? "undated"
        case .none:
            if let published = side.document?.published ?? side.document?.modified { return "undated (source of \(published.date))" }
            return "undated"
        }
    }

    /// "1 source", "2 sources": a count with its noun.
    static func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }

    /// "2 agreements, 1 contradiction": what moved a source's trust.
    static func agreementTally(_ trust: SourceTrust) -> String {
        "\(counted(trust.agreements, "agreement")), \(counted(trust.contradictions, "contradiction"))"
    }

    /// Changes grouped by what they measure; each timeline's values in date order, undated ones last.
    private static func timelines(_ changes: [Entry]) -> [Timeline] {
        var position: [String: Int] = [:]
        var grouped: [[Entry]] = []
        for change in changes {
            let key = change.relation.metric + "\u{1F}" + (change.relation.subject ?? "")
            if let index = position[key] {
                grouped[index].append(change)
            } else {
                position[key] = grouped.count
                grouped.append([change])
            }
        }
        let timelines = grouped.map { changes -> Timeline in
            var seen: Set<String> = []
            var points: [Side] = []
            var keys: [(undated: Int, date: String, id: String)] = []
            for change in changes {
                for side in change.sides where seen.insert(side.claim.id + "\u{1F}" + (side.claim.value?.text ?? "")).inserted {
                    let date = sortDate(side)
                    points.append(side)
                    keys.append((date == nil ? 1 : 0, date ?? "", side.claim.id))
                }
            }
            let order = keys.indices.sorted { keys[$0] < keys[$1] }
            let first = changes[0].relation
            return Timeline(metric: first.metric, subject: first.subject, points: order.map { points[$0] }, changes: changes)
        }
        // Metrics with the most changes first, then by name.
        return timelines.sorted { ($1.changes.count, $0.metric, $0.subject ?? "") < ($0.changes.count, $1.metric, $1.subject ?? "") }
    }

    private static func sortDate(_ side: Side) -> String? {
        side.claim.date.value ?? side.document?.published?.date ?? side.document?.modified?.date
    }

    /// Agreements joined into groups of claims that corroborate each other on one metric (connected through
    /// agreements about it), the groups backed by the most sources first.
    private static func agreementGroups(_ agreements: [Entry]) -> [AgreementGroup] {
        var parent: [String: String] = [:]
        func root(_ node: String) -> String {
            var top = node
            while let up = parent[top], up != top { top = up }
            // Every node on the way now points at the top, so long chains of agreements stay cheap.
            var node = node
            while let up = parent[node], up != top {
                parent[node] = top
                node = up
            }
            return top
        }
        func node(_ entry: Entry, _ side: Int) -> String { entry.relation.metric + "\u{1F}" + entry.sides[side].claim.id }
        for agreement in agreements {
            let (first, last) = (node(agreement, 0), node(agreement, agreement.sides.count - 1))
            for node in [first, last] where parent[node] == nil { parent[node] = node }
            let (a, b) = (root(first), root(last))
            // The smaller node leads, so the grouping never depends on the order of the agreements.
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var order: [String] = []
        var members: [String: [Entry]] = [:]
        for agreement in agreements {
            let key = root(node(agreement, 0))
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(agreement)
        }
        let groups = order.compactMap { members[$0] }.map { entries -> AgreementGroup in
            var sides: [Side] = []
            var position: [String: Int] = [:]
            for side in entries.flatMap(\.sides) {
                if let index = position[side.claim.id] {
                    sides[index].highlights = Highlights.merged(sides[index].highlights + side.highlights)
                } else {
                    position[side.claim.id] = sides.count
                    sides.append(side)
                }
            }
            return AgreementGroup(metric: entries[0].relation.metric, sides: sides, sourceCount: Set(sides.map(\.claim.document)).count, agreements: entries)
        }
        return groups.sorted { a, b in
            (b.sourceCount, b.agreements[0].relation.confidence, a.agreements[0].relation.id) < (a.sourceCount, a.agreements[0].relation.confidence, b.agreements[0].relation.id)
        }
    }

    /// A section's headings for a reader: without the document's title when it heads the path, so each
    /// section under a source reads as its own heading; the title alone for the text before the first heading.
    static func sectionLabel(_ path: [String], in document: Document?) -> String {
        var path = path.filter { !$0.isEmpty }
        if path.count > 1, let title = document?.title, path[0] == title { path.removeFirst() }
        return path.joined(separator: " › ")
    }
}
