/// Decides how two facts from different sources relate, in the order docs/claims.md gives:
/// metric and qualifiers first, then periods, then value intervals.
enum PairClassifier {
    struct Verdict: Sendable, Equatable {
        // The confidence first: the three one-byte fields then share its last word (16 bytes, not 24, for each of the
        // hundreds of thousands of verdicts a large corpus's search holds at once).
        var confidence: Double
        var kind: Relation.Kind
        /// Why; put in words by `reason(_:_:_:)` only for the relations that are kept.
        var reason: Reason
        /// True once the pair is kept in the other order than `classify` was given it (the reason's words follow that order).
        var reversed = false

        init(kind: Relation.Kind, reason: Reason, confidence: Double, reversed: Bool = false) {
            (self.kind, self.reason, self.confidence, self.reversed) = (kind, reason, confidence, reversed)
        }

        /// The confidence a relation shows: two decimals.
        var exportedConfidence: Double { (confidence * 100).rounded() / 100 }

        /// True when, between the same two sides, this verdict makes the relation `other` makes
        /// (`RelationEngine.makeRelation` reads the kind, the reason, the order and the confidence shown).
        func makesTheSameRelation(as other: Verdict) -> Bool {
            kind == other.kind && reason == other.reason && reversed == other.reversed && exportedConfidence == other.exportedConfidence
        }
    }

    /// The grounds of a verdict. The words are written from the two facts when a relation is made, not for every
    /// candidate pair, most of which are outranked and dropped.
    enum Reason: Sendable, Equatable {
        case sameEventDate, qualifierClash, scopesDiffer, ranksAgreeOneScope, oneScopeMissing, valuesAgree
        case explicitPeriodsDiffer, impliedPeriodsDiffer, samePeriod
    }

    /// Why, in words, for the explanation; `a` and `b` in the order `classify` was given them.
    static func reason(_ reason: Reason, _ a: Fact, _ b: Fact) -> String {
        switch reason {
        case .sameEventDate:
            "both date it to \(a.period.month != nil && b.period.month != nil ? a.period.label : a.period.year.map(String.init) ?? "")"
        case .qualifierClash:
            qualifierClash(a, b).map { "the figures are qualified differently (\($0.a) vs \($0.b)), so they need not disagree" } ?? ""
        case .scopesDiffer:
            "one ranks within \(scopeName(a.scope ?? "")), the other within \(scopeName(b.scope ?? ""))"
        case .ranksAgreeOneScope:
            "ranks agree"
        case .oneScopeMissing:
            "one ranks within \(scopeName(a.scope ?? b.scope ?? "")), the other without a region"
        case .valuesAgree:
            valuesAgree(a, b)
        case .explicitPeriodsDiffer:
            "explicit periods differ (\(a.period.label) vs \(b.period.label)); \(direction(a, b))"
        case .impliedPeriodsDiffer:
            "the sources are dated \(a.period.label) and \(b.period.label), years apart; \(direction(a, b))"
        case .samePeriod:
            "same metric, \(PeriodComparison(a.period, b.period) == .same(explicit: true) ? "same period (\(a.period.label))" : "no reference period in either sentence"); \(difference(a, b))"
        }
    }

    private static func valuesAgree(_ a: Fact, _ b: Fact) -> String {
        let (earlier, later) = (a.period.year ?? 0) <= (b.period.year ?? 0) ? (a.period, b.period) : (b.period, a.period)
        // The usual reason is the literal itself, which every relation giving it shares without allocating.
        guard PeriodComparison(a.period, b.period).isDifferent else { return "the values agree within their stated precision" }
        return "the values agree within their stated precision and unchanged between \(earlier.label) and \(later.label)"
    }

    /// - Parameter similarity: how alike the two sentences' content words are, in [0, 1].
    /// Evidence beyond cosine similarity that two sentences name the same thing.
    struct Evidence: Sendable {
        var sharedRareTerms = 0
        var sharesBigram = false
        /// Whether the named entities of the two claims (and of their documents) meet; nil when one side names none.
        var entitiesOverlap: Bool? = nil
        /// Whether the uncommon names of the two sentences themselves meet; nil when one side names none.
        var uncommonNamesOverlap: Bool? = nil
    }

