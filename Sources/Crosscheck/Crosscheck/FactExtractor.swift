/// Reads the facts of a claim from its wording: the metric from measure words near each value, the
/// qualifiers and scope from the words of the value's own clause, the subject and possessor from the grammar
/// around a rank. General rules over a small lexicon; nothing here knows a particular source.
enum FactExtractor {
    /// The facts of claim `index`, from its quantities and the tokens of its sentence.
    /// - Parameter period: the claim's period (`RelationEngine.period`): the one its sentence names, else its source's.
    static func facts(quantities: [Quantity], tokens: [Token], claim index: Int, document: Int, period: Period) -> [Fact] {
        var facts: [Fact.Draft] = []
        var previousRank: Fact.Draft?
        for (position, quantity) in quantities.enumerated() {
            // The value's own clause: from the end of the previous value to the start of the next one.
            let clauseStart = position > 0 ? quantities[position - 1].span.end : 0
            let clauseEnd = position + 1 < quantities.count ? quantities[position + 1].span.start : Int.max
            let before = Self.tokens(tokens, from: clauseStart, to: quantity.span.start)
            let after = Self.tokens(tokens, from: quantity.span.end, to: clauseEnd)
            let clause = before + after

            var fact: Fact.Draft
            switch quantity.kind {
            case .money:
                guard let metric = moneyMetric(before: before, after: after) else { continue }
                fact = makeFact(claim: index, document: document, quantity: quantity, family: .money, metric: metric,
                                label: metric, clause: clause, period: period)
            case .percent:
                guard let metric = percentMetric(before: before, after: after) else { continue }
                fact = makeFact(claim: index, document: document, quantity: quantity, family: .percent, metric: metric,
                                label: "\(metric) (per cent)", clause: clause, period: period)
            case .rank:
                let ownMetric = rankMetric(quantity: quantity, after: after)
                // "… Canada’s largest source of FDI, and third largest overall": the second rank is elliptical.
                let elliptical = ownMetric == nil ? previousRank : nil
                guard let metric = ownMetric ?? elliptical?.metric else { continue }
                fact = makeFact(claim: index, document: document, quantity: quantity, family: .rank, metric: metric,
                                label: "rank among \(metric)s", clause: clause, period: period)
                // A rank's scope is said right after it ("third largest overall") before anything earlier in the clause.
                if let scope = qualifiersAndScope(Array(after.prefix(3))).1 ?? qualifiersAndScope(after).1 { fact.scope = scope }
                if let elliptical {
                    fact.subject = elliptical.subject
                    fact.possessor = elliptical.possessor
                } else {
                    let (subject, possessor, isWorld) = rankParties(tokens: tokens, quantity: quantity)
                    fact.subject = subject
                    fact.possessor = possessor
                    if isWorld { fact.scope = "global" }
                }
                previousRank = fact
            case .count, .measure:
                // A compound modifier names a kind of thing, it does not count it: "13-inch MacBook Pro", "50-year relationship".
                if let next = after.first, next.text == "-" || next.text == "‑", !next.spaceBefore { continue }
                guard let (metric, label) = countMetric(quantity: quantity, after: after) else { continue }
                let isMeasure = quantity.kind == .measure
                fact = makeFact(claim: index, document: document, quantity: quantity, family: isMeasure ? .measure : .count,
                                metric: metric, label: label, clause: clause, period: period)
            case .year, .date:
                // What happened on the date is said just before it: "signed … which entered into force in 2019".
                let lead = Array(tokens.filter { $0.end <= quantity.span.start }.suffix(8))
                fact = makeFact(claim: index, document: document, quantity: quantity, family: .event, metric: "event",
                                label: "date of the event", clause: lead, period: eventPeriod(quantity) ?? period)
                fact.eventKind = lead.reversed().lazy.compactMap { MetricLexicon.eventKinds[$0.lower] }.first
            }
            facts.append(fact)
        }
        facts.append(contentsOf: derivedTotals(from: facts))
        return facts.map { $0.sealed() }
    }

