/// The small lexicon of measure words, synonyms, qualifiers and regions the relation engine reasons with.
/// Everything here is general: none of it names a source's entities.
enum MetricLexicon {
    /// Words that name what an amount of money measures, and the metric they stand for.
    static let moneyMetrics: [String: String] = [
        "trade": "trade", "traded": "trade", "export": "exports", "exports": "exports", "exported": "exports", "sent": "exports",
        "shipped": "exports", "sold": "exports", "import": "imports", "imports": "imports", "imported": "imports", "bought": "imports",
        "investment": "investment", "investments": "investment", "invested": "investment", "investing": "investment", "invest": "investment",
        "fdi": "investment", "gdp": "gdp", "economy": "gdp", "revenue": "revenue", "revenues": "revenue", "sales": "sales",
        "profit": "profit", "profits": "profit", "budget": "budget", "funding": "funding", "grant": "funding", "fund": "funding",
        "funds": "funding", "contribution": "funding", "contributions": "funding", "cost": "cost", "costs": "cost", "spending": "spending",
        "debt": "debt", "deficit": "deficit", "surplus": "surplus", "project": "project value", "valued": "value", "worth": "value",
        "deal": "deal value", "contract": "deal value", "price": "price", "wage": "wage", "income": "income", "market": "market size",
        "tariff": "tariff", "tariffs": "tariff", "aid": "funding", "loan": "loan", "loans": "loan",
    ]

    /// Generic nouns a rank or count takes its meaning from the words after ("source of FDI", "share of exports").
    static let genericHeads: Set<String> = ["source", "share", "number", "amount", "value", "level", "total", "stock", "part", "proportion"]

    /// Phrases that mean the same metric, after stemming.
    static let synonyms: [String: String] = [
        "trading partner": "trade partner", "trade partner": "trade partner", "partner": "trade partner",
        "foreign investor": "investment source", "investor": "investment source", "source fdi": "investment source",
        "source foreign direct investment": "investment source", "source investment": "investment source",
        "source foreign investment": "investment source", "export destination": "export destination", "export market": "export destination",
        "destination": "export destination", "market": "export destination", "national economy": "economy", "economy": "economy",
        "stake": "stake", "share": "stake", "interest": "stake", "ownership": "stake",
    ]

    /// Qualifier dimensions: words that change what a figure means. A clash on one dimension makes figures incomparable.
    static let qualifiers: [(dimension: String, value: String, phrases: [[String]])] = [
        ("goods", "goods", [["goods"], ["merchandise"], ["product", "volume"]]),
        ("goods", "services", [["services"], ["service"]]),
        ("basis", "volume", [["volume"], ["tonnage"], ["quantity"]]),
        ("basis", "value", [["value"], ["worth"]]),
        ("measure", "stock", [["stock"]]),
        ("measure", "flow", [["flow"], ["flows"], ["inflow"], ["inflows"], ["over", "the", "past"], ["helped", "create"]]),
        ("span", "cumulative", [["in", "its"], ["in", "total"], ["cumulative"], ["alumni"], ["have", "participated"], ["to", "date"], ["so", "far"]]),
        ("span", "point", [["at", "any", "one", "time"], ["currently"], ["at", "present"]]),
        ("status", "signed", [["signed"], ["signing"]]),
        ("status", "in force", [["into", "force"], ["in", "force"], ["took", "effect"], ["ratified"]]),
        ("status", "negotiating", [["negotiation"], ["negotiations"], ["negotiating"], ["talks"]]),
        ("modality", "expected", [["expected"], ["will"], ["plans"], ["forecast"], ["projected"], ["could"], ["would"], ["target"]]),
        ("budget", "operating", [["operating"], ["operational"], ["recurring"]]),
        ("budget", "capital", [["capital"]]),
    ]

    /// The qualifier dimensions in a fixed order (the order clashes are reported in).
    static let dimensions: [String] = {
        var seen: [String] = []
        for (dimension, _, _) in qualifiers where !seen.contains(dimension) { seen.append(dimension) }
        return seen + ["direction"]
    }()

    /// What a single word of a clause can tell: the qualifier phrases that start with it, or the scope it names
    /// ("global" for the world words, else a region group). One lookup per word instead of three.
    struct WordRole: Sendable {
        /// The qualifier phrases starting with this word, with the position of their entry in `qualifiers`.
        var phrases: [(entry: Int, words: [String])] = []
        var scope: String?
    }

    static let wordRoles: WordTable<WordRole> = {
        var roles: [String: WordRole] = [:]
        for (entry, qualifier) in qualifiers.enumerated() {
            for phrase in qualifier.phrases { roles[phrase[0], default: WordRole()].phrases.append((entry, phrase)) }
        }
        for (word, group) in regionGroups { roles[word, default: WordRole()].scope = group }
        for word in globalWords { roles[word, default: WordRole()].scope = "global" }
        return WordTable(roles)
    }()

    /// Kinds of event a date can mark, from the verb before it.
    static let eventKinds: [String: String] = [
        "began": "start", "begun": "start", "begin": "start", "started": "start", "established": "start", "founded": "start",
        "opened": "start", "inaugurated": "start", "launched": "start", "dating": "start", "created": "start", "formed": "start",
        "released": "release", "published": "release", "adopted": "release", "announced": "release", "unveiled": "release",
        "issued": "release", "introduced": "release", "signed": "signing", "ratified": "signing", "force": "in force",
        "ended": "end", "closed": "end", "expired": "end", "terminated": "end",
    ]

    /// Scope: the world, or a region. Regions in one group contain one another for ranking purposes.
    static let globalWords: Set<String> = ["overall", "globally", "worldwide", "world", "global", "international"]
    static let regionGroups: [String: String] = [
        "asia": "asia", "asian": "asia", "indo-pacific": "asia", "asia-pacific": "asia", "pacific": "asia", "east asia": "asia",
        "southeast asia": "asia", "europe": "europe", "european": "europe", "eu": "europe", "africa": "africa", "african": "africa",
        "americas": "americas", "latin": "americas", "north america": "americas", "middle east": "middle east", "g7": "g7", "g20": "g20",
        "oecd": "oecd",
    ]

    /// Nouns for people: counts of any of them measure people, and compare only with like qualifiers.
    static let personNouns: Set<String> = [
        "people", "person", "persons", "resident", "residents", "citizen", "citizens", "student", "students", "worker", "workers",
        "employee", "employees", "participant", "participants", "alumni", "member", "members", "tourist", "tourists", "visitor",
        "visitors", "traveller", "travellers", "canadians", "americans", "japanese", "immigrants", "refugees", "staff",
    ]
}