    /// Generic money metrics: a value or a cost of something unnamed says too little to disagree about.
    static let genericMoneyMetrics: Set<String> = ["value", "project value", "deal value", "cost", "price", "market size", "tariff"]

    /// Metrics that the lexicon's synonyms name: specific measures even in one word.
    private static let synonymMetrics = Set(MetricLexicon.synonyms.values)

    /// Is there enough to say the two figures are about one and the same thing, so that a difference matters?
    static func sameThing(_ a: Fact, _ b: Fact, similarity: Double, evidence: Evidence) -> Bool {
        let samePartiesNamed = a.subject != nil && a.subject == b.subject && a.possessor != nil && a.possessor == b.possessor
        let entities = evidence.entitiesOverlap == true
        switch a.family {
        case .rank:
            // A specific ranking ("investment source", "trade partner") among sources about the same named parties.
            let specific = a.metric.contains(" ") || synonymMetrics.contains(a.metric)
            let partiesCompatible = (a.subject == nil || b.subject == nil || a.subject == b.subject) && (a.possessor == nil || b.possessor == nil || a.possessor == b.possessor)
            return samePartiesNamed || entities && (evidence.sharedRareTerms >= 1 || similarity >= 0.2 || specific && partiesCompatible)
        case .money:
            if a.isDerived || b.isDerived { return entities }
            return entities && !genericMoneyMetrics.contains(a.metric) && similarity >= 0.05
        case .count, .percent, .measure:
            // Both sentences name the same uncommon subject, or, failing names, the rest of the sentences meet:
            // a count of "companies" or a figure "per cent" alone says nothing of what is counted.
            if evidence.uncommonNamesOverlap == true { return similarity >= 0.12 }
            return entities && (evidence.sharedRareTerms >= 1 && similarity >= 0.25 || similarity >= 0.4)
        case .event:
            return false
        }
    }