    /// The tokens lying wholly in `from..<to`: consecutive, as tokens are in order and do not overlap.
    static func tokens(_ tokens: [Token], from: Int, to: Int) -> [Token] {
        var lower = 0
        while lower < tokens.count && tokens[lower].start < from { lower += 1 }
        var upper = lower
        while upper < tokens.count && tokens[upper].end <= to { upper += 1 }
        return Array(tokens[lower..<upper])
    }

    private static func makeFact(
        claim: Int, document: Int, quantity: Quantity, family: Fact.Family, metric: String, label: String, clause: [Token], period: Period
    ) -> Fact.Draft {
        let (qualifiers, scope) = qualifiersAndScope(clause)
        return Fact.Draft(claim: claim, document: document, quantity: quantity, family: family, metric: metric, metricLabel: label,
                          qualifiers: qualifiers, scope: scope, subject: nil, possessor: nil, period: period)
    }

    // MARK: Periods

    private static func eventPeriod(_ quantity: Quantity) -> Period? {
        guard let iso = quantity.date, !iso.hasPrefix("-") else { return nil }
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard let year = parts.first else { return nil }
        return Period(year: year, month: parts.count > 1 ? parts[1] : nil, basis: .explicit, label: iso)
    }

    // MARK: Metrics

    /// Money metrics that say little about what the money is: taken only when nothing more specific is near.
    private static let genericMoneyMetrics: Set<String> = ["value", "project value", "deal value"]

    /// The nearest specific measure word before the amount, then after it; generic ones ("valued", "project") last.
    static func moneyMetric(before: [Token], after: [Token]) -> String? {
        let nearBefore = Array(before.filter(\.isWord).suffix(10).reversed())
        // After the amount a measure word counts only when introduced ("$5 billion of exports", "$3 billion in investment"),
        // not as a modifier of another noun ("the C$40 billion export terminal").
        var nearAfter: [Token] = []
        if let first = after.first, first.lower == "of" || first.lower == "in" {
            nearAfter = Array(after.dropFirst().prefix { $0.isWord }.prefix(3))
        }
        func metric(_ index: Int, in words: [Token]) -> String? {
            let word = words[index].lower
            // The words before the amount are scanned nearest first, so the word preceding "in" comes next in the list.
            if word == "in", index + 1 < words.count, words[index + 1].lower == "brought" { return "imports" }
            if word == "domestic" || word == "gdp" { return "gdp" }
            return MetricLexicon.moneyMetrics[word]
        }
        for pass in [false, true] {
            for words in [nearBefore, nearAfter] {
                for index in words.indices {
                    guard let found = metric(index, in: words) else { continue }
                    if genericMoneyMetrics.contains(found) == pass { return found }
                }
            }
        }
        return nil
    }

    static func percentMetric(before: [Token], after: [Token]) -> String? {
        let next = after.first { $0.isWord && !["of", "the", "a"].contains($0.lower) }
        if let next, let synonym = MetricLexicon.synonyms[Terms.stem(next.lower)] { return synonym }
        let previous = before.filter(\.isWord).suffix(4).reversed()
        for word in previous {
            switch word.lower {
            case "up", "rose", "grew", "increase", "increased", "growth", "down", "fell", "declined", "decline", "decrease": return "change"
            default: break
            }
        }
        let qualifierWords = Set(Lexicon.qualifiers.flatMap(\.words))
        if let noun = previous.first(where: { !Terms.stopWords.contains($0.lower) && !qualifierWords.contains($0.lower) }) {
            return Terms.stem(noun.lower)
        }
        return next.map { Terms.stem($0.lower) }
    }

    /// "fourth-largest trading partner" → "trade partner"; "largest source of FDI" → "investment source".
    static func rankMetric(quantity: Quantity, after: [Token]) -> String? {
        guard let unit = quantity.unit else { return nil }
        var words = unit.split(separator: " ").map { Terms.stem(String($0)) }
        if let head = words.last, MetricLexicon.genericHeads.contains(head) {
            // Take the of-phrase: "source of foreign direct investment".
            let unitWords = Set(unit.split(separator: " ").map(String.init))
            var index = after.firstIndex { unitWords.contains($0.lower) }.map { $0 + 1 } ?? 0
            if index < after.count, after[index].lower == "of" {
                index += 1
                var extra: [String] = []
                while index < after.count, after[index].isWord, extra.count < 3, !Lexicon.phraseStops.contains(after[index].lower) {
                    extra.append(Terms.stem(after[index].lower))
                    index += 1
                }
                words += extra
            }
        }
        let key = words.map { $0 == "trading" ? "trade" : $0 }.joined(separator: " ")
        if let synonym = MetricLexicon.synonyms[key] { return synonym }
        if words.count > 1, let synonym = MetricLexicon.synonyms[words.suffix(2).joined(separator: " ")] { return synonym }
        return key
    }

