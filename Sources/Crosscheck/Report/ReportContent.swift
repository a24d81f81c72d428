/// What `report.html` and `report.md` show, in the order they show it, worked out once from a corpus so
/// that the two never disagree: the counts; contradictions side by side; changes over time as a timeline
/// per metric; agreements grouped by the claims that corroborate each other; differently qualified figures;
/// then every source with its metadata, trust and claims by section; then the files that could not be read.
///
/// Every contradiction is listed. Changes over time, agreements and differently qualified figures are listed up
/// to `limit` of each kind (the rest are counted, and every one is in its relation file), so that a large corpus
/// still gives a page a browser opens; the counts are always the true totals.
struct ReportContent {
    /// How many changes over time, agreements and differently qualified figures a report lists, at most, of each
    /// kind. 200 is more than a person reads through in one sitting, yet the relation sections stay a few
    /// megabytes at any corpus size (a listed relation costs one to five kilobytes of HTML). Contradictions are
    /// never cut: they are the point of the report.
    static let defaultLimit = 200

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

    /// The true totals, whatever is listed.
    var counts: Manifest.Counts
    /// The most changes over time, agreements and differently qualified figures listed, of each kind.
    var limit: Int
    var contradictions: [Entry]
    var timelines: [Timeline]
    var agreements: [AgreementGroup]
    var qualifierDifferences: [Entry]
    /// How many relations of each kind are not listed (every one is in `kind.fileName`); no entry when none.
    var unlisted: [Relation.Kind: Int]
    var sources: [Source]
    var problems: [SourceProblem]
    /// The listed relations each claim takes part in, in the order the report shows them.
    var relationsByClaim: [String: [Relation]]
    /// How many relations each claim takes part in that are not listed; no entry when none.
    var unlistedRelationsByClaim: [String: Int]

