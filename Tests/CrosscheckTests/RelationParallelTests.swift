import Foundation
import Testing
@testable import Crosscheck

/// The relation engine cuts large blocks into units of work, merges verdicts in shards and bounds each block on
/// its own thread: none of that may change what it finds. A corpus of ferry operators, many sources and years,
/// gives blocks far beyond the size that is compared exhaustively.
@Suite struct RelationParallelTests {
    static let files: [String: String] = {
        let operators = ["Skerrivane", "Tollowmere", "Brackenholt", "Quillanby", "Marrowgate", "Fennick", "Osterlade", "Wychcombe"]
        var files: [String: String] = [:]
        for source in 0..<40 {
            var text = "Harbour bulletin \(source)\n\n"
            for (index, name) in operators.enumerated() {
                let year = 2016 + (source + index) % 6
                // Every operator's crossings grow by 40 a year, so sources agree or show a change; one source is off.
                var crossings = 1_000 + 100 * index + 40 * (year - 2016)
                if source == 7 && index == 3 { crossings += 250 }
                text += "In \(year), \(name) Ferries ran \(crossings) crossings on the northern route.\n\n"
                text += "\(name) Ferries had \(200 + 10 * index) employees in \(year).\n\n"
            }
            files[String(format: "bulletin-%02d.txt", source)] = text
        }
        return files
    }()
    static let corpus = try! DiffInbox.corpus(files: files)

    @Test func cuttingTheWorkDifferentlyFindsTheSameRelations() {
        let corpus = Self.corpus
        #expect(corpus.claims.count >= 600)
        let (reference, referenceTrust) = RelationEngine.relations(documents: corpus.documents, claims: corpus.claims, jobs: 1)
        // Queries per unit of a large block, and claims read (and their words numbered) together.
        for (jobs, unit, run) in [(1, 5, 1), (3, 7, 13), (4, 2_048, 512), (2, 2_048, corpus.claims.count)] {
            let (relations, trust) = RelationEngine.relations(documents: corpus.documents, claims: corpus.claims, jobs: jobs,
                                                              queriesPerUnit: unit, claimsPerRun: run)
            #expect(relations == reference, "jobs \(jobs), \(unit) queries per unit, runs of \(run) claims")
            #expect(trust == referenceTrust)
        }
        // The one source that is off contradicts the others for that operator and year, and nothing else does.
        let contradictions = reference.filter { $0.kind == .contradiction }
        #expect(!contradictions.isEmpty)
        #expect(contradictions.allSatisfy { relation in relation.claims.contains { $0.source.path == "bulletin-07.txt" && $0.text.contains("Quillanby") } })
        #expect(reference.contains { $0.kind == .changeOverTime } && reference.contains { $0.kind == .agreement })
    }

    @Test func termNumbersDoNotDependOnHowClaimsAreCutIntoRuns() {
        let tokens = ["Harbour ferries carried 4,000 cars in 2021.", "The ferries carried more cars than trucks.", "Harbour trucks, harbour cars.",
                      "Cars and ferries and cars.", "Nothing here."].map { Tokenizer.tokens($0) }
        func index(runsOf size: Int) -> SimilarityIndex {
            let runs = stride(from: 0, to: tokens.count, by: size).map { start -> TermNumbering.Run in
                var numbering = TermNumbering()
                let rows = tokens[start..<min(tokens.count, start + size)].map { numbering.ids(of: $0) }
                return TermNumbering.Run(terms: numbering.terms, rows: rows)
            }
            return SimilarityIndex(runs: runs, jobs: 2)
        }
        let whole = index(runsOf: tokens.count)
        // Terms are numbered in the order the corpus first uses them, and counted once per claim that uses them.
        #expect(whole.termIDs["harbour"] == 0 && whole.termIDs["ferry"] == 1 && whole.termIDs["car"] == 3 && whole.termIDs["truck"] == 4)
        #expect(whole.documentFrequency[0] == 2 && whole.documentFrequency[3] == 4)
        for size in [1, 2, 3] {
            let cut = index(runsOf: size)
            #expect(cut.termIDs == whole.termIDs && cut.documentFrequency == whole.documentFrequency && cut.bigrams == whole.bigrams, "runs of \(size)")
            #expect(cut.count == tokens.count && (0..<cut.count).allSatisfy { cut.vector($0) == whole.vector($0) })
        }
    }

