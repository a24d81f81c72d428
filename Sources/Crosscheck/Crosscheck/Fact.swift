/// One comparable value of a claim, with what it measures and the circumstances that change its meaning.
///
/// A class, and immutable once made: the relation engine passes facts through its inner loops by the million, and
/// handing on a reference costs nothing, where copying a value would retain each of its dozen strings. Facts are
/// worked out as a `Draft`, which `sealed()` turns into a fact.
final class Fact: Sendable {
    /// Kinds of value that can be compared with each other.
    enum Family: String, Sendable {
        case money, count, percent, rank, measure
        /// A year or date on its own: events can corroborate each other, never contradict.
        case event
    }

    let claim: Int
    let document: Int
    let quantity: Quantity
    let family: Family
    /// Normalised metric, the blocking key with the family (and the currency for money).
    let metric: String
    /// The metric in words for people ("rank among trade partners").
    let metricLabel: String
    /// Dimension → value ("goods" → "services", "span" → "cumulative").
    let qualifiers: [String: String]
    /// "global", a region group ("asia"), or nil when the sentence names no scope.
    let scope: String?
    /// What is ranked or counted ("japan"), when the sentence says.
    let subject: String?
    /// Whose ranking it is ("canada" in "Canada’s fourth-largest"), when the sentence says.
    let possessor: String?
    let period: Period
    /// True for a value the engine computed from parts (exports + imports).
    let isDerived: Bool
    /// For an event: what kind of event the verb before the date names ("start", "release", "signing").
    let eventKind: String?
    /// Family, metric and (for money) currency, or the year for events: facts in different blocks are never compared.
    /// Computed once, as it is compared for every candidate pair.
    let blockKey: String

    init(_ draft: Draft) {
        claim = draft.claim
        document = draft.document
        quantity = draft.quantity
        family = draft.family
        metric = draft.metric
        metricLabel = draft.metricLabel
        qualifiers = draft.qualifiers
        scope = draft.scope
        subject = draft.subject
        possessor = draft.possessor
        period = draft.period
        isDerived = draft.isDerived
        eventKind = draft.eventKind
        blockKey = switch draft.family {
        case .money: "money:\(draft.quantity.currency ?? "?"):\(draft.metric)"
        case .event: "event:\(draft.period.year.map(String.init) ?? "?")"
        default: "\(draft.family.rawValue):\(draft.metric)"
        }
    }

    /// The same fact of the same claim, found at another place in the corpus (`ClaimReading.rebased`).
    init(_ fact: Fact, claim: Int, document: Int) {
        (self.claim, self.document) = (claim, document)
        (quantity, family, metric, metricLabel, qualifiers) = (fact.quantity, fact.family, fact.metric, fact.metricLabel, fact.qualifiers)
        (scope, subject, possessor, period, isDerived) = (fact.scope, fact.subject, fact.possessor, fact.period, fact.isDerived)
        (eventKind, blockKey) = (fact.eventKind, fact.blockKey)
    }

    /// A fact being worked out from a sentence, field by field.
    struct Draft {
        var claim: Int
        var document: Int
        var quantity: Quantity
        var family: Family
        var metric: String
        var metricLabel: String
        var qualifiers: [String: String]
        var scope: String?
        var subject: String?
        var possessor: String?
        var period: Period
        var isDerived = false
        var eventKind: String?

        /// The finished fact.
        func sealed() -> Fact { Fact(self) }
    }
}

/// When a value holds, and how that is known.
struct Period: Hashable, Sendable {
    enum Basis: Int, Sendable, Comparable {
        /// Estimated from the latest period the document's own sentences name.
        case estimated = 0
        /// The source's publication date.
        case publication = 1
        /// The sentence says ("in 2021", "last year").
        case explicit = 2

        static func < (lhs: Basis, rhs: Basis) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// "2021", "May 2019", "publication 2026-03-06", "c. 2019".
    let label: String
    // Narrow, and the one-byte basis last: a period is 24 bytes, not 56, in each of the hundreds of thousands of facts
    // and claims a large corpus reads.
    private let storedYear: Int32?
    private let storedMonth: UInt8?
    let basis: Basis

    var year: Int? { storedYear.map(Int.init) }
    var month: Int? { storedMonth.map(Int.init) }

    /// - Parameter year: a year of the Gregorian calendar (a value out of 32-bit range, which no date parser gives, is
    ///   taken as unknown); `month` in 1...12.
    init(year: Int?, month: Int?, basis: Basis, label: String) {
        (self.label, self.basis) = (label, basis)
        storedYear = year.flatMap(Int32.init(exactly:))
        storedMonth = month.flatMap(UInt8.init(exactly:))
    }

    static let unknown = Period(year: nil, month: nil, basis: .estimated, label: "no date")
}
