/// Relates the claims of a corpus across sources: contradictions, changes over time, agreements and
/// differently qualified figures, each with a confidence and an explanation; then scores the sources.
///
/// Claims are blocked by (family, metric) and candidate pairs inside a block are ranked by TF-IDF
/// similarity of their words, so the cost grows close to linearly with the corpus.
public enum RelationEngine {
    /// Blocks up to this size compare all their pairs; larger ones only each fact's nearest neighbours.
    static let exhaustiveBlockSize = 48
    static let neighbours = 12
    /// Agreements and changes kept per fact.
    static let maxPerFact = 6

    /// The corpus with `relations` and `trust` filled in.
    public static func relate(_ corpus: Corpus, jobs: Int = 1) -> Corpus {
        relate(corpus, jobs: jobs, readings: nil)
    }

    /// The same, reusing what reading each document's claims gave the last time (a watcher keeps `readings` from one
    /// update to the next): documents read the same way then are not read again. The relations do not depend on it.
    static func relate(_ corpus: Corpus, jobs: Int, readings: ClaimReadings?) -> Corpus {
        var result = corpus
        let (relations, trust) = relations(documents: corpus.documents, claims: corpus.claims, jobs: jobs, readings: readings)
        result.relations = relations
        result.trust = trust
        return result
    }

