/// What `report.html` and `report.md` show, in the order they show it, worked out once from a corpus so
/// that the two never disagree: the counts; contradictions side by side; changes over time as a timeline
/// per metric; agreements grouped by the claims that corroborate each other; differently qualified figures;
/// then every source with its metadata, trust and claims by section; then the files that could not be read.
///
/// Every contradiction is listed. Changes over time, agreements and differently qualified figures are listed up
/// to `limit` of each kind (the rest are counted, and every one is in its relation file), so that a large corpus
/// still gives a page a browser opens; the counts are always the true totals.
struct ReportContent: Sendable {
    /// How many changes over time, agreements and differently qualified figures a report lists, at most, of each
    /// kind. 200 is more than a person reads through in one sitting, yet the relation sections stay a few
    /// megabytes at any corpus size (a listed relation costs one to five kilobytes of HTML). Contradictions are
    /// never cut: they are the point of the report.
    static let defaultLimit = 200

    /// One side of a relation with what a reader checks it against.
    struct Side: Sendable {
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
    struct Entry: Sendable {
        var relation: Relation
        var sides: [Side]
    }

    /// The changes over time of one metric (and subject), with the values they rest on in date order.
    struct Timeline: Sendable {
        var metric: String
        var subject: String?
        var points: [Side]
        var changes: [Entry]
    }

    /// Claims of several sources linked by agreements: the same value or event, corroborated.
    struct AgreementGroup: Sendable {
        var metric: String
        /// Each claim once, in the order the agreements name them.
        var sides: [Side]
        var sourceCount: Int
        var agreements: [Entry]
    }

    /// A source with its claims under the headings of its sections.
    final class Source: Sendable {
        let document: Document
        let trust: SourceTrust?
        /// Each section's headings and its claims, as indices into `ReportContent.claims` (claims are large to copy).
        let sections: [(path: [String], claims: [Int])]