    /// The counted noun phrase, across "and" and "/": "sister city and province relationships" → "sister city province relationship".
    static func countMetric(quantity: Quantity, after: [Token]) -> (String, String)? {
        var words: [String] = []
        for token in after.prefix(8) {
            if token.isWord {
                if token.lower == "and" || token.lower == "or" { continue }
                if Lexicon.phraseStops.contains(token.lower) { break }
                words.append(token.lower)
                if QuantityParser.looksPlural(token.lower) { break }
            } else if token.text == "/" || token.text == "-" || token.text == "‘" || token.text == "’" {
                continue
            } else {
                break
            }
        }
        guard !words.isEmpty else { return nil }
        let head = words.last!
        let stems = words.map(Terms.stem)
        if MetricLexicon.personNouns.contains(head) || MetricLexicon.personNouns.contains(words[0]) {
            return ("people", words.joined(separator: " "))
        }
        return (stems.joined(separator: " "), words.joined(separator: " "))
    }

    /// Verbs that join a ranked party to its rank ("Japan is …", "Japan remains …").
    private static let rankVerbs: Set<String> = ["is", "was", "remains", "remained", "became", "becomes", "ranks", "ranked"]

    /// The ranked party ("Japan") and whose ranking it is ("Canada’s"), and whether it is the world's.
    static func rankParties(tokens: [Token], quantity: Quantity) -> (subject: String?, possessor: String?, isWorld: Bool) {
        guard let rankIndex = tokens.firstIndex(where: { $0.start >= quantity.span.start }) else { return (nil, nil, false) }
        var index = rankIndex - 1
        while index >= 0, ["the", "now", "also", "still", "currently", "among", "one", "of"].contains(tokens[index].lower) { index -= 1 }
        var possessor: String?
        var isWorld = false
        // "… and its fifth-largest trading partner": "its" refers back to the sentence's subject.
        if index >= 0, tokens[index].lower == "its" || tokens[index].lower == "their" {
            for (position, token) in tokens.enumerated() where rankVerbs.contains(token.lower) && position > 0 && position < index {
                let candidate = tokens[position - 1]
                if candidate.isWord, candidate.isCapitalized, !Terms.stopWords.contains(candidate.lower) {
                    return (namePhrase(endingAt: position - 1, in: tokens), nil, false)
                }
            }
        }
        if index >= 0, tokens[index].isWord, tokens[index].lower.hasSuffix("’s") || tokens[index].lower.hasSuffix("'s") {
            let owner = String(tokens[index].lower.dropLast(2))
            if owner == "world" { isWorld = true } else { possessor = owner }
            index -= 1
        } else if index >= 0, ["our", "their", "his", "her"].contains(tokens[index].lower) {
            index -= 1
        }
        // "making Japan Canada’s largest …": the name right before the possessor.
        if index >= 0, tokens[index].isWord, tokens[index].isCapitalized, index > 0 || tokens.count < 3 {
            return (namePhrase(endingAt: index, in: tokens), possessor, isWorld)
        }
        // "Japan is Canada’s …", "Japan remains …", and "As Canada’s …, Japan is …".
        for (position, token) in tokens.enumerated() where rankVerbs.contains(token.lower) && position > 0 && position < rankIndex && rankIndex - position <= 6 {
            let candidate = tokens[position - 1]
            if candidate.isWord, candidate.isCapitalized, !Terms.stopWords.contains(candidate.lower) {
                return (namePhrase(endingAt: position - 1, in: tokens), possessor, isWorld)
            }
        }
        return (nil, possessor, isWorld)
    }