    /// Works out what the reports show.
    ///
    /// - Parameters:
    ///   - corpus: The corpus to report on.
    ///   - limit: The most changes over time, agreements and differently qualified figures to list, of each kind.
    /// - Complexity: Linear in the corpus (ranking is linear for a small `limit`); only the listed relations
    ///   are worked out in full.
    init(_ corpus: Corpus, limit: Int = ReportContent.defaultLimit) {
        self.limit = max(0, limit)
        problems = corpus.problems
        let relations = corpus.relations
        var byKind: [Relation.Kind: [Int]] = [:]
        for index in relations.indices { byKind[relations[index].kind, default: []].append(index) }
        counts = Manifest.Counts(
            documents: corpus.documents.count, sections: corpus.sectionCount, claims: corpus.claims.count,
            contradictions: byKind[.contradiction]?.count ?? 0, changes: byKind[.changeOverTime]?.count ?? 0,
            agreements: byKind[.agreement]?.count ?? 0, qualifierDifferences: byKind[.differentQualifier]?.count ?? 0,
            problems: problems.count)

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

        func entry(_ index: Int) -> Entry {
            let relation = relations[index]
            return Entry(relation: relation, sides: relation.claims.map { side in
                let claim = claims[side.id]
                return Side(claim: side, source: sourcesByID[side.document], sectionPath: claim?.sectionPath ?? [], isListed: claim != nil,
                            highlights: Highlights.spans(of: side, claim: claim), isBetterSupported: relation.betterSupported == side.id)
            })
        }
        // Most confident first; the id settles ties, so the order never depends on anything but the corpus.
        // Indices are ranked rather than the relations themselves, which are costly to move.
        func isMoreConfident(_ a: Int, _ b: Int) -> Bool {
            (relations[b].confidence, relations[a].id) < (relations[a].confidence, relations[b].id)
        }
        func ranked(_ kind: Relation.Kind, first count: Int = .max) -> [Int] {
            Ranking.first(count, of: byKind[kind] ?? [], by: isMoreConfident)
        }
        contradictions = ranked(.contradiction).map(entry)
        timelines = Self.timelines(ranked(.changeOverTime, first: self.limit).map(entry))
        agreements = Self.agreementGroups(ranked(.agreement), in: relations, first: self.limit, entry: entry)
        qualifierDifferences = ranked(.differentQualifier, first: self.limit).map(entry)

        var relationsByClaim: [String: [Relation]] = [:]
        let shown = contradictions + timelines.flatMap(\.changes) + agreements.flatMap(\.agreements) + qualifierDifferences
        for entry in shown {
            for side in entry.relation.claims { relationsByClaim[side.id, default: []].append(entry.relation) }
        }
        self.relationsByClaim = relationsByClaim

        var unlisted: [Relation.Kind: Int] = [:]
        var listedByKind: [Relation.Kind: Int] = [:]
        for entry in shown { listedByKind[entry.relation.kind, default: 0] += 1 }
        for (kind, indices) in byKind where indices.count > listedByKind[kind, default: 0] {
            unlisted[kind] = indices.count - listedByKind[kind, default: 0]
        }
        self.unlisted = unlisted
        var unlistedRelationsByClaim: [String: Int] = [:]
        if !unlisted.isEmpty {
            let listedIDs = Set(shown.map(\.relation.id))
            for relation in relations where !listedIDs.contains(relation.id) {
                for side in relation.claims { unlistedRelationsByClaim[side.id, default: 0] += 1 }
            }
        }
        self.unlistedRelationsByClaim = unlistedRelationsByClaim
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

    /// What a section leaves out and where to find it: "… and 148,825 more changes over time; every one is in
    /// changes.jsonl. The 200 most confident are listed above." `file` writes the file name for the format.
    func unlistedNote(_ kind: Relation.Kind, file: (String) -> String) -> String? {
        guard let count = unlisted[kind], count > 0 else { return nil }
        let noun = switch kind {
        case .contradiction: count == 1 ? "contradiction" : "contradictions"
        case .changeOverTime: count == 1 ? "change over time" : "changes over time"
        case .agreement: count == 1 ? "agreement" : "agreements"
        case .differentQualifier: count == 1 ? "differently qualified figure" : "differently qualified figures"
        }
        var note = "… and \(ValueFormat.plain(Double(count))) more \(noun); \(count == 1 ? "it is" : "every one is") in \(file(kind.fileName))."
        if limit > 0 {
            note += kind == .agreement ? " The \(limit) listed above are those of the groups backed by the most sources." : " The \(limit) most confident are listed above."
        }
        return note
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
    /// agreements about it), the groups backed by the most sources first, listed until `limit` agreements are:
    /// the group that reaches the limit shows its most confident agreements and the claims they name.
    ///
    /// - Parameters:
    ///   - ranked: Every agreement, as an index into `relations`, most confident first.
    ///   - limit: The most agreements to list.
    ///   - entry: The entry of a listed agreement.
    /// - Complexity: Near-linear in the agreements; entries are made for the listed ones only.
    private static func agreementGroups(_ ranked: [Int], in relations: [Relation], first limit: Int, entry: (Int) -> Entry) -> [AgreementGroup] {
        struct Node: Hashable {
            var metric: String
            var claim: String
        }
        var numbers: [Node: Int] = [:]
        var parent: [Int] = []
        func node(_ relation: Relation, _ side: Int) -> Int {
            let key = Node(metric: relation.metric, claim: relation.claims[side].id)
            if let number = numbers[key] { return number }
            numbers[key] = parent.count
            parent.append(parent.count)
            return parent.count - 1
        }
        func root(_ node: Int) -> Int {
            var top = node
            while parent[top] != top { top = parent[top] }
            // Every node on the way now points at the top, so long chains of agreements stay cheap.
            var node = node
            while parent[node] != top { (node, parent[node]) = (parent[node], top) }
            return top
        }
        var firstNodes: [Int] = []
        firstNodes.reserveCapacity(ranked.count)
        for index in ranked {
            let relation = relations[index]
            let (first, last) = (node(relation, 0), node(relation, relation.claims.count - 1))
            firstNodes.append(first)
            let (a, b) = (root(first), root(last))
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        // Each group's agreements in rank order; the groups in the order of their first agreement.
        var groupOfRoot: [Int: Int] = [:]
        var members: [[Int]] = []
        for (position, index) in ranked.enumerated() {
            let top = root(firstNodes[position])
            if let group = groupOfRoot[top] {
                members[group].append(index)
            } else {
                groupOfRoot[top] = members.count
                members.append([index])
            }
        }
        let sourceCounts = members.map { group in Set(group.lazy.flatMap { relations[$0].claims.lazy.map(\.document) }).count }
        let order = members.indices.sorted { a, b in
            let (first, second) = (relations[members[a][0]], relations[members[b][0]])
            return (sourceCounts[b], second.confidence, first.id) < (sourceCounts[a], first.confidence, second.id)
        }
        var groups: [AgreementGroup] = []
        var room = limit
        for group in order where room > 0 {
            let entries = members[group].prefix(room).map(entry)
            room -= entries.count
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
            groups.append(AgreementGroup(metric: entries[0].relation.metric, sides: sides, sourceCount: Set(sides.map(\.claim.document)).count, agreements: entries))
        }
        return groups
    }

    /// A section's headings for a reader: without the document's title when it heads the path, so each
    /// section under a source reads as its own heading; the title alone for the text before the first heading.
    static func sectionLabel(_ path: [String], in document: Document?) -> String {
        var path = path.filter { !$0.isEmpty }
        if path.count > 1, let title = document?.title, path[0] == title { path.removeFirst() }
        return path.joined(separator: " › ")
    }
}