        init(document: Document, trust: SourceTrust?, sections: [(path: [String], claims: [Int])]) {
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
    /// Every claim of the corpus; sources name theirs by index.
    var claims: [Claim]
    var problems: [SourceProblem]
    /// The listed relations each claim takes part in, in the order the report shows them.
    var relationsByClaim: [String: [Relation]]
    /// For each claim (as in `claims`), how many relations it takes part in that are not listed; empty when
    /// every relation is listed.
    var unlistedRelationCounts: [Int]

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
        let claims = corpus.claims, relations = corpus.relations
        self.claims = claims
        var byKind: [Relation.Kind: [Int]] = [:]
        for index in relations.indices { byKind[relations.kind(at: index), default: []].append(index) }
        counts = Manifest.Counts(
            documents: corpus.documents.count, sections: corpus.sectionCount, claims: claims.count,
            contradictions: byKind[.contradiction]?.count ?? 0, changes: byKind[.changeOverTime]?.count ?? 0,
            agreements: byKind[.agreement]?.count ?? 0, qualifierDifferences: byKind[.differentQualifier]?.count ?? 0,
            problems: problems.count)

        let trust = Dictionary(corpus.trust.map { ($0.document, $0) }, uniquingKeysWith: { first, _ in first })
        let claimsByDocument = Dictionary(grouping: claims.indices, by: { claims[$0].document })
        sources = corpus.documents.map { document in
            let documentClaims = claimsByDocument[document.id] ?? []
            let bySection = Dictionary(grouping: documentClaims, by: { claims[$0].section })
            var sections: [(path: [String], claims: [Int])] = document.sections.compactMap { section in
                bySection[section.id].map { (section.path, $0) }
            }
            // A claim whose section the document does not list is still shown, under its own headings.
            let known = Set(document.sections.map(\.id))
            let stray = documentClaims.filter { !known.contains(claims[$0].section) }
            if let first = stray.first { sections.append((claims[first].sectionPath, stray)) }
            return Source(document: document, trust: trust[document.id], sections: sections)
        }
        let sourcesByID = Dictionary(sources.map { ($0.document.id, $0) }, uniquingKeysWith: { first, _ in first })
        // The claims listed under a source, by id (the first, should two share one).
        var claimIndex = IDPositions(capacity: claims.count)
        claims.withUnsafeBufferPointer { claims in
            for index in claims.indices where sourcesByID[claims[index].document] != nil { claimIndex.setIfAbsent(index, for: claims[index].id) }
        }
        let relatedClaims = RelatedClaims(relations: relations, claims: claims, claimIndex: claimIndex)

        func entry(_ index: Int) -> Entry {
            let relation = relations[index]
            return Entry(relation: relation, sides: relation.claims.map { side in
                let claim = claimIndex[side.id].map { claims[$0] }
                return Side(claim: side, source: sourcesByID[side.document], sectionPath: claim?.sectionPath ?? [], isListed: claim != nil,
                            highlights: Highlights.spans(of: side, claim: claim), isBetterSupported: relation.betterSupported == side.id)
            })
        }
        // Most confident first; the id settles ties, so the order never depends on anything but the corpus.
        // Indices are ranked rather than the relations themselves, which are costly to move.
        func isMoreConfident(_ a: Int, _ b: Int) -> Bool {
            let (x, y) = (relations.confidence(at: a), relations.confidence(at: b))
            // The ids only on a tie: reading one copies a string.
            return x != y ? y < x : relations.id(at: a) < relations.id(at: b)
        }
        func ranked(_ kind: Relation.Kind, first count: Int = .max) -> [Int] {
            Ranking.first(count, of: byKind[kind] ?? [], by: isMoreConfident)
        }
        let listedContradictions = ranked(.contradiction)
        let listedChanges = ranked(.changeOverTime, first: self.limit)
        let listedGroups = Self.agreementGroups(byKind[.agreement] ?? [], in: relations, first: self.limit, related: relatedClaims,
                                                by: isMoreConfident)
        let listedDifferences = ranked(.differentQualifier, first: self.limit)
        contradictions = listedContradictions.map(entry)
        timelines = Self.timelines(listedChanges.map(entry))
        agreements = listedGroups.map { Self.agreementGroup($0.map(entry)) }
        qualifierDifferences = listedDifferences.map(entry)

        var relationsByClaim: [String: [Relation]] = [:]
        let shown = contradictions + timelines.flatMap(\.changes) + agreements.flatMap(\.agreements) + qualifierDifferences
        for entry in shown {
            for side in [entry.relation.first, entry.relation.second] { relationsByClaim[side.id, default: []].append(entry.relation) }
        }
        self.relationsByClaim = relationsByClaim

        var isListed = [Bool](repeating: false, count: relations.count)
        for index in [listedContradictions, listedChanges, Array(listedGroups.joined()), listedDifferences].joined() { isListed[index] = true }
        var unlisted: [Relation.Kind: Int] = [:]
        for (kind, indices) in byKind {
            let count = indices.reduce(0) { $0 + (isListed[$1] ? 0 : 1) }
            if count > 0 { unlisted[kind] = count }
        }
        self.unlisted = unlisted
        var unlistedRelationCounts: [Int] = []
        if !unlisted.isEmpty {
            unlistedRelationCounts = [Int](repeating: 0, count: claims.count)
            for index in relations.indices where !isListed[index] {
                let (first, second) = relatedClaims.listedClaims(ofRelationAt: index)
                if let first { unlistedRelationCounts[first] += 1 }
                if let second { unlistedRelationCounts[second] += 1 }
            }
        }
        self.unlistedRelationCounts = unlistedRelationCounts
    }

