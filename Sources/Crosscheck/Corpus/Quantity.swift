/// A value stated in a sentence, normalised.
public struct Quantity: Codable, Hashable, Sendable {
    public var kind: Kind
    /// The words as they stand in the sentence ("over 129,425", "C$35 billion").
    public var text: String
    /// Where those words stand in the claim's sentence, in Unicode scalars, end exclusive.
    public var span: TextSpan
    /// The value in base units: 28.7e9 for "CAD 28.7 billion", 4 for "fourth-largest", 2021 for a year.
    public var value: Double
    /// The interval the words allow; nil bounds are open-ended ("over 500" has no upper bound).
    public var low: Double?
    public var high: Double?
    /// How the value was qualified: `exact`, `rounded`, `over`, `at_least`, `under`, `at_most`, `approximately`, `almost`, `among`.
    public var qualifier: String
    /// ISO 4217 currency code for money.
    public var currency: String?
    /// True when the currency was inferred (a bare "$") rather than stated.
    public var currencyInferred: Bool?
    /// The scale word that multiplied the number ("billion").
    public var scale: String?
    /// Unit of a measure ("tonnes"), or what a count or rank is of ("people", "trading partner").
    public var unit: String?
    /// ISO 8601 for dates (`2019-05-21`), with its precision.
    public var date: String?
    public var precision: DatePrecision?

    /// What kind of value a quantity is.
    public enum Kind: String, Codable, Hashable, Sendable {
        case money, count, percent, rank, year, date, measure
    }

    enum CodingKeys: String, CodingKey {
        case kind, text, span, value, low, high, qualifier, currency
        case currencyInferred = "currency_inferred"
        case scale, unit, date, precision
    }
}