    static func classify(_ a: Fact, _ b: Fact, similarity: Double, evidence: Evidence = Evidence()) -> Verdict? {
        guard a.document != b.document, a.family == b.family, a.blockKey == b.blockKey else { return nil }
        if let s = a.subject, let t = b.subject, s != t { return nil }
        if let s = a.possessor, let t = b.possessor, s != t { return nil }
        // The sentences must be about the same thing, not merely share a measure word. Values that agree
        // corroborate at a lower bar; a conflict needs more evidence that both speak of one thing.
        let timing = PeriodComparison(a.period, b.period)
        let overlap = intervalsOverlap(a.quantity, b.quantity)
        let needed: Double = switch a.family {
        case .event: evidence.sharedRareTerms > 0 || evidence.sharesBigram || (a.eventKind != nil && a.eventKind == b.eventKind) ? 0.12 : 0.3
        case .count where a.metric == "people": overlap ? 0.08 : 0.25
        case .rank: 0.08
        // The same specific money measure stated for two different years, by sources naming the same parties:
        // a timeline, where the wording around a figure varies more than the figure's name.
        case .money where !overlap && timing.isDifferent && evidence.entitiesOverlap == true && !genericMoneyMetrics.contains(a.metric): 0.06
        default: overlap ? 0.08 : 0.12
        }
        // When the grammar already names the same subject and the same owner of the ranking, the wording need not match.
        let samePartiesNamed = a.subject != nil && a.subject == b.subject && a.possessor != nil && a.possessor == b.possessor
        guard similarity >= needed || samePartiesNamed || (a.isDerived || b.isDerived) && similarity >= 0.05 else { return nil }

        if a.family == .event {
            // Events corroborate when they fall on the same date at the shared precision; otherwise they are different events.
            guard let ya = a.period.year, ya == b.period.year, a.period.month == nil || b.period.month == nil || a.period.month == b.period.month else { return nil }
            if let clash = qualifierClash(a, b), clash.dimension == "status" { return nil }
            return Verdict(kind: .agreement, reason: .sameEventDate, confidence: 0.5 + 0.4 * min(similarity, 1))
        }

        // Agreements may rest on wording; a difference needs evidence that both speak of one thing.
        if evidence.entitiesOverlap == false { return nil }
        // Two sentences naming different specific subjects ("Varquesszel Software" vs "Nevmoncor Software") are not about one figure.
        if a.family != .rank, evidence.uncommonNamesOverlap == false { return nil }
        if !overlap && !sameThing(a, b, similarity: similarity, evidence: evidence) { return nil }
        if qualifierClash(a, b) != nil {
            guard !overlap else { return nil }
            return Verdict(kind: .differentQualifier, reason: .qualifierClash, confidence: 0.5 * keyMatch(similarity))
        }
        if let sa = a.scope, let sb = b.scope, sa != sb {
            guard !overlap else { return nil }
            return Verdict(kind: .differentQualifier, reason: .scopesDiffer, confidence: 0.5 * keyMatch(similarity))
        }
        if (a.scope == nil) != (b.scope == nil), (a.scope ?? b.scope) != "global", a.family == .rank {
            guard !overlap else {
                return Verdict(kind: .agreement, reason: .ranksAgreeOneScope, confidence: 0.5 * keyMatch(similarity))
            }
            return Verdict(kind: .differentQualifier, reason: .oneScopeMissing, confidence: 0.45 * keyMatch(similarity))
        }

        let margin = relativeGap(a.quantity, b.quantity)
        let base = specificity(a) * specificity(b) * keyMatch(similarity)
        // Two open-ended figures ("over 300,000", "over 129,425") always overlap and corroborate nothing.
        if overlap, isOpenEnded(a.quantity), isOpenEnded(b.quantity) { return nil }
        if overlap {
            return Verdict(kind: .agreement, reason: .valuesAgree, confidence: min(1, base * (timing.isDifferent ? 0.7 : 0.9)))
        }
        switch timing {
        case .differentExplicit:
            return Verdict(kind: .changeOverTime, reason: .explicitPeriodsDiffer, confidence: min(1, base * 0.9))
        case .differentImplied:
            return Verdict(kind: .changeOverTime, reason: .impliedPeriodsDiffer, confidence: min(1, base * 0.6))
        case .same(let explicit):
            let severity = min(1, 0.6 + margin)
            return Verdict(kind: .contradiction, reason: .samePeriod, confidence: min(1, base * (explicit ? 1.0 : 0.75) * severity))
        }
    }

    // MARK: Periods

    enum PeriodComparison: Equatable {
        case same(explicit: Bool)
        case differentExplicit
        case differentImplied

        var isDifferent: Bool {
            if case .same = self { return false }
            return true
        }

        init(_ a: Period, _ b: Period) {
            guard let ya = a.year, let yb = b.year else {
                self = .same(explicit: false)
                return
            }
            if a.basis == .explicit && b.basis == .explicit {
                if ya != yb || (a.month != nil && b.month != nil && a.month != b.month) { self = .differentExplicit } else { self = .same(explicit: true) }
                return
            }
            // A period only implied by publication dates: a change only when they are far apart.
            self = abs(ya - yb) >= 2 ? .differentImplied : .same(explicit: false)
        }
    }

    // MARK: Values

    static func bounds(_ q: Quantity) -> (Double, Double) {
        (q.low ?? (q.qualifier == "under" || q.qualifier == "up_to" ? -.infinity : q.value), q.high ?? (q.low != nil ? .infinity : q.value))
    }

    static func intervalsOverlap(_ a: Quantity, _ b: Quantity) -> Bool {
        let (al, ah) = bounds(a), (bl, bh) = bounds(b)
        // Open bounds ("over 500") exclude the value itself.
        if a.qualifier == "over" && bh <= al { return false }
        if b.qualifier == "over" && ah <= bl { return false }
        return al <= bh && bl <= ah
    }