    /// How many relations the claim at `index` of `claims` takes part in that are not listed.
    func unlistedRelations(ofClaimAt index: Int) -> Int {
        index < unlistedRelationCounts.count ? unlistedRelationCounts[index] : 0
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
    /// the group that reaches the limit keeps its most confident agreements.
    ///
    /// - Parameters:
    ///   - agreements: Every agreement, as an index into `relations`, in any order.
    ///   - limit: The most agreements to list.
    ///   - related: The claims and sources of each relation.
    ///   - isMoreConfident: The order of agreements within a group (a strict total order).
    /// - Returns: The listed groups, each as the indices of its listed agreements, most confident first.
    /// - Complexity: Near-linear in the agreements: only the listed groups are sorted.
    private static func agreementGroups(_ agreements: [Int], in relations: RelationList, first limit: Int, related: RelatedClaims,
                                        by isMoreConfident: (Int, Int) -> Bool) -> [[Int]] {
        var related = related
        // A node is a claim on one metric. Most claims are met on one metric only: the node of a listed claim on the first
        // metric it is met with is found by the claim's number; any other is keyed by the two numbers that stand for the
        // metric and the claim in one word. Claims the report does not list are numbered down from the top of 32 bits.
        var metrics: [String: Int] = [:], otherClaims: [String: Int] = [:], nodes: [UInt64: Int] = [:]
        var firstNode = [Int32](repeating: -1, count: related.claimCount), firstMetric = firstNode
        var parent: [Int] = []
        func newNode() -> Int {
            parent.append(parent.count)
            return parent.count - 1
        }
        func node(_ metric: Int, _ claim: RelatedClaims.Side) -> Int {
            var number: Int
            switch claim {
            case .listed(let listed):
                if firstNode[listed] < 0 {
                    (firstNode[listed], firstMetric[listed]) = (Int32(newNode()), Int32(metric))
                    return Int(firstNode[listed])
                }
                if firstMetric[listed] == metric { return Int(firstNode[listed]) }
                number = listed
            case .other(let id):
                number = otherClaims[id] ?? Int(UInt32.max) - otherClaims.count
                otherClaims[id] = number
            }
            let key = UInt64(metric) << 32 | UInt64(number)
            if let known = nodes[key] { return known }
            nodes[key] = newNode()
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
        // Each agreement's first node, and the numbers of its two sources (counted per group below).
        var firstNodes: [Int] = [], sources: [(Int32, Int32)] = []
        firstNodes.reserveCapacity(agreements.count)
        sources.reserveCapacity(agreements.count)
        for index in agreements {
            let metric = relations.metric(at: index)
            let number = metrics[metric] ?? metrics.count
            if number == metrics.count { metrics[metric] = number }
            let sides = related.sides(ofRelationAt: index)
            let (first, last) = (node(number, sides.first), node(number, sides.second))
            firstNodes.append(first)
            sources.append(sides.documents)
            let (a, b) = (root(first), root(last))
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        // Each group's agreements (as places in `agreements`), and the most confident of them, which stands for the group
        // when groups are ordered.
        var groupOfRoot = [Int](repeating: -1, count: parent.count)
        var members: [[Int]] = [], best: [Int] = []
        for (position, index) in agreements.enumerated() {
            let top = root(firstNodes[position])
            if groupOfRoot[top] >= 0 {
                let group = groupOfRoot[top]
                members[group].append(position)
                if isMoreConfident(index, best[group]) { best[group] = index }
            } else {
                groupOfRoot[top] = members.count
                members.append([position])
                best.append(index)
            }
        }
        // The sources behind each group: each document counts once per group (the last group that counted it is noted).
        var lastGroup = [Int](repeating: -1, count: related.documentCount)
        var sourceCounts = [Int](repeating: 0, count: members.count)
        for (group, places) in members.enumerated() {
            func count(_ document: Int32) {
                guard lastGroup[Int(document)] != group else { return }
                lastGroup[Int(document)] = group
                sourceCounts[group] += 1
            }
            for place in places {
                count(sources[place].0)
                count(sources[place].1)
            }
        }
        // Every group lists at least one agreement, so no more than `limit` groups are listed.
        let order = Ranking.first(limit, of: Array(members.indices)) { a, b in
            let (first, second) = (best[a], best[b])
            if sourceCounts[a] != sourceCounts[b] { return sourceCounts[b] < sourceCounts[a] }
            return isMoreConfident(first, second)
        }
        var listed: [[Int]] = []
        var room = limit
        for group in order where room > 0 {
            let kept = Ranking.first(room, of: members[group].map { agreements[$0] }, by: isMoreConfident)
            listed.append(kept)
            room -= kept.count
        }
        return listed
    }

    /// A group of agreements with each claim they name once (its compared values merged) and the sources behind them.
    private static func agreementGroup(_ entries: [Entry]) -> AgreementGroup {
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

    /// A section's headings for a reader: without the document's title when it heads the path, so each
    /// section under a source reads as its own heading; the title alone for the text before the first heading.
    static func sectionLabel(_ path: [String], in document: Document?) -> String {
        var path = path.filter { !$0.isEmpty }
        if path.count > 1, let title = document?.title, path[0] == title { path.removeFirst() }
        return path.joined(separator: " › ")
    }

    /// What the reports note after a claim, unescaped: each value as normalised, then its date and how it was dated.
    static func notes(of claim: Claim) -> [String] {
        var notes = claim.quantities.map(ValueFormat.describe)
        if let date = claim.date.value { notes.append("date \(date) (\(claim.date.basis.rawValue))") }
        return notes
    }
}

/// The claims and sources of each relation of a corpus, as numbers: a listed claim as its place in the corpus's claims
/// (the first claim with its id, of a listed source), any other by its id; a source by a number of its own.
///
/// Read by position when the relations carry their claims' positions (`RelationList.claimPositions(in:)`, a watcher's),
/// else from the relations' claim ids.
struct RelatedClaims {
    enum Side {
        case listed(Int)
        case other(String)
    }

    let claimCount: Int
    private let relations: RelationList
    private let claimIndex: IDPositions
    /// Each relation's two claims as positions in the claims (either first), when the relations carry them.
    private let positions: [UInt64]?
    /// The listed number of each claim's id (-1 when its id is not listed), and its source's number; empty without `positions`.
    private let listedNumbers: [Int32]
    private let documentOfClaim: [Int32]
    private var documentNumbers: IDPositions

    var documentCount: Int { documentNumbers.count }

    init(relations: RelationList, claims: [Claim], claimIndex: IDPositions) {
        (self.relations, self.claimIndex, claimCount) = (relations, claimIndex, claims.count)
        positions = relations.claimPositions(in: claims)
        var documentNumbers = IDPositions(capacity: 1_024)
        var listedNumbers: [Int32] = [], documentOfClaim: [Int32] = []
        if positions != nil {
            listedNumbers.reserveCapacity(claims.count)
            documentOfClaim.reserveCapacity(claims.count)
            claims.withUnsafeBufferPointer { claims in
                for claim in claims.indices {
                    listedNumbers.append(claimIndex[claims[claim].id].map(Int32.init) ?? -1)
                    documentOfClaim.append(Self.number(of: claims[claim].document, in: &documentNumbers))
                }
            }
        }
        (self.listedNumbers, self.documentOfClaim, self.documentNumbers) = (listedNumbers, documentOfClaim, documentNumbers)
    }

    /// The listed numbers of the relation's two claims (nil for a claim not listed), in no particular order.
    func listedClaims(ofRelationAt index: Int) -> (Int?, Int?) {
        if let positions {
            let (first, second) = (listedNumbers[Int(positions[index] >> 32)], listedNumbers[Int(positions[index] & 0xFFFF_FFFF)])
            return (first < 0 ? nil : Int(first), second < 0 ? nil : Int(second))
        }
        let sides = relations.sides(at: index)
        return (claimIndex[sides.first], claimIndex[sides.second])
    }

    /// The relation's two claims and the numbers of their sources, in no particular order (the same order for both).
    mutating func sides(ofRelationAt index: Int) -> (first: Side, second: Side, documents: (Int32, Int32)) {
        if let positions {
            let (a, b) = (Int(positions[index] >> 32), Int(positions[index] & 0xFFFF_FFFF))
            if listedNumbers[a] >= 0, listedNumbers[b] >= 0 {
                return (.listed(Int(listedNumbers[a])), .listed(Int(listedNumbers[b])), (documentOfClaim[a], documentOfClaim[b]))
            }
        }
        let sides = relations.sides(at: index)
        func side(_ id: String) -> Side { claimIndex[id].map(Side.listed) ?? .other(id) }
        return (side(sides.first), side(sides.second),
                (Self.number(of: sides.firstDocument, in: &documentNumbers), Self.number(of: sides.secondDocument, in: &documentNumbers)))
    }

    private static func number(of document: String, in numbers: inout IDPositions) -> Int32 {
        let number = numbers[document] ?? numbers.count
        if number == numbers.count { numbers.set(number, for: document) }
        return Int32(number)
    }
}