    /// The whole name that ends at a token: "Ushquessush Foods", not "Foods".
    static func namePhrase(endingAt end: Int, in tokens: [Token]) -> String {
        var start = end
        while start > 0, tokens[start - 1].isWord, tokens[start - 1].isCapitalized, !Terms.stopWords.contains(tokens[start - 1].lower) { start -= 1 }
        return tokens[start...end].map(\.lower).joined(separator: " ")
    }

    // MARK: Qualifiers and scope

    static func qualifiersAndScope(_ clause: [Token]) -> ([String: String], String?) {
        // One pass looks every token up once: the first scope word, and the qualifier phrases that can start here
        // (most clauses hold none, and then no list of their words is made).
        var starting: [(entry: Int, words: [String])] = []
        var scope: String?
        for index in clause.indices {
            let role = MetricLexicon.wordRoles[clause[index].lower]
            if let role, !role.phrases.isEmpty, clause[index].isWord { starting += role.phrases }
            guard scope == nil else { continue }
            if let named = role?.scope {
                scope = named
            } else if index + 2 < clause.count, clause[index + 1].lower == "-",
                      let region = MetricLexicon.regionGroups[clause[index].lower + "-" + clause[index + 2].lower] {
                scope = region
            }
        }
        // Each dimension takes the value of the first entry of `MetricLexicon.qualifiers` with a phrase in the clause.
        var qualifiers: [String: String] = [:]
        if !starting.isEmpty {
            let words = clause.filter(\.isWord).map(\.lower)
            var matched: [Int] = []
            for phrase in starting where phrase.words.count == 1 || contains(words, phrase.words) { matched.append(phrase.entry) }
            for entry in matched.sorted() {
                let (dimension, value, _) = MetricLexicon.qualifiers[entry]
                if qualifiers[dimension] == nil { qualifiers[dimension] = value }
            }
        }
        // Direction: where the money or goods go ("investment in Japan", "FDI … into Canada", "exports to Japan").
        for (index, token) in clause.enumerated() where token.lower == "into" || token.lower == "in" || token.lower == "to" {
            guard index + 1 < clause.count else { break }
            // "According to Export Development Canada" names a source, not a destination.
            if index > 0, clause[index - 1].lower == "according" || clause[index - 1].lower == "due" || clause[index - 1].lower == "thanks" { continue }
            let next = clause[index + 1]
            guard next.isWord, next.isCapitalized, DateParsing.months[next.lower] == nil else { continue }
            qualifiers["direction"] = "to " + Terms.stem(next.lower.replacingOccurrences(of: "’s", with: ""))
            break
        }
        return (qualifiers, scope)
    }

    private static func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard phrase.count <= words.count else { return false }
        for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
            if words[start..<(start + phrase.count)].elementsEqual(phrase) { return true }
        }
        return false
    }

    // MARK: Parts and wholes

    /// Exports and imports for the same period and currency, stated together, add up to two-way trade.
    static func derivedTotals(from facts: [Fact.Draft]) -> [Fact.Draft] {
        guard let exports = facts.first(where: { $0.family == .money && $0.metric == "exports" }),
              let imports = facts.first(where: { $0.family == .money && $0.metric == "imports" && $0.quantity.currency == exports.quantity.currency && $0.period.year == exports.period.year })
        else { return [] }
        var total = exports
        var quantity = exports.quantity
        quantity.value = QuantityParser.clean(exports.quantity.value + imports.quantity.value)
        quantity.low = zip2(exports.quantity.low, imports.quantity.low).map(QuantityParser.clean)
        quantity.high = zip2(exports.quantity.high, imports.quantity.high).map(QuantityParser.clean)
        quantity.text = "\(exports.quantity.text) + \(imports.quantity.text)"
        quantity.qualifier = "sum"
        total.quantity = quantity
        total.metric = "trade"
        total.metricLabel = "two-way trade (exports + imports)"
        total.isDerived = true
        for (dimension, value) in imports.qualifiers where total.qualifiers[dimension] == nil { total.qualifiers[dimension] = value }
        // Two-way trade goes both ways.
        total.qualifiers["direction"] = nil
        return [total]
    }

    private static func zip2(_ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b else { return nil }
        return a + b
    }
}