    /// A watcher keeps what reading each document's claims gave (`ClaimReadings`) and reads only what changed: the
    /// relations must be those of a fresh reading after documents move in the corpus, leave it, or change their date.
    @Test func keptReadingsGiveTheRelationsOfAFreshReading() {
        let corpus = Self.corpus
        let readings = ClaimReadings()
        func check(_ documents: [Document], _ claims: [Claim], reused: Int, _ comment: Comment) {
            let fresh = RelationEngine.relations(documents: documents, claims: claims, jobs: 2)
            let kept = RelationEngine.relations(documents: documents, claims: claims, jobs: 2, readings: readings)
            #expect(kept.0 == fresh.0 && kept.1 == fresh.1, comment)
            #expect(readings.reusedLastPass == reused, comment)
            #expect(readings.count == documents.count, comment)
        }
        check(corpus.documents, corpus.claims, reused: 0, "first reading")
        #expect(readings.reusedRelations == 0)
        check(corpus.documents, corpus.claims, reused: 40, "nothing changed")
        // Every relation between facts of kept readings, with the same verdict, is the one made last time.
        let made = RelationEngine.relations(documents: corpus.documents, claims: corpus.claims, jobs: 2, readings: readings).0
        #expect(readings.reusedRelations > made.count / 2 && readings.reusedRelations == readings.madeRelations.count)
        // A document leaves from the middle: the claims after it move down, and their documents' places with them.
        let gone = corpus.documents[3].id
        let fewer = corpus.documents.filter { $0.id != gone }
        check(fewer, corpus.claims.filter { $0.document != gone }, reused: 39, "one document removed")
        // A file renamed in place (its claims keep their ids and places): its relations name the new file.
        var renamed = corpus.claims.filter { $0.document != gone }
        let moved = fewer[0].id
        for index in renamed.indices where renamed[index].document == moved { renamed[index].source = "renamed.txt" }
        check(fewer, renamed, reused: 39, "one file renamed")
        #expect(RelationEngine.relations(documents: fewer, claims: renamed, jobs: 1).0.contains { $0.claims.contains { $0.source.path == "renamed.txt" } })
    }

    /// A watcher keeps the pairs each group of facts gave (`FoundPairs`) and searches only the groups a change reaches:
    /// the relations must still be those of a fresh build, and a group nothing changed in must not be searched again.
    @Test func groupsNothingChangedInAreNotSearchedAgain() throws {
        let corpus = Self.corpus
        let readings = ClaimReadings()
        func check(_ documents: [Document], _ claims: [Claim], _ comment: Comment) {
            let fresh = RelationEngine.relations(documents: documents, claims: claims, jobs: 2)
            let kept = RelationEngine.relations(documents: documents, claims: claims, jobs: 2, readings: readings)
            #expect(kept.0 == fresh.0 && kept.1 == fresh.1, comment)
        }
        check(corpus.documents, corpus.claims, "first update")
        let groups = readings.foundPairs.searchedLastPass
        #expect(groups > 10 && readings.foundPairs.reusedLastPass == 0)
        check(corpus.documents, corpus.claims, "nothing changed")
        #expect(readings.foundPairs.reusedLastPass == groups && readings.foundPairs.searchedLastPass == 0)
        // A bulletin leaves: the groups that held its facts are searched again (here every group: the corpus's size
        // falls into the band below, 576 to 639 claims, and moves every word weight).
        var files = Self.files
        files["bulletin-05.txt"] = nil
        let fewer = try DiffInbox.corpus(files: files)
        check(fewer.documents, fewer.claims, "a document removed")
        #expect(readings.foundPairs.searchedLastPass == groups && readings.foundPairs.reusedLastPass == 0)
        // A page that shares no word and no block with the bulletins (and leaves the corpus's size in its band) leaves
        // every group as it was.
        files["orchard.txt"] = "Orchard tallies\n\nThe Brindlewood orchard picked 4,300 bushels of quince.\n"
        let more = try DiffInbox.corpus(files: files)
        #expect(CountBand.floor(more.claims.count) == CountBand.floor(fewer.claims.count))
        let before = readings.foundPairs.searchedLastPass + readings.foundPairs.reusedLastPass
        check(more.documents, more.claims, "an unrelated page added")
        #expect(readings.foundPairs.reusedLastPass == before, "every group of the bulletins is taken as it was")
    }