    /// - Parameter queriesPerUnit: how finely large blocks are cut into work for the threads (tests cut finely).
    /// - Parameter claimsPerRun: how many consecutive claims one thread reads at a time, numbering their words
    ///   together (tests cut finely; the relations do not depend on it).
    /// - Parameter readings: kept readings of documents' claims, reused where still valid and updated (see `ClaimReadings`);
    ///   with them, claims are read one document at a time.
    static func relations(documents: [Document], claims: [Claim], jobs: Int = 1,
                          queriesPerUnit: Int = CandidateSearch.defaultQueriesPerUnit, claimsPerRun: Int = 512,
                          readings: ClaimReadings? = nil) -> (RelationList, [SourceTrust]) {
        let documentIndex = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.id, $0) })
        let estimates = estimatedYears(documents: documents, claims: claims, documentIndex: documentIndex)
        let sourceDates = documents.map { $0.published ?? $0.modified }
        // The period of a claim that names none is its source's: made once per source, so that its claims share it.
        let sourcePeriods = documents.indices.map { sourcePeriod(sourceDate: sourceDates[$0], estimate: estimates[$0]) }

        // Facts, words and names of every claim, read once per claim and in parallel, in runs of claims that number
        // their words' terms together. Claims are read in place: a copy would retain each of their strings.
        // Names are numbered once for the pass, or, for a watcher, once for as long as it runs (its readings keep them).
        let nameTable = readings?.names ?? NameTable()
        let ranges: [Range<Int>] = if readings != nil {
            ClaimReadings.documentRuns(claims)
        } else {
            stride(from: 0, to: claims.count, by: max(1, claimsPerRun)).map { $0..<min(claims.count, $0 + max(1, claimsPerRun)) }
        }
        var runs = ParallelMap.map(ranges, jobs: jobs, chunkSize: readings == nil ? 1 : 16) { range -> ClaimReading in
            let document = range.isEmpty ? nil : claims.withUnsafeBufferPointer { documentIndex[$0[range.lowerBound].document] }
            let key = readings == nil ? nil : document.map {
                ClaimReadings.Key(claims: claims, range: range, sourceDate: sourceDates[$0], estimate: estimates[$0])
            }
            if let key, let document, let kept = readings?.reading(for: key) {
                return kept.rebased(firstClaim: range.lowerBound, document: document)
            }
            var reading = ClaimReading(firstClaim: range.lowerBound, document: document ?? -1)
            var heading: (text: String, terms: [Int32])?
            claims.withUnsafeBufferPointer { claims in
                for index in range {
                    let claim = claims.baseAddress! + index
                    guard let document = documentIndex[claim.pointee.document] else {
                        reading.documents.append(-1)
                        reading.rows.append([])
                        reading.periods.append(.unknown)
                        reading.names.append(.none)
                        continue
                    }
                    let tokens = Tokenizer.tokens(claim.pointee.text)
                    let period = period(of: claim.pointee.date, sourcePeriod: sourcePeriods[document])
                    reading.facts += FactExtractor.facts(quantities: claim.pointee.quantities, tokens: tokens, claim: index, document: document,
                                                         period: period)
                    // Words only: the period is compared on its own, and as a term it would make one figure in two
                    // years look like two unrelated sentences wherever the rest of the wording is common.
                    var row = reading.terms.ids(of: tokens)
                    // Claims of one section follow one another: their heading is put in terms once.
                    if let text = claim.pointee.sectionPath.last {
                        if heading?.text != text { heading = (text, reading.terms.ids(of: Tokenizer.tokens(text))) }
                        row += heading!.terms
                    } else {
                        heading = nil
                    }
                    reading.rows.append(row)
                    reading.periods.append(period)
                    reading.names.append(NamedEntities.ClaimNames(tokens: tokens, table: nameTable))
                    reading.documents.append(document)
                    reading.holdings += OfficeHolders.holdings(tokens: tokens, claim: index)
                }
            }
            if let key { readings?.keep(reading, for: key) }
            return reading
        }
        readings?.forgetUnused()
        let periods = [Period](concatenating: runs.lazy.map(\.periods))
        let similarity = SimilarityIndex(runs: runs.map { TermNumbering.Run(terms: $0.terms.terms, rows: $0.rows) }, jobs: jobs)
        let facts = [Fact](concatenating: runs.lazy.map(\.facts))
        let metricTermIDs = metricTermIDs(of: facts, similarity: similarity, jobs: jobs)
        // A name in up to 2% of the claims is still specific; a word is uncommon below 0.5%.
        let (entities, uncommonNames, liveNames) = NamedEntities.nameSets(
            claims: Array(concatenating: runs.lazy.map(\.names)), documents: Array(concatenating: runs.lazy.map(\.documents)),
            documentCount: documents.count, table: nameTable, uncommonLimit: max(5, similarity.bandedCount / 50), jobs: jobs)
        let rareLimit = max(5, similarity.bandedCount / 200)
        let holdings = Array(concatenating: runs.lazy.map(\.holdings))
        // Everything else the runs hold (words, names) is read: a batch build lets them go before the search, which is
        // where it holds the most. A watcher keeps them for the sides of its facts.
        if readings == nil {
            runs = []
            // The pages they held are handed back: the search's large arrays are mapped on their own, not carved from them.
            FreedMemory.returnToSystem()
        }

        // Blocks, in a fixed order.
        var grouping: [String: [Int]] = [:]
        for (index, fact) in facts.enumerated() { grouping[fact.blockKey, default: []].append(index) }
        let blockKeys = grouping.keys.sorted()
        let blocks = blockKeys.map { grouping[$0]! }
        grouping.removeAll()
        var blockOfFact = [Int](repeating: 0, count: facts.count)
        var placeOfFact = [Int32](repeating: 0, count: facts.count)
        for (block, members) in blocks.enumerated() {
            for (place, member) in members.enumerated() { (blockOfFact[member], placeOfFact[member]) = (block, Int32(place)) }
        }
        let (blockOf, places) = (blockOfFact, placeOfFact)

        let groups = CandidateSearch.groups(of: blocks, facts: facts)
        // A watcher takes the pairs of each group nothing has changed in as its last update found them.
        var groupSignatures: [UInt64] = []
        var groupKeys: [String] = []
        var known: [Int: [FoundPairs.Entry]] = [:]
        if let readings {
            let signatures = FoundPairs.Signatures(claims: claims, periods: periods, facts: facts, similarity: similarity, entities: entities,
                                                   uncommon: uncommonNames, jobs: jobs)
            groupSignatures = ParallelMap.map(groups, jobs: jobs, chunkSize: 1) { signatures.group($0.members, facts: facts) }
            groupKeys = groups.map { FoundPairs.key(block: blockKeys[$0.block], year: $0.year) }
            for index in groups.indices {
                if let entries = readings.foundPairs.entries(for: groupKeys[index], signature: groupSignatures[index]) { known[index] = entries }
            }
        }
        var search: CandidateSearch? = CandidateSearch(groups: groups, facts: facts, similarity: similarity, jobs: jobs,
                                                       queriesPerUnit: queriesPerUnit, skipping: Set(known.keys))
        // Found pairs are dealt into shards by their claims, so that each shard can be merged on its own thread.
        let shards = 16
        let keepsPairs = readings != nil
        var searched = ParallelMap.map(Array(search!.units.indices), jobs: jobs, chunkSize: 1) { [search] unit -> (found: [[Found]], entries: [FoundPairs.Entry]) in
            facts.withUnsafeBufferPointer { facts in
                var found = [[Found]](repeating: [], count: shards)
                var entries: [FoundPairs.Entry] = []
                let members = search!.groups[search!.units[unit].group]
                for (first, second) in search!.pairs(in: unit) {
                    guard facts[first].document != facts[second].document, facts[first].claim != facts[second].claim else { continue }
                    // Cheap refusals before any evidence is gathered.
                    if let s = facts[first].subject, let t = facts[second].subject, s != t { continue }
                    if let s = facts[first].possessor, let t = facts[second].possessor, s != t { continue }
                    let (claimA, claimB) = (facts[first].claim, facts[second].claim)
                    let score = Double(similarity.similarity(claimA, claimB))
                    let isEvent = facts[first].family == .event
                    var evidence = PairClassifier.Evidence()
                    evidence.sharedRareTerms = similarity.sharedRareTerms(claimA, claimB, maxFrequency: isEvent ? 3 : rareLimit,
                                                                          excluding: metricTermIDs[first])
                    if isEvent { evidence.sharesBigram = similarity.sharesBigram(claimA, claimB) }
                    evidence.entitiesOverlap = entities.overlap(claimA, claimB)
                    evidence.uncommonNamesOverlap = uncommonNames.overlap(claimA, claimB)
                    guard var verdict = PairClassifier.classify(facts[first], facts[second], similarity: score, evidence: evidence) else { continue }
                    verdict.reversed = claimA > claimB
                    let (x, y) = verdict.reversed ? (second, first) : (first, second)
                    let (firstClaim, secondClaim) = (facts[x].claim, facts[y].claim)
                    found[(firstClaim &+ secondClaim) % shards].append(Found(verdict, first: firstClaim, second: secondClaim, a: x, b: y))
                    if keepsPairs { entries.append(FoundPairs.Entry(x: Self.place(of: x, in: members), y: Self.place(of: y, in: members), verdict: verdict)) }
                }
                // Each part at its size: grown pair by pair, the parts of every unit would hold up to twice their room
                // until they are merged.
                return (found.map { [Found](concatenating: CollectionOfOne($0)) }, entries)
            }
        }
        if let readings {
            // The groups taken as they were join the pairs found, and the pairs of every group are kept for the next update.
            // Most groups are taken as they were: their pairs are dealt into shards on every thread, facts read in place.
            let knownGroups = Array(known.keys)
            let perThread = (knownGroups.count + jobs - 1) / max(1, jobs)
            let reused = ParallelMap.map(Array(stride(from: 0, to: knownGroups.count, by: max(1, perThread))), jobs: jobs, chunkSize: 1) {
                [known, groups] start -> [[Found]] in
                facts.withUnsafeBufferPointer { facts in
                    var reused = [[Found]](repeating: [], count: shards)
                    for group in knownGroups[start..<min(knownGroups.count, start + perThread)] {
                        let members = groups[group].members
                        for entry in known[group]! {
                            let (x, y) = (members[Int(entry.x)], members[Int(entry.y)])
                            let (firstClaim, secondClaim) = (facts[x].claim, facts[y].claim)
                            reused[(firstClaim &+ secondClaim) % shards].append(Found(entry.verdict, first: firstClaim, second: secondClaim, a: x, b: y))
                        }
                    }
                    return reused
                }
            }
            var kept: [String: FoundPairs.Kept] = Dictionary(minimumCapacity: groups.count)
            for (group, entries) in known { kept[groupKeys[group]] = FoundPairs.Kept(signature: groupSignatures[group], entries: entries) }
            var entriesByGroup: [Int: [FoundPairs.Entry]] = [:]
            for (unit, result) in zip(search!.units, searched) { entriesByGroup[unit.group, default: []] += result.entries }
            for group in groups.indices where known[group] == nil {
                kept[groupKeys[group]] = FoundPairs.Kept(signature: groupSignatures[group], entries: entriesByGroup[group] ?? [])
            }
            readings.foundPairs.replace(with: kept, reused: known.count)
            searched += reused.map { ($0, []) }
        }
        let found = Shards(byProducer: searched.map(\.found), count: shards)
        searched = []
        // Its postings are let go before the found pairs are merged.
        search = nil
        if readings == nil { FreedMemory.returnToSystem() }
        // One verdict per kind and pair of claims (two facts of one claim may meet the same two facts of another, in
        // one block or in two): the most confident, then the first facts, whatever order the units finished in.
        // One sort puts each pair's verdicts together, best first; no table of pairs is needed.
        let winners = Shards(byProducer: ParallelMap.map(Array(0..<shards), jobs: jobs, chunkSize: 1) { shard -> [[Candidate]] in
            var all = found.take(shard)
            all.sort { x, y in
                (x.first, x.second, x.verdict.kind.rank, -x.verdict.confidence, x.a, x.b)
                    < (y.first, y.second, y.verdict.kind.rank, -y.verdict.confidence, y.a, y.b)
            }
            var byBlock = [[Candidate]](repeating: [], count: blocks.count)
            for (index, entry) in all.enumerated() where index == 0 || !all[index - 1].isSamePair(as: entry) {
                byBlock[blockOf[entry.a]].append(Candidate(entry.verdict, a: entry.a, b: entry.b))
            }
            return byBlock
        }, count: blocks.count)
        // Bounded output: each fact keeps its few most confident agreements and changes (a figure repeated in a
        // thousand sources needs a handful of corroborations, not a million pairs); conflicts are all kept. Both
        // facts of a pair share a block, so each block is bounded on its own. A block's pairs are then put in the order
        // of their facts, so that making their relations reads facts and claims in the order they lie in memory.
        let keptByBlock = ParallelMap.map(Array(blocks.indices), jobs: jobs, chunkSize: 1) { block in
            boundedPerFact(winners.take(block), facts: facts, places: places, blockSize: blocks[block].count)
                .sorted { ($0.a, $0.b) < ($1.a, $1.b) }
        }
        let kept = [Candidate](concatenating: keptByBlock)
        // Who holds an office, where an agreement stands, then wording agreements where nothing else related the pair.
        var others = OfficeHolders.relations(holdings: holdings, claims: claims,
                                             documentIndex: documentIndex, documents: documents, periods: periods)
        others += AgreementStatus.relations(claims: claims, documentIndex: documentIndex, documents: documents, periods: periods, jobs: jobs)
        let wording = Corroboration.relations(claims: claims, documentIndex: documentIndex, similarity: similarity, documents: documents,
                                              periods: periods, jobs: jobs)
        // Pairs as claim indices: the few relations made by those passes are looked up once, the many kept pairs never.
        let mentioned = Set((others + wording).flatMap { [$0.first.id, $0.second.id] })
        var claimIndex: [String: Int] = [:]
        for (index, claim) in claims.enumerated() where mentioned.contains(claim.id) { claimIndex[claim.id] = index }
        func pairKey(_ a: Int, _ b: Int) -> Int { min(a, b) &* claims.count &+ max(a, b) }
        func pairKey(_ relation: Relation) -> Int { pairKey(claimIndex[relation.first.id]!, claimIndex[relation.second.id]!) }
        let wordingPairs = Set(wording.map(pairKey))
        var related = Set<Int>()
        for entry in kept where wordingPairs.contains(pairKey(facts[entry.a].claim, facts[entry.b].claim)) {
            related.insert(pairKey(facts[entry.a].claim, facts[entry.b].claim))
        }
        for relation in others { related.insert(pairKey(relation)) }
        let built = others + wording.filter { !related.contains(pairKey($0)) }

        // One relation per id (kind and pair of claims): several passes may find the same one; the most confident stays.
        // Ids, kinds and confidences are worked out first, so that one sort of small keys drops the duplicates and
        // fixes the final order (by kind, then id); each (large) relation is then made once, in its place.
        // Ids as the numbers they spell, from each claim's id read as a number once: a string per id is made only for the
        // relations kept, and sorting compares numbers.
        let claimNumbers = ParallelMap.map(Array(claims.indices), jobs: jobs) { index in
            claims.withUnsafeBufferPointer { claims in Hashing.idNumber(claims[index].id, kind: "c") }
        }
        let pairIDs = ParallelMap.map(kept, jobs: jobs) { entry -> IDOrder in
            let (a, b) = (facts[entry.a].claim, facts[entry.b].claim)
            if let x = claimNumbers[a], let y = claimNumbers[b] { return IDOrder(number: relationNumber(entry.verdict.kind, x, y)) }
            return claims.withUnsafeBufferPointer { claims in IDOrder(relationID(entry.verdict.kind, claims[a].id, claims[b].id)) }
        }
        // One key of 24 bytes per relation, as the sort holds two copies of every key at once: the kind and the number an
        // id of the usual shape spells share one word (`IDOrder`); an id of any other shape goes after every usual one of
        // its kind, and is compared by its text.
        struct SortKey {
            static let otherShape: UInt64 = 1 << 56
            var kindAndID: UInt64
            var confidence: Double
            var index: Int32

            /// The id's part of `kindAndID`: the number it spells, or `otherShape`.
            var id: UInt64 { kindAndID & (1 << 57 - 1) }

            init(kind: Relation.Kind, id: IDOrder, confidence: Double, index: Int) {
                kindAndID = UInt64(kind.rank) << 57 | (id.number ?? Self.otherShape)
                (self.confidence, self.index) = (confidence, Int32(index))
            }
        }
        @Sendable func idOrder(_ index: Int32) -> IDOrder {
            Int(index) < kept.count ? pairIDs[Int(index)] : IDOrder(built[Int(index) - kept.count].id)
        }
        @Sendable func sameID(_ x: SortKey, _ y: SortKey) -> Bool {
            x.id == y.id && (x.id != SortKey.otherShape || idOrder(x.index) == idOrder(y.index))
        }
        let sortKeys = ParallelMap.sorted(ParallelMap.map(Array(0..<(kept.count + built.count)), jobs: jobs) { index in
            if index < kept.count {
                return SortKey(kind: kept[index].verdict.kind, id: pairIDs[index], confidence: kept[index].verdict.exportedConfidence, index: index)
            }
            let relation = built[index - kept.count]
            return SortKey(kind: relation.kind, id: IDOrder(relation.id), confidence: relation.confidence, index: index)
        }, jobs: jobs) { x, y in
            if x.kindAndID != y.kindAndID { return x.kindAndID < y.kindAndID }
            if !sameID(x, y) { return idOrder(x.index) < idOrder(y.index) }
            return (-x.confidence, x.index) < (-y.confidence, y.index)
        }
        let order = sortKeys.indices.filter { $0 == 0 || !sameID(sortKeys[$0 - 1], sortKeys[$0]) }.map { Int(sortKeys[$0].index) }
        // Trust from the agreements and conflicts between sources, as document indices (in the relations' order).
        let links = ParallelMap.map(order, jobs: jobs) { index -> SourceTrustModel.Link? in
            if index < kept.count {
                let entry = kept[index]
                guard entry.verdict.kind == .agreement || entry.verdict.kind == .contradiction else { return nil }
                return SourceTrustModel.Link(agree: entry.verdict.kind == .agreement, a: facts[entry.a].document, b: facts[entry.b].document)
            }
            let relation = built[index - kept.count]
            guard relation.kind == .agreement || relation.kind == .contradiction,
                  let a = documentIndex[relation.first.document], let b = documentIndex[relation.second.document] else { return nil }
            return SourceTrustModel.Link(agree: relation.kind == .agreement, a: a, b: b)
        }.compactMap { $0 }
        let labels = Explanation.SourceLabels(documents)
        let trust = SourceTrustModel.scores(documents: documents, links: links, jobs: jobs)
        let trustByDocument = Dictionary(uniqueKeysWithValues: trust.map { ($0.document, $0.score) })
        /// The claim of a contradiction whose source the corpus supports better, if one is.
        func betterSupported(_ sides: DeferredRelations.Sides) -> String? {
            let (ta, tb) = (trustByDocument[sides.firstDocument] ?? 0.5, trustByDocument[sides.secondDocument] ?? 0.5)
            return abs(ta - tb) >= 0.05 ? (ta > tb ? sides.first : sides.second) : nil
        }
        guard let readings else {
            // A batch build: relations are made as the store and the exports read them (`RelationList`).
            let relations = DeferredRelations(facts: facts, claims: claims, labels: labels, kept: kept, keptIDs: pairIDs, built: built, order: order,
                                              betterSupported: betterSupported)
            return (RelationList(deferred: relations), trust)
        }
        // A watcher's update: relations are made now, each fact's side once and kept in its reading's slots for the next
        // update (a fact's place among the runs' facts is its slot), and a relation the last update made from the same
        // verdict and the same two sides is that one.
        var isRelated = [Bool](repeating: false, count: facts.count)
        for entry in kept { (isRelated[entry.a], isRelated[entry.b]) = (true, true) }
        let slotOfFact: [(run: Int32, ordinal: Int32)] = runs.indices.flatMap { run in
            runs[run].facts.indices.map { (Int32(run), Int32($0)) }
        }
        let sides = ParallelMap.map(Array(facts.indices), jobs: jobs) { [isRelated, runs] index -> Side? in
            guard isRelated[index] else { return nil }
            let fact = facts[index]
            let (run, ordinal) = slotOfFact[index]
            let path = claims.withUnsafeBufferPointer { $0[fact.claim].source }
            let slots = runs[Int(run)].sides
            let source = SideSlots.Source(name: labels.names[fact.document], published: labels.published[fact.document], path: path)
            if let side = slots.side(Int(ordinal), source: source), side.fact === fact { return side }
            let side = Side(fact, claims: claims, labels: labels)
            slots.keep(side, Int(ordinal), source: source)
            return side
        }
        // The relations made last time are updated in place: most are taken as they were, and rebuilding the table
        // retained and released every relation in it.
        var made = readings.takeMadeRelations()
        let reasons = StringInterner()
        // Which relations are new, by their place in `order`, written by the threads that make them.
        let isNew = ResultSlots<Bool>(count: order.count)
        var relations = { [made] in
            ParallelMap.map(Array(order.indices), jobs: jobs) { position -> Relation in
                let index = order[position]
                guard index < kept.count else { return built[index - kept.count] }
                let entry = kept[index]
                let (a, b) = (sides[entry.a]!, sides[entry.b]!)
                if let number = pairIDs[index].number, let made = made[number],
                   made.verdict.makesTheSameRelation(as: entry.verdict), made.a === a, made.b === b {
                    return made.relation
                }
                isNew.set(position, true)
                return makeRelation(entry.verdict, a, b, id: pairIDs[index].id, reasons: reasons)
            }
        }()
        var numbers = Set<UInt64>(minimumCapacity: kept.count)
        var reused = 0
        for (position, index) in order.enumerated() where index < kept.count {
            guard let number = pairIDs[index].number else { continue }
            numbers.insert(number)
            guard isNew[position] == true else { reused += 1; continue }
            let entry = kept[index]
            made[number] = Made(verdict: entry.verdict, a: sides[entry.a]!, b: sides[entry.b]!, relation: relations[position])
        }
        if made.count != numbers.count {
            for number in made.keys.filter({ !numbers.contains($0) }) { made[number] = nil }
        }
        readings.keepMadeRelations(made, reused: reused)
        readings.forgetEverythingIfNamesOutgrow(liveNames: liveNames)
        for index in relations.indices where relations[index].kind == .contradiction {
            let (a, b) = (relations[index].first, relations[index].second)
            if let claim = betterSupported((a.id, b.id, a.document, b.document)) { relations[index].betterSupported = claim }
        }
        // Each relation's claims by position, which the report reads for every relation (see `RelationList.claimPositions(in:)`).
        let claimPositions = order.map { index -> UInt64 in
            let (a, b) = if index < kept.count {
                (facts[kept[index].a].claim, facts[kept[index].b].claim)
            } else {
                (claimIndex[built[index - kept.count].first.id]!, claimIndex[built[index - kept.count].second.id]!)
            }
            return UInt64(a) << 32 | UInt64(b)
        }
        return (RelationList(relations, claimPositions: claimPositions, in: claims), trust)
    }

    /// The place of fact `index` among a group's `members` (ascending, and holding it).
    static func place(of index: Int, in members: [Int]) -> Int32 {
        var (low, high) = (0, members.count - 1)
        while low < high {
            let middle = (low + high) / 2
            if members[middle] < index { low = middle + 1 } else { high = middle }
        }
        return Int32(low)
    }

    /// A relation as made from a verdict and two sides, kept for the next update (`ClaimReadings.madeRelations`).
    /// A class: looking one up among tens of thousands is then one reference, not a copy of the relation's fields.
    final class Made: Sendable {
        let verdict: PairClassifier.Verdict
        let a: Side
        let b: Side
        let relation: Relation

        init(verdict: PairClassifier.Verdict, a: Side, b: Side, relation: Relation) {
            (self.verdict, self.a, self.b, self.relation) = (verdict, a, b, relation)
        }
    }

    /// A pair the search found related: its claims in the order the relation names them, its facts, and the verdict.
    /// Indices are 32-bit: a large corpus's search holds every pair it finds at once.
    struct Found {
        var verdict: PairClassifier.Verdict
        private let claims: (first: Int32, second: Int32)
        private let facts: (a: Int32, b: Int32)

        var first: Int { Int(claims.first) }
        var second: Int { Int(claims.second) }
        var a: Int { Int(facts.a) }
        var b: Int { Int(facts.b) }

        init(_ verdict: PairClassifier.Verdict, first: Int, second: Int, a: Int, b: Int) {
            self.verdict = verdict
            (claims, facts) = ((Int32(first), Int32(second)), (Int32(a), Int32(b)))
        }

        /// The same kind of relation between the same two claims.
        func isSamePair(as other: Found) -> Bool {
            claims == other.claims && verdict.kind == other.verdict.kind
        }
    }

    /// A pair kept for its block: the verdict and the two facts (as `Found`, 32-bit).
    struct Candidate {
        var verdict: PairClassifier.Verdict
        private let facts: (a: Int32, b: Int32)

        var a: Int { Int(facts.a) }
        var b: Int { Int(facts.b) }

        init(_ verdict: PairClassifier.Verdict, a: Int, b: Int) {
            self.verdict = verdict
            facts = (Int32(a), Int32(b))
        }
    }

    /// The candidates of one block that are kept: every conflict, and for each fact its `maxPerFact` best agreements
    /// and changes. A fact's changes link it first to the nearest periods, as a timeline does; within a gap, and for
    /// the other kinds, the most confident come first; then by claim and kind, so that no order is left to chance.
    /// - Parameter places: each fact's place in its block (`blockSize` facts), where its counts are kept.
    static func boundedPerFact(_ candidates: [Candidate], facts: [Fact], places: [Int32], blockSize: Int) -> [Candidate] {
        struct Rank: Comparable {
            var gap: Int
            var confidence: Double
            var first: Int
            var second: Int
            var kind: Int
            var index: Int

            static func < (x: Rank, y: Rank) -> Bool {
                (x.gap, -x.confidence, x.first, x.second, x.kind, x.index) < (y.gap, -y.confidence, y.first, y.second, y.kind, y.index)
            }
        }
        var ranks = candidates.indices.map { index -> Rank in
            let entry = candidates[index]
            var gap = 0
            if entry.verdict.kind == .changeOverTime, let ya = facts[entry.a].period.year, let yb = facts[entry.b].period.year { gap = abs(ya - yb) }
            return Rank(gap: gap, confidence: entry.verdict.confidence, first: facts[entry.a].claim, second: facts[entry.b].claim,
                        kind: entry.verdict.kind.rank, index: index)
        }
        ranks.sort()
        // Agreements and changes counted so far, per fact of the block: two counters each.
        var counts = [UInt8](repeating: 0, count: 2 * blockSize)
        var kept: [Candidate] = []
        for rank in ranks {
            let entry = candidates[rank.index]
            if entry.verdict.kind == .agreement || entry.verdict.kind == .changeOverTime {
                let offset = entry.verdict.kind == .agreement ? 0 : blockSize
                let (ka, kb) = (offset + Int(places[entry.a]), offset + Int(places[entry.b]))
                guard counts[ka] < UInt8(maxPerFact), counts[kb] < UInt8(maxPerFact) else { continue }
                counts[ka] += 1
                counts[kb] += 1
            }
            kept.append(entry)
        }
        return kept
    }

    /// The term ids of each fact's metric and unit, which do not count as shared evidence. Metrics repeat across
    /// thousands of facts, so each distinct one is put in terms once.
    static func metricTermIDs(of facts: [Fact], similarity: SimilarityIndex, jobs: Int = 1) -> [[Int32]] {
        struct Metric: Hashable {
            var words: String
            var unit: String?
        }
        // In runs of facts on the threads, each run remembering the metrics it has seen.
        let run = 16_384
        return ParallelMap.map(Array(stride(from: 0, to: facts.count, by: run)), jobs: jobs, chunkSize: 1) { start -> [[Int32]] in
            var known: [Metric: [Int32]] = [:]
            return facts.withUnsafeBufferPointer { facts in
                facts[start..<min(facts.count, start + run)].map { fact in
                    let metric = Metric(words: fact.metric, unit: fact.quantity.unit)
                    if let ids = known[metric] { return ids }
                    let ids = similarity.ids(of: (fact.metric + " " + (fact.quantity.unit ?? "")).split(separator: " ").map { Terms.similarityStem(String($0)) })
                    known[metric] = ids
                    return ids
                }
            }
        }.flatMap { $0 }
    }

    /// A relation's id: stable, from its kind and its two claims, in either order.
    ///
    /// Claim ids are already hashes; those of the usual shape are mixed as the numbers they spell (a SHA-256 per
    /// relation was a tenth of the relation stage at a million claims). Any other id is hashed with its kind.
    static func relationID(_ kind: Relation.Kind, _ a: String, _ b: String) -> String {
        let (first, second) = a < b ? (a, b) : (b, a)
        guard let x = Hashing.idNumber(first, kind: "c"), let y = Hashing.idNumber(second, kind: "c") else {
            return "r" + Hashing.hexPrefix(of: "\(kind.rawValue)|\(first)|\(second)", length: Hashing.idDigits)
        }
        return "r" + Hashing.digits(ofIDNumber: relationNumber(kind, x, y))
    }

    /// The number a relation's id spells (`IDOrder`), from its kind and the numbers its claims' ids spell
    /// (`Hashing.idNumber`), in either order.
    static func relationNumber(_ kind: Relation.Kind, _ a: UInt64, _ b: UInt64) -> UInt64 {
        let (x, y) = a < b ? (a, b) : (b, a)
        // A fixed salt per kind, written out so that reordering the cases cannot change an id.
        let salt: UInt64 = switch kind {
        case .contradiction: 0x243F_6A88_85A3_08D3
        case .changeOverTime: 0x1319_8A2E_0370_7344
        case .agreement: 0xA409_3822_299F_31D0
        case .differentQualifier: 0x082E_FA98_EC4E_6C89
        }
        return Hashing.mix(Hashing.mix(x ^ salt) ^ y) >> UInt64(64 - 4 * Hashing.idDigits)
    }

    /// One fact as a side of its relations: the claim as exported, and what its source says (`Explanation.statement`).
    ///
    /// A class: a fact is on one side of several relations, and handing it to each is then one reference, not four.
    final class Side: Sendable {
        let fact: Fact
        let claim: RelatedClaim
        let statement: String
        /// The fact's subject as written in an explanation.
        let subject: String?

        init(fact: Fact, claim: RelatedClaim, statement: String, subject: String?) {
            (self.fact, self.claim, self.statement, self.subject) = (fact, claim, statement, subject)
        }

        /// A fact of one of `claims` as a side: the claim with the value compared (none for an event), and what its source says.
        convenience init(_ fact: Fact, claims: [Claim], labels: Explanation.SourceLabels) {
            self.init(fact: fact, claim: RelatedClaim(claims, fact.claim, value: fact.family == .event ? nil : fact.quantity),
                      statement: Explanation.statement(fact, sources: labels), subject: fact.subject.map(Explanation.capitalized))
        }
    }

    /// Whether a relation names the fact `a` (of the claim `idA`) before `b` (of `idB`): the earlier period first, then the
    /// smaller claim id.
    static func isOlder(_ a: Fact, _ idA: String, than b: Fact, _ idB: String) -> Bool {
        (a.period.year ?? Int.min, idA) <= (b.period.year ?? Int.min, idB)
    }

    /// - Parameter reasons: where the reason's words are shared with the relations made before that give the same (of
    ///   320,000 relations at 10,000 documents, 120,000 give a reason no other gives).
    static func makeRelation(_ verdict: PairClassifier.Verdict, _ a: Side, _ b: Side, id: String, reasons: StringInterner? = nil) -> Relation {
        let isOlder = isOlder(a.fact, a.claim.id, than: b.fact, b.claim.id)
        var reason = verdict.reversed ? PairClassifier.reason(verdict.reason, b.fact, a.fact) : PairClassifier.reason(verdict.reason, a.fact, b.fact)
        if let reasons { reason = reasons.intern(reason) }
        let (older, newer) = isOlder ? (a, b) : (b, a)
        return Relation(
            id: id, kind: verdict.kind, first: older.claim, second: newer.claim, subject: a.subject ?? b.subject,
            metric: a.fact.metricLabel, wording: Relation.Wording(kind: verdict.kind, older: older.statement, newer: newer.statement, reason: reason),
            confidence: verdict.exportedConfidence, betterSupported: nil)
    }

    // MARK: Periods

    /// The period a claim speaks of: the one its sentence names, else its source's (`sourcePeriod(sourceDate:estimate:)`).
    static func period(of date: ClaimDate, sourcePeriod: Period) -> Period {
        if date.basis == .explicit || date.basis == .relative, let value = date.value {
            let parts = value.split(separator: "-").compactMap { Int($0) }
            return Period(year: parts.first, month: parts.count > 1 ? parts[1] : nil, basis: .explicit, label: value)
        }
        return sourcePeriod
    }

    /// The period of a source's claims that name none: its date (published, else modified), else the year its own
    /// sentences suggest.
    static func sourcePeriod(sourceDate: DatedValue?, estimate: Int?) -> Period {
        if let published = sourceDate, let year = Int(published.date.prefix(4)) {
            return Period(year: year, month: nil, basis: .publication, label: "published \(published.date)")
        }
        if let estimate { return Period(year: estimate, month: nil, basis: .estimated, label: "c. \(estimate)") }
        return .unknown
    }

    /// An undated source is about as recent as the latest period its own sentences name.
    static func estimatedYears(documents: [Document], claims: [Claim], documentIndex: [String: Int]) -> [Int?] {
        var latest = [Int?](repeating: nil, count: documents.count)
        // By index: iterating would copy every claim.
        for claim in claims.indices where claims[claim].date.basis == .explicit {
            guard let index = documentIndex[claims[claim].document], let year = claims[claim].date.value.flatMap({ Int($0.prefix(4)) }) else { continue }
            latest[index] = max(latest[index] ?? year, year)
        }
        return latest
    }
}

/// A relation id in sort order: ids are "r" and 14 hex digits (`Hashing.idDigits`), which sort as the number they spell; comparing
/// that number spares the string comparisons of sorting hundreds of thousands of relations. An id of any other
/// shape sorts by its text, after every id of the usual shape.
struct IDOrder: Comparable {
    private let value: UInt64
    private let text: String?

    /// The number an id of the usual shape spells; nil for any other id.
    var number: UInt64? { text == nil ? value : nil }

    /// The id of the usual shape that spells `number` (below 16^`Hashing.idDigits`).
    init(number: UInt64) {
        (value, text) = (number, nil)
    }

    /// The id this stands for.
    var id: String { text ?? "r" + Hashing.digits(ofIDNumber: value) }

    init(_ id: String) {
        if let number = Hashing.idNumber(id, kind: "r") {
            (value, text) = (number, nil)
        } else {
            (value, text) = (UInt64.max, id)
        }
    }

    static func < (a: IDOrder, b: IDOrder) -> Bool {
        a.value != b.value ? a.value < b.value : (a.text ?? "") < (b.text ?? "")
    }
}