    static func isOpenEnded(_ q: Quantity) -> Bool { q.low == nil || q.high == nil }

    static func relativeGap(_ a: Quantity, _ b: Quantity) -> Double {
        let scale = max(abs(a.value), abs(b.value), 1e-9)
        return min(1, abs(a.value - b.value) / scale)
    }

    static func difference(_ a: Fact, _ b: Fact) -> String {
        let gap = abs(a.quantity.value - b.quantity.value)
        switch a.family {
        case .rank: return "ranks differ (\(ordinal(a.quantity.value)) vs \(ordinal(b.quantity.value)))"
        case .count: return "counts differ by \(ValueFormat.number(gap))"
        case .percent: return "percentages differ by \(ValueFormat.plain(QuantityParser.clean(gap))) points"
        default: return "values differ by \(ValueFormat.number(QuantityParser.clean(gap))) beyond their stated precision"
        }
    }

    static func direction(_ a: Fact, _ b: Fact) -> String {
        let (old, new) = (a.period.year ?? 0) <= (b.period.year ?? 0) ? (a.quantity.value, b.quantity.value) : (b.quantity.value, a.quantity.value)
        if a.family == .rank {
            return new < old ? "the rank rose from \(ordinal(old)) to \(ordinal(new))" : "the rank fell from \(ordinal(old)) to \(ordinal(new))"
        }
        let change = new - old
        let percent = old != 0 ? change / abs(old) * 100 : 0
        return "\(change >= 0 ? "up" : "down") \(ValueFormat.number(QuantityParser.clean(abs(change)))) (\(ValueFormat.fixed(percent, decimals: 1, signed: true)) %)"
    }

    static func ordinal(_ value: Double) -> String {
        let n = Int(value)
        let suffix: String = switch (11...13).contains(n % 100) ? 0 : n % 10 {
        case 1: "st"
        case 2: "nd"
        case 3: "rd"
        default: "th"
        }
        return "\(n)\(suffix)"
    }

    // MARK: Qualifiers and confidence

    static func qualifierClash(_ a: Fact, _ b: Fact) -> (dimension: String, a: String, b: String)? {
        if !a.qualifiers.isEmpty && !b.qualifiers.isEmpty {
            for dimension in MetricLexicon.dimensions where dimension != "modality" {
                if let va = a.qualifiers[dimension], let vb = b.qualifiers[dimension], va != vb { return (dimension, va, vb) }
            }
        }
        // A forecast is not contradicted by what is (nor a total by its services part): one-sided qualifiers that change the measure.
        if (a.qualifiers["modality"] == nil) != (b.qualifiers["modality"] == nil) {
            return ("modality", a.qualifiers["modality"] ?? "stated as fact", b.qualifiers["modality"] ?? "stated as fact")
        }
        if (a.qualifiers["goods"] == "services") != (b.qualifiers["goods"] == "services") {
            return ("goods", a.qualifiers["goods"] ?? "all trade", b.qualifiers["goods"] ?? "all trade")
        }
        // Volume against value: a ranking by volume is not a ranking by value.
        if let va = a.qualifiers["basis"], b.qualifiers["basis"] == nil, b.qualifiers["goods"] != nil, va == "volume" { return ("basis", va, "value") }
        if let vb = b.qualifiers["basis"], a.qualifiers["basis"] == nil, a.qualifiers["goods"] != nil, vb == "volume" { return ("basis", "value", vb) }
        return nil
    }

    static func scopeName(_ scope: String) -> String { scope == "global" ? "the world" : scope.capitalized }

    /// How precisely the fact was read: stated currency, explicit period, qualifiers named.
    static func specificity(_ fact: Fact) -> Double {
        var score = 1.0
        if fact.quantity.currencyInferred == true { score *= 0.85 }
        if fact.period.basis == .estimated { score *= 0.85 }
        if fact.isDerived { score *= 0.9 }
        return score
    }

    static func keyMatch(_ similarity: Double) -> Double { min(1, 0.55 + similarity) }
}
