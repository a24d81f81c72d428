/// Who holds an office: "Japanese Prime Minister Sanae Takaichi" in one source and "Japan’s … Prime Minister
/// Ishiba Shigeru" in an earlier one is a change over time; the same holder in two sources corroborates.
/// An office counts only with its country named next to it, so offices of different countries never meet.
enum OfficeHolders {
    static let titles: [[String]] = [
        ["prime", "minister"], ["foreign", "minister"], ["finance", "minister"], ["defence", "minister"], ["defense", "minister"],
        ["president"], ["chancellor"], ["premier"], ["governor"], ["mayor"], ["secretary", "general"], ["chief", "executive"],
    ]

    struct Holding: Sendable {
        var claim: Int
        var office: String
        var holder: String
        var holderText: String
    }

    /// The offices named in the tokens of claim `index`, with their holders.
    static func holdings(tokens: [Token], claim index: Int) -> [Holding] {
        var result: [Holding] = []
        for start in tokens.indices {
            guard tokens[start].isWord else { continue }
            for title in titles where start + title.count < tokens.count && tokens[start].lower == title[0] {
                guard (1..<title.count).allSatisfy({ tokens[start + $0].lower == title[$0] }) else { continue }
                // The holder: the capitalised words right after the title.
                var end = start + title.count
                var names: [Token] = []
                while end < tokens.count, tokens[end].isWord, tokens[end].isCapitalized, names.count < 3 {
                    names.append(tokens[end])
                    end += 1
                }
                guard let last = names.last else { continue }
                // The country: a capitalised word or possessive just before the title ("Japanese", "Japan’s").
                let before = tokens[max(0, start - 4)..<start].filter { $0.isWord && $0.isCapitalized && !Terms.stopWords.contains($0.lower) }
                guard let country = before.last else { continue }
                let key = String(country.lower.replacingOccurrences(of: "’s", with: "").replacingOccurrences(of: "'s", with: "").prefix(5))
                result.append(Holding(claim: index, office: "\(key) \(title.joined(separator: " "))", holder: last.lower.replacingOccurrences(of: "’s", with: ""),
                                      holderText: names.map(\.text).joined(separator: " ").replacingOccurrences(of: "’s", with: "")))
            }
        }
        return result
    }

    /// - Parameter holdings: the holdings of every claim of a known document (`holdings(tokens:claim:)`), read with
    ///   the claims' other facts.
    static func relations(holdings: [Holding], claims: [Claim], documentIndex: [String: Int], documents: [Document], periods: [Period]) -> [Relation] {
        var byOffice: [String: [Holding]] = [:]
        for holding in holdings { byOffice[holding.office, default: []].append(holding) }
        var relations: [Relation] = []
        var seen = Set<String>()
        for office in byOffice.keys.sorted() {
            // In time order, each mention is related to the next one from another source: linear, however often an office is named.
            let list = byOffice[office]!.sorted { (periods[$0.claim].year ?? Int.min, claims[$0.claim].id) < (periods[$1.claim].year ?? Int.min, claims[$1.claim].id) }
            for i in list.indices {
                guard let j = list[(i + 1)...].firstIndex(where: { claims[$0.claim].document != claims[list[i].claim].document }) else { continue }
                do {
                    let (a, b) = (list[i], list[j])
                    guard claims[a.claim].document != claims[b.claim].document else { continue }
                    // Family and given names may be written in either order: any shared name word is the same person.
                    let sameHolder = Set(a.holderText.lowercased().split(separator: " ")).intersection(b.holderText.lowercased().split(separator: " ")).isEmpty == false
                    guard let ya = periods[a.claim].year, let yb = periods[b.claim].year else { continue }
                    let kind: Relation.Kind
                    if sameHolder { kind = .agreement } else if ya != yb { kind = .changeOverTime } else { continue }
                    let (older, newer) = (ya, claims[a.claim].id) <= (yb, claims[b.claim].id) ? (a, b) : (b, a)
                    let ids = [claims[a.claim].id, claims[b.claim].id].sorted()
                    guard seen.insert("\(kind.rawValue)|\(ids[0])|\(ids[1])").inserted else { continue }
                    func side(_ holding: Holding) -> RelatedClaim { RelatedClaim(claim: claims[holding.claim], value: nil) }
                    let (da, db) = (documents[documentIndex[claims[older.claim].document]!], documents[documentIndex[claims[newer.claim].document]!])
                    let title = office.split(separator: " ").dropFirst().joined(separator: " ")
                    let reason = kind == .agreement ? "both name the same holder of the office" : "the office changed hands between \(periods[older.claim].label) and \(periods[newer.claim].label)"
                    let explanation = "\(Explanation.sourceName(da)) (\(Explanation.dateLabel(da, periods[older.claim]))) names \(older.holderText) as \(title); "
                        + "\(kind == .agreement ? "and" : "later,") \(Explanation.sourceName(db)) (\(Explanation.dateLabel(db, periods[newer.claim]))) names \(newer.holderText). "
                        + "\(Explanation.capitalized(reason))."
                    relations.append(Relation(
                        id: RelationEngine.relationID(kind, ids[0], ids[1]), kind: kind,
                        claims: [side(older), side(newer)], subject: nil, metric: "holder of the office of \(title)", explanation: explanation,
                        confidence: kind == .agreement ? 0.6 : 0.55, betterSupported: nil))
                }
            }
        }
        return relations
    }
}
