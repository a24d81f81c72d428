/// One comparable value of a claim, with what it measures and the circumstances that change its meaning.
struct Fact: Sendable {
    /// Kinds of value that can be compared with each other.
    enum Family: String, Sendable {
        case money, count, percent, rank, measure
        /// A year or date on its own: events can corroborate each other, never contradict.
        case event
    }

    var claim: Int
    var document: Int
    var quantity: Quantity
    var family: Family
    /// Normalised metric, the blocking key with the family (and the currency for money).
    var metric: String
    /// The metric in words for people ("rank among trade partners").
    var metricLabel: String
    /// Dimension → value ("goods" → "services", "span" → "cumulative").
    var qualifiers: [String: String]
    /// "global", a region group ("asia"), or nil when the sentence names no scope.
    var scope: String?
    /// What is ranked or counted ("japan"), when the sentence says.
    var subject: String?
    /// Whose ranking it is ("canada" in "Canada’s fourth-largest"), when the sentence says.
    var possessor: String?
    var period: Period
    /// True for a value the engine computed from parts (exports + imports).
    var isDerived = false
    /// For an event: what kind of event the verb before the date names ("start", "release", "signing").
    var eventKind: String?

    /// Family, metric and (for money) currency, or the year for events: facts in different blocks are never compared.
    /// Computed once by `sealed()`, as it is compared for every candidate pair.
    private(set) var blockKey = ""

    /// The fact with its block key fixed.
    func sealed() -> Fact {
        var fact = self
        fact.blockKey = switch family {
        case .money: "money:\(quantity.currency ?? "?"):\(metric)"
        case .event: "event:\(period.year.map(String.init) ?? "?")"
        default: "\(family.rawValue):\(metric)"
        }
        return fact
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

    var year: Int?
    var month: Int?
    var basis: Basis
    /// "2021", "May 2019", "publication 2026-03-06", "c. 2019".
    var label: String

    static let unknown = Period(year: nil, month: nil, basis: .estimated, label: "no date")
}