    /// Bulletins removed, restored and edited at random, and unrelated pages added: after every step the watcher's
    /// relations (groups taken as they were where their signature held) are those of a fresh build.
    @Test func keptSearchesFollowRandomChangesExactly() throws {
        var generator = SplitMix64(seed: 0xF00D)
        let readings = ClaimReadings()
        var files = Self.files
        var removed: [String] = []
        var reusedGroups = 0
        // Removing or restoring a bulletin (16 claims) moves the corpus's size into another band, which reaches every
        // group; an edit or an unrelated page leaves it, and reaches only some.
        let steps = [0, 3, 2, 1, 3, 0, 2, 3, 1, 3, 2, 3]
        for (step, change) in steps.enumerated() {
            let names = files.keys.filter { $0.hasPrefix("bulletin") }.sorted()
            switch change {
            case 0 where names.count > 30:
                let name = names.randomElement(using: &generator)!
                removed.append(name)
                files[name] = nil
            case 1 where !removed.isEmpty:
                let name = removed.removeLast()
                files[name] = Self.files[name]
            case 2:
                // One operator's staff figure in one bulletin: that claim's words and value change.
                let name = names.randomElement(using: &generator)!
                files[name] = files[name]!.replacingOccurrences(of: " employees in ", with: " staff members in ")
            default:
                files["orchard-\(step).txt"] = "Orchard tallies \(step)\n\nThe Brindlewood orchard picked \(4_300 + step) bushels of quince.\n"
            }
            let corpus = try DiffInbox.corpus(files: files)
            let fresh = RelationEngine.relations(documents: corpus.documents, claims: corpus.claims, jobs: 2)
            let kept = RelationEngine.relations(documents: corpus.documents, claims: corpus.claims, jobs: 2, readings: readings)
            #expect(kept.0 == fresh.0 && kept.1 == fresh.1, "step \(step)")
            reusedGroups += readings.foundPairs.reusedLastPass
        }
        #expect(reusedGroups > 0, "some steps must take groups as they were, or the test proves nothing about them")
    }

    /// A page that shares no block with the bulletins still reaches their groups when it moves the band of a word their
    /// claims use: eight more claims naming Quillanby take its count from 80 to 88, another band, and every claim naming
    /// it gets new word weights. The same page naming no operator reaches no group.
    @Test func aWordWhoseCountChangesBandReachesTheGroupsOfItsClaims() throws {
        func page(naming name: String) -> String {
            "Orchard tallies\n\n" + ["picked 4,300 bushels of quince", "pressed 1,200 flagons of cider", "counted 37 hives",
                                        "planted 410 saplings", "hired 14 pickers", "sold 2,900 jars of honey", "mended 61 ladders",
                                        "stored 800 crates"].map { "The \(name) orchard \($0).\n\n" }.joined()
        }
        for (name, reachesBulletins) in [("Brindlewood", false), ("Quillanby", true)] {
            var files = Self.files
            let readings = ClaimReadings()
            let before = try DiffInbox.corpus(files: files)
            _ = RelationEngine.relations(documents: before.documents, claims: before.claims, jobs: 2, readings: readings)
            let groups = readings.foundPairs.searchedLastPass
            files["orchard.txt"] = page(naming: name)
            let after = try DiffInbox.corpus(files: files)
            #expect(after.claims.count == before.claims.count + 8 && CountBand.floor(after.claims.count) == CountBand.floor(before.claims.count))
            let fresh = RelationEngine.relations(documents: after.documents, claims: after.claims, jobs: 2)
            let kept = RelationEngine.relations(documents: after.documents, claims: after.claims, jobs: 2, readings: readings)
            #expect(kept.0 == fresh.0 && kept.1 == fresh.1, "\(name)")
            if reachesBulletins {
                #expect(readings.foundPairs.searchedLastPass > 0, "the groups of the claims naming \(name) are searched again")
            } else {
                #expect(readings.foundPairs.searchedLastPass == 0 && readings.foundPairs.reusedLastPass == groups, "\(name)")
            }
        }
    }

