/// Words the quantity parser recognises.
enum Lexicon {
    static let scales: [String: Double] = [
        "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6, "billion": 1e9, "billions": 1e9,
        "bn": 1e9, "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "trillions": 1e12,
        "milliard": 1e9, "milliards": 1e9, "millones": 1e6, "millón": 1e6, "miliardi": 1e9, "milioni": 1e6, "mrd": 1e9, "mio": 1e6,
    ]

    /// Currency codes written as words before or after a number.
    static let currencyCodes: Set<String> = ["CAD", "USD", "EUR", "JPY", "GBP", "AUD", "NZD", "CHF", "CNY", "RMB", "HKD", "SGD", "KRW", "INR", "MXN"]

    /// Prefixes glued to "$": C$, US$, Can$, A$ …
    static let dollarPrefixes: [String: String] = [
        "c": "CAD", "ca": "CAD", "can": "CAD", "cdn": "CAD", "us": "USD", "u.s": "USD", "a": "AUD", "au": "AUD", "nz": "NZD",
        "hk": "HKD", "s": "SGD", "sg": "SGD", "nt": "TWD", "r": "BRL", "mx": "MXN",
    ]

    static let currencySymbols: [String: String] = ["€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₹": "INR", "円": "JPY"]

    static let currencyWords: [String: String] = [
        "euros": "EUR", "euro": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "won": "KRW", "rupees": "INR",
    ]

    static let measureUnits: Set<String> = [
        "tonnes", "tonne", "tons", "ton", "kilograms", "kg", "kilometres", "kilometers", "km", "metres", "meters", "m2", "km2",
        "hectares", "ha", "litres", "liters", "barrels", "bbl", "mw", "gw", "kw", "twh", "gwh", "mwh", "mtpa", "acres", "miles",
        "cubic", "square", "degrees", "°c", "mph", "km/h", "teu", "boe", "mmbtu", "bcf", "tcf", "days", "hours", "minutes", "weeks",
        "months", "years",
    ]

    static let numberWords: [String: Double] = [
        "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12,
    ]

    static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
        "eleventh": 11, "twelfth": 12, "fifteenth": 15, "twentieth": 20,
    ]

    static let superlatives: Set<String> = [
        "largest", "biggest", "greatest", "highest", "leading", "top", "most", "main", "major", "smallest", "lowest", "fastest",
        "strongest", "richest", "oldest", "busiest", "best", "worst", "important", "popular", "valuable",
    ]

    /// Words that end the noun phrase after a number or rank.
    static let phraseStops: Set<String> = [
        "by", "in", "of", "after", "and", "or", "for", "from", "with", "to", "since", "among", "at", "on", "as", "than", "that",
        "which", "who", "while", "when", "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "per",
        "the", "a", "an", "its", "their", "this", "these", "between", "across", "over", "under", "into", "during", "each",
        "according", "behind", "ahead", "outside", "inside", "within", "overall", "globally", "worldwide", "through", "up", "down",
    ]

    /// Words before a year that make it the period a sentence speaks of.
    static let periodPrepositions: Set<String> = [
        "in", "during", "for", "throughout", "as", "fiscal", "fy", "year", "of", "on", "end", "late", "early", "mid",
        "en", "em", "im", "nel", "nell", "durant", "pendant", "während", "durante", "année", "jahr", "año", "anno", "ano",
    ]

    /// Words before a number that qualify its precision.
    static let qualifiers: [(words: [String], qualifier: String)] = [
        (["more", "than"], "over"), (["in", "excess", "of"], "over"), (["upwards", "of"], "over"), (["over"], "over"), (["above"], "over"),
        (["exceeding"], "over"), (["at", "least"], "at_least"), (["no", "less", "than"], "at_least"), (["a", "minimum", "of"], "at_least"),
        (["almost"], "almost"), (["nearly"], "almost"), (["close", "to"], "almost"), (["just", "under"], "almost"), (["just", "shy", "of"], "almost"),
        (["less", "than"], "under"), (["fewer", "than"], "under"), (["under"], "under"), (["below"], "under"),
        (["up", "to"], "up_to"), (["at", "most"], "up_to"), (["no", "more", "than"], "up_to"), (["a", "maximum", "of"], "up_to"),
        (["approximately"], "approximately"), (["about"], "approximately"), (["around"], "approximately"), (["roughly"], "approximately"),
        (["some"], "approximately"), (["an", "estimated"], "approximately"), (["estimated"], "approximately"), (["approx"], "approximately"),
        (["circa"], "approximately"), (["~"], "approximately"), (["environ"], "approximately"), (["près", "de"], "almost"),
        (["plus", "de"], "over"), (["moins", "de"], "under"),
    ]
}
