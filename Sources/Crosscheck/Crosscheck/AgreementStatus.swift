/// Where an agreement stands: an agreement one source calls under negotiation (or pending, stalled) and a later
/// source calls signed (or in force) is a change over time. The two must name the agreement alike: a word of
/// what it is about next to the noun ("information-sharing agreements", "Security of Information Agreement").
enum AgreementStatus {
    enum Stage: String {
        case negotiating = "under negotiation"
        case concluded = "signed"
    }

    static let nouns: Set<String> = ["agreement", "agreements", "accord", "accords", "treaty", "treaties", "pact", "pacts", "arrangement", "arrangements"]
    private static let nounStemBytes = ["agreement", "accord", "treat", "pact", "arrangement"].map { Array($0.utf8) }
    static let negotiating: Set<String> = ["negotiation", "negotiations", "negotiating", "negotiate", "pending", "proposed", "stalled", "shelved", "draft"]
    static let concluded: Set<String> = ["signed", "signing", "concluded", "ratified", "force"]
    /// Words that say nothing of which agreement it is.
    static let generic: Set<String> = ["bilateral", "multilateral", "new", "international", "general", "several", "two", "various", "key", "formal"]
    /// Partners kept for each mention under negotiation: the nearest later ones.
    static let partnersPerMention = 3

    struct Mention {
        var claim: Int
        var stage: Stage
        /// What the agreement is about, by stem, with the word as written.
        var topic: [String: String]
    }

    /// The agreement mentions of a sentence with one clear stage (a sentence saying both is left alone).
    /// - Parameter text: the sentence of claim `index`.
    static func mention(in text: String, index: Int) -> Mention? {
        // Most sentences name no agreement: a look at the bytes spares them the tokenizer.
        var bytes = text
        guard bytes.withUTF8({ bytes in nounStemBytes.contains { ByteSearch.contains(bytes, $0) } }) else { return nil }
        let tokens = Tokenizer.tokens(text).filter(\.isWord)
        let words = tokens.map { $0.lower }
        let isNegotiating = words.contains(where: negotiating.contains)
        let isConcluded = words.contains(where: concluded.contains)
        guard isNegotiating != isConcluded else { return nil }
        var topic: [String: String] = [:]
        for (position, word) in words.enumerated() where nouns.contains(word) {
            // What the agreement is about: the words just before the noun, and after "on"/"of"/"for".
            var window = Array(words[max(0, position - 5)..<position])
            if position + 1 < words.count, ["on", "of", "for"].contains(words[position + 1]) {
                window += words[(position + 2)..<min(words.count, position + 6)]
            }
            for word in window {
                for part in word.split(separator: "-").map(String.init) where part.count > 3 {
                    let stem = Terms.similarityStem(part)
                    if !Terms.stopWords.contains(part), !generic.contains(part), !negotiating.contains(part), !concluded.contains(part), !nouns.contains(part) {
                        topic[stem] = topic[stem] ?? part
                    }
                }
            }
        }
        guard !topic.isEmpty else { return nil }
        return Mention(claim: index, stage: isConcluded ? .concluded : .negotiating, topic: topic)
    }

    static func relations(claims: [Claim], documentIndex: [String: Int], documents: [Document], periods: [Period], jobs: Int = 1) -> [Relation] {
        let mentions = ParallelMap.map(Array(claims.indices), jobs: jobs) { index -> Mention? in
            guard documentIndex[claims[index].document] != nil, periods[index].year != nil else { return nil }
            return mention(in: claims[index].text, index: index)
        }
        var pending: [Mention] = []
        var signed: [Mention] = []
        for case let mention? in mentions {
            if mention.stage == .negotiating { pending.append(mention) } else { signed.append(mention) }
        }
        // Signed mentions by the stems of their topic: a pending mention meets only those that share a word with it.
        var signedByStem: [String: [Int]] = [:]
        for (position, mention) in signed.enumerated() { for stem in mention.topic.keys { signedByStem[stem, default: []].append(position) } }
        var relations: [Relation] = []
        for before in pending {
            let year = periods[before.claim].year!
            let sharing = Set(before.topic.keys.flatMap { signedByStem[$0] ?? [] })
            let later = sharing.map { signed[$0] }.filter { after in
                claims[after.claim].document != claims[before.claim].document && periods[after.claim].year! > year
            }.sorted { (periods[$0.claim].year!, claims[$0.claim].id) < (periods[$1.claim].year!, claims[$1.claim].id) }
            for after in later.prefix(partnersPerMention) {
                let (a, b) = (claims[before.claim], claims[after.claim])
                let ids = [a.id, b.id].sorted()
                let (da, db) = (documents[documentIndex[a.document]!], documents[documentIndex[b.document]!])
                let shared = Set(before.topic.keys).intersection(after.topic.keys).sorted().map { "“\(before.topic[$0]!)”" }.joined(separator: ", ")
                let explanation = "\(Explanation.sourceName(da)) (\(Explanation.dateLabel(da, periods[before.claim]))) says the agreement is \(Stage.negotiating.rawValue); "
                    + "later, \(Explanation.sourceName(db)) (\(Explanation.dateLabel(db, periods[after.claim]))) says it was \(Stage.concluded.rawValue). "
                    + "Both name it by \(shared); its status moved on between \(periods[before.claim].label) and \(periods[after.claim].label)."
                relations.append(Relation(
                    id: RelationEngine.relationID(.changeOverTime, ids[0], ids[1]), kind: .changeOverTime,
                    claims: [RelatedClaim(claim: a, value: nil), RelatedClaim(claim: b, value: nil)], subject: nil,
                    metric: "status of an agreement", explanation: explanation, confidence: 0.45, betterSupported: nil))
            }
        }
        return relations
    }
}