    /// A watcher whose table of names has outgrown the corpus starts afresh: nothing kept, names numbered anew, and the
    /// next update still gives a fresh build's relations.
    @Test func aWatcherWhoseNamesOutgrewTheCorpusStartsAfresh() {
        let corpus = Self.corpus
        let readings = ClaimReadings()
        _ = RelationEngine.relations(documents: corpus.documents, claims: corpus.claims, jobs: 2, readings: readings)
        let names = readings.names.count
        readings.forgetEverythingIfNamesOutgrow(liveNames: names / 4, floor: names)
        #expect(readings.count == corpus.documents.count && readings.names.count == names, "not yet outgrown")
        readings.forgetEverythingIfNamesOutgrow(liveNames: names / 4 - 1, floor: names - 1)
        #expect(readings.count == 0 && readings.names.count == 0 && readings.madeRelations.isEmpty)
        let fresh = RelationEngine.relations(documents: corpus.documents, claims: corpus.claims, jobs: 2)
        let kept = RelationEngine.relations(documents: corpus.documents, claims: corpus.claims, jobs: 2, readings: readings)
        #expect(kept.0 == fresh.0 && kept.1 == fresh.1)
        #expect(readings.reusedLastPass == 0 && readings.foundPairs.reusedLastPass == 0 && readings.names.count == names)
    }

    /// A document's date is the period of its undated claims: when it changes, its claims are read again.
    @Test func aDocumentWhoseDateChangesIsReadAgain() throws {
        let sentence = "Quillanby Ferries ran 1240 crossings on the northern route."
        var corpus = try DiffInbox.corpus(files: ["a.txt": "Harbour note\n\n" + sentence + "\n", "b.txt": "Harbour letter\n\n" + sentence + "\n"])
        for index in corpus.documents.indices { corpus.documents[index].published = DatedValue(date: "2020-01-01", precision: .day, evidence: "test") }
        let readings = ClaimReadings()
        let before = try #require(RelationEngine.relations(documents: corpus.documents, claims: corpus.claims, readings: readings).0.first)
        #expect(before.kind == .agreement)
        // Four years apart, the same figure agrees with less confidence: it may be a figure that did not change.
        corpus.documents[1].published = DatedValue(date: "2024-01-01", precision: .day, evidence: "test")
        let fresh = RelationEngine.relations(documents: corpus.documents, claims: corpus.claims).0
        let kept = RelationEngine.relations(documents: corpus.documents, claims: corpus.claims, readings: readings).0
        #expect(fresh.first?.kind == .agreement && fresh.first!.confidence < before.confidence)
        #expect(kept == fresh)
        #expect(readings.reusedLastPass == 1)
    }

    /// A new source shifts the corpus's word weights, and with them the confidence of relations between sources that
    /// did not change: a relation is taken as made last time only when it would be made the same.
    @Test func aRelationBetweenUnchangedSourcesFollowsTheCorpus() throws {
        let a = "Harbour note\n\nQuillanby Ferries ran 1240 crossings on the northern route this season, harbour officials said.\n"
        let b = "Harbour digest\n\nQuillanby Ferries made 1240 crossings on the northern route this season.\n"
        let c = "Harbour letter\n\nHarbour officials said the northern route carried 300 trucks this season.\n"
        let before = try DiffInbox.corpus(files: ["a.txt": a, "b.txt": b])
        let after = try DiffInbox.corpus(files: ["a.txt": a, "b.txt": b, "c.txt": c])
        let readings = ClaimReadings()
        let first = RelationEngine.relations(documents: before.documents, claims: before.claims, readings: readings).0
        let fresh = RelationEngine.relations(documents: after.documents, claims: after.claims).0
        let kept = RelationEngine.relations(documents: after.documents, claims: after.claims, readings: readings).0
        let agreement = try #require(first.first { $0.kind == .agreement })
        let moved = try #require(fresh.first { $0.id == agreement.id })
        #expect(moved.confidence != agreement.confidence, "the third source changes the weights of the words the two share")
        #expect(readings.reusedLastPass == 2)
        #expect(kept == fresh)
    }
}
