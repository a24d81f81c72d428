/// A value stated in a sentence, normalised.
///
/// A value type whose fields live in one shared box, copied only when a copy is changed: a quantity is held by its
/// claim, by each fact read from it and by each side of a relation that compares it, and each of those copies is then
/// one reference, not a dozen fields and six strings (at 10,000 documents the copies were a seventh of peak memory).
public struct Quantity: Codable, Hashable, Sendable {
    public var kind: Kind {
        get { box.fields.kind }
        set { unique().fields.kind = newValue }
    }
    /// The words as they stand in the sentence ("over 129,425", "C$35 billion").
    public var text: String {
        get { box.fields.text }
        set { unique().fields.text = newValue }
    }
    /// Where those words stand in the claim's sentence, in Unicode scalars, end exclusive.
    public var span: TextSpan {
        get { box.fields.span }
        set { unique().fields.span = newValue }
    }
    /// The value in base units: 28.7e9 for "CAD 28.7 billion", 4 for "fourth-largest", 2021 for a year.
    public var value: Double {
        get { box.fields.value }
        set { unique().fields.value = newValue }
    }
    /// The interval the words allow; nil bounds are open-ended ("over 500" has no upper bound).
    public var low: Double? {
        get { box.fields.low }
        set { unique().fields.low = newValue }
    }
    public var high: Double? {
        get { box.fields.high }
        set { unique().fields.high = newValue }
    }
    /// How the value was qualified: `exact`, `rounded`, `over`, `at_least`, `under`, `at_most`, `approximately`, `almost`, `among`.
    public var qualifier: String {
        get { box.fields.qualifier }
        set { unique().fields.qualifier = newValue }
    }
    /// ISO 4217 currency code for money.
    public var currency: String? {
        get { box.fields.currency }
        set { unique().fields.currency = newValue }
    }
    /// True when the currency was inferred (a bare "$") rather than stated.
    public var currencyInferred: Bool? {
        get { box.fields.currencyInferred }
        set { unique().fields.currencyInferred = newValue }
    }
    /// The scale word that multiplied the number ("billion").
    public var scale: String? {
        get { box.fields.scale }
        set { unique().fields.scale = newValue }
    }
    /// Unit of a measure ("tonnes"), or what a count or rank is of ("people", "trading partner").
    public var unit: String? {
        get { box.fields.unit }
        set { unique().fields.unit = newValue }
    }
    /// ISO 8601 for dates (`2019-05-21`), with its precision.
    public var date: String? {
        get { box.fields.date }
        set { unique().fields.date = newValue }
    }
    public var precision: DatePrecision? {
        get { box.fields.precision }
        set { unique().fields.precision = newValue }
    }

    /// What kind of value a quantity is.
    public enum Kind: String, Codable, Hashable, Sendable {
        case money, count, percent, rank, year, date, measure
    }

    enum CodingKeys: String, CodingKey {
        case kind, text, span, value, low, high, qualifier, currency
        case currencyInferred = "currency_inferred"
        case scale, unit, date, precision
    }

    public init(kind: Kind, text: String, span: TextSpan, value: Double, low: Double?, high: Double?, qualifier: String,
                currency: String? = nil, currencyInferred: Bool? = nil, scale: String? = nil, unit: String? = nil, date: String? = nil,
                precision: DatePrecision? = nil) {
        box = Box(Fields(text: text, qualifier: qualifier, currency: currency, scale: scale, unit: unit, date: date, span: span, value: value,
                         low: low, high: high, kind: kind, currencyInferred: currencyInferred, precision: precision))
    }

    /// Decodes the fields as `encode(to:)` writes them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            kind: container.decode(Kind.self, forKey: .kind), text: container.decode(String.self, forKey: .text),
            span: container.decode(TextSpan.self, forKey: .span), value: container.decode(Double.self, forKey: .value),
            low: container.decodeIfPresent(Double.self, forKey: .low), high: container.decodeIfPresent(Double.self, forKey: .high),
            qualifier: container.decode(String.self, forKey: .qualifier), currency: container.decodeIfPresent(String.self, forKey: .currency),
            currencyInferred: container.decodeIfPresent(Bool.self, forKey: .currencyInferred),
            scale: container.decodeIfPresent(String.self, forKey: .scale), unit: container.decodeIfPresent(String.self, forKey: .unit),
            date: container.decodeIfPresent(String.self, forKey: .date),
            precision: container.decodeIfPresent(DatePrecision.self, forKey: .precision))
    }

    public static func == (a: Quantity, b: Quantity) -> Bool {
        a.box === b.box || a.box.fields == b.box.fields
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

    // MARK: Storage

    /// The strings first and the one-byte fields last, so that padding takes no room (152 bytes, not 176).
    private struct Fields: Hashable {
        var text: String
        var qualifier: String
        var currency: String?
        var scale: String?
        var unit: String?
        var date: String?
        var span: TextSpan
        var value: Double
        var low: Double?
        var high: Double?
        var kind: Kind
        var currencyInferred: Bool?
        var precision: DatePrecision?
    }

    /// Changed only through `unique()`, which first copies a box that another quantity shares: no box is ever changed
    /// while a second quantity (on another thread, say) can read it.
    private final class Box: @unchecked Sendable {
        var fields: Fields

        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// The box, copied first when another quantity shares it.
    private mutating func unique() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        return box
    }
}
