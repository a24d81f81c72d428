import Testing
@testable import Crosscheck

/// The quantities of a sentence, with a bare "$" taken as Canadian dollars.
private func quantities(_ sentence: String, defaultDollar: String = "CAD") -> [Quantity] {
    QuantityParser(defaultDollar: defaultDollar).quantities(in: sentence)
}

private let published = DatedValue(date: "2026-03-06", precision: .day, evidence: "test")

/// The claim date of a sentence, as the extractor computes it.
private func claimDate(_ sentence: String, published: DatedValue? = published) -> ClaimDate {
    let tokens = Tokenizer.tokens(sentence)
    let found = QuantityParser(defaultDollar: "CAD").quantities(tokens: tokens, sentence: sentence)
    return ClaimDating.date(tokens: tokens, quantities: found, sentence: sentence, published: published)
}

/// Equality for computed decimals ("7,4 %" → 7.35), where the last bit of a Double is noise.
private func close(_ a: Double?, _ b: Double?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case let (x?, y?): abs(x - y) <= 1e-9 * max(1, abs(y))
    default: false
    }
}

@Suite struct QuantityParserTests {

    // MARK: The must-pass examples

    @Test func tradeIn2021() throws {
        let sentence = "In 2021, for example, trade reached CAD 28.7 billion."
        let found = quantities(sentence)
        #expect(found.map(\.kind) == [.year, .money])
        let year = try #require(found.first)
        #expect(year.value == 2021)
        #expect(year.date == "2021")
        #expect(year.precision == .year)
        #expect(year.span == TextSpan(start: 3, end: 7))
        let money = try #require(found.last)
        #expect(money.text == "CAD 28.7 billion")
        #expect(money.value == 28.7e9)
        #expect(money.low == 28.65e9)
        #expect(money.high == 28.75e9)
        #expect(money.currency == "CAD")
        #expect(money.currencyInferred == nil)
        #expect(money.scale == "billion")
        #expect(money.qualifier == "rounded")

        let date = claimDate(sentence)
        #expect(date == ClaimDate(value: "2021", precision: .year, basis: .explicit, phrase: "In 2021"))
    }

    @Test func fourthLargestTradingPartner() throws {
        let found = quantities("Japan is now Canada’s fourth-largest trading partner.")
        let rank = try #require(found.only)
        #expect(rank.kind == .rank)
        #expect(rank.text == "fourth-largest")
        #expect(rank.value == 4)
        #expect(rank.low == 4)
        #expect(rank.high == 4)
        #expect(rank.unit == "trading partner")
        #expect(rank.qualifier == "exact")
    }

    @Test func peopleOfJapaneseOriginIn2021Census() throws {
        let sentence = "There are over 129,425 people of Japanese origin residing in Canada (2021 census)."
        let found = quantities(sentence)
        #expect(found.map(\.kind) == [.count, .year])
        let count = try #require(found.first)
        #expect(count.text == "over 129,425")
        #expect(count.value == 129_425)
        #expect(count.low == 129_425)
        #expect(count.high == nil)
        #expect(count.qualifier == "over")
        #expect(count.unit == "people")
        #expect(found.last?.value == 2021)

        #expect(claimDate(sentence) == ClaimDate(value: "2021", precision: .year, basis: .explicit, phrase: "2021"))
    }

    // MARK: Money and currencies

    @Test("Currency of an amount, and whether it was inferred", arguments: [
        ("Trade reached C$35 billion.", "C$35 billion", 35e9, "CAD", false),
        ("The deal was worth Can$5 billion.", "Can$5 billion", 5e9, "CAD", false),
        ("The deal was worth US$2.5 billion.", "US$2.5 billion", 2.5e9, "USD", false),
        ("Sales reached US$ 3 billion.", "US$ 3 billion", 3e9, "USD", false),
        ("Trade reached CAD 35 billion.", "CAD 35 billion", 35e9, "CAD", false),
        ("The budget was $400 million.", "$400 million", 400e6, "CAD", true),
        ("With a gross domestic product of $5.7 trillion (2023), Japan is the world’s fourth-largest national economy.", "$5.7 trillion", 5.7e12, "CAD", true),
        ("The bill was $10 billion USD.", "$10 billion USD", 10e9, "USD", false),
        ("In addition, we are announcing $8.8 million CAD to support innovation.", "$8.8 million CAD", 8.8e6, "CAD", false),
        ("The fund holds $40M in assets.", "$40M", 40e6, "CAD", true),
        ("Two-way trade hit $1.2bn.", "$1.2bn", 1.2e9, "CAD", true),
        ("The deal was worth C$2.5B last year.", "C$2.5B", 2.5e9, "CAD", false),
        ("Costs rose to $3,500.", "$3,500", 3500, "CAD", true),
        ("The project costs €3 billion.", "€3 billion", 3e9, "EUR", false),
        ("It is worth 5 trillion yen.", "5 trillion yen", 5e12, "JPY", false),
        ("Canada's exports totalled 15 billion dollars.", "15 billion dollars", 15e9, "CAD", true),
        ("Le commerce a atteint 2,9 milliards de dollars en 2023.", "2,9 milliards de dollars", 2.9e9, "CAD", true),
    ] as [(String, String, Double, String, Bool)])
    func currency(sentence: String, text: String, value: Double, currency: String, inferred: Bool) throws {
        let money = try #require(quantities(sentence).first { $0.kind == .money })
        #expect(money.text == text)
        #expect(money.value == value)
        #expect(money.currency == currency)
        #expect(money.currencyInferred == (inferred ? true : nil))
    }

    @Test func bareDollarTakesTheDocumentsDefault() {
        #expect(quantities("The budget was $400 million.", defaultDollar: "USD").first?.currency == "USD")
        #expect(QuantityParser().quantities(in: "The budget was $400 million.").first?.currency == "USD")
        #expect(quantities("The budget was $400 million.", defaultDollar: "AUD").first?.currencyInferred == true)
    }

    @Test func twoAmountsInTwoCurrenciesAreNotConverted() throws {
        let sentence = "Mitsubishi Corporation, one of Japan’s largest trading houses, holds a 15 per cent stake in the C$40 billion (US$29 billion) LNG Canada project in British Columbia."
        let found = quantities(sentence)
        #expect(found.map(\.kind) == [.rank, .percent, .money, .money])
        let money = found.filter { $0.kind == .money }
        try #require(money.count == 2)
        #expect(money[0].text == "C$40 billion")
        #expect(money[0].value == 40e9)
        #expect(money[0].currency == "CAD")
        #expect(money[0].currencyInferred == nil)
        #expect(money[1].text == "US$29 billion")
        #expect(money[1].value == 29e9)
        #expect(money[1].currency == "USD")
        #expect(money[1].currencyInferred == nil)
        let stake = found[1]
        #expect(stake.value == 15)
        #expect(stake.low == 14.5)
        #expect(stake.high == 15.5)
        let houses = found[0]
        #expect(houses.text == "one of Japan’s largest")
        #expect(houses.qualifier == "among")
        #expect(houses.low == 1)
        #expect(houses.high == nil)
        #expect(houses.unit == "trading houses")
    }

    // MARK: Precision as an interval

    @Test("Rounding interval of a scaled amount: half a unit of the last digit", arguments: [
        ("According to Export Development Canada, bilateral trade reached C$35 billion in 2023.", 35e9, 34.5e9, 35.5e9),
        ("Canada is therefore providing a grant of $2 million CAD to the Agency.", 2e6, 1.5e6, 2.5e6),
        ("The FDI stock from Japan into Canada is valued at $49.3 billion (2023).", 49.3e9, 49.25e9, 49.35e9),
        ("The stock of Canadian direct investment in Japan was valued at $4.1 billion in 2023.", 4.1e9, 4.05e9, 4.15e9),
        ("In 2020, Canada sent CAD 9.5 billion of goods to Japan.", 9.5e9, 9.45e9, 9.55e9),
    ] as [(String, Double, Double, Double)])
    func roundingInterval(sentence: String, value: Double, low: Double, high: Double) throws {
        let money = try #require(quantities(sentence).first { $0.kind == .money })
        #expect(close(money.value, value))
        #expect(money.low == low)
        #expect(money.high == high)
        #expect(money.qualifier == "rounded")
    }

    @Test func plainAmountWithoutScaleIsExact() throws {
        let money = try #require(quantities("Costs rose to $3,500.").only)
        #expect(money.low == 3500)
        #expect(money.high == 3500)
        #expect(money.qualifier == "exact")
    }

    @Test("Qualifiers before a number", arguments: [
        ("Prior to the COVID-19 pandemic, approximately 600,000 Japanese and Canadians travelled annually between the two countries.",
         "approximately 600,000", 600_000, 570_000, 630_000, "approximately"),
        ("Canadians are long-standing supporters of this program, with approximately 10,000 alumni.",
         "approximately 10,000", 10_000, 9_500, 10_500, "approximately"),
        ("It employs about 3,000 people.", "about 3,000", 3_000, 2_850, 3_150, "approximately"),
        ("Over the past 10 years, Japanese companies have invested over $10 billion USD and helped create almost 12,000 jobs in Canada.",
         "almost 12,000", 12_000, 10_800, 12_000, "almost"),
        ("It employs nearly 2,000 people.", "nearly 2,000", 2_000, 1_800, 2_000, "almost"),
        ("In addition, we are announcing $8.8 million CAD to support innovation, which will also lead to the creation of close to 300 good well-paying jobs in Canada.",
         "close to 300", 300, 270, 300, "almost"),
        ("This initiative created more than 200 jobs during the construction phase.", "more than 200", 200, 200, nil, "over"),
        ("It employs at least 1,500 people.", "at least 1,500", 1_500, 1_500, nil, "at_least"),
        ("Once operational, it will provide up to 40 additional permanent well-paying jobs for the local economy.",
         "up to 40", 40, nil, 40, "up_to"),
        ("It employs fewer than 50 people.", "fewer than 50", 50, nil, 50, "under"),
    ] as [(String, String, Double, Double?, Double?, String)])
    func qualifiers(sentence: String, text: String, value: Double, low: Double?, high: Double?, qualifier: String) throws {
        let count = try #require(quantities(sentence).first { $0.kind == .count })
        #expect(count.text == text)
        #expect(count.value == value)
        #expect(count.low == low)
        #expect(count.high == high)
        #expect(count.qualifier == qualifier)
    }

    @Test func overAmountIsOpenAbove() throws {
        let sentence = "Over the past 10 years, Japanese companies have invested over $10 billion USD and helped create almost 12,000 jobs in Canada."
        let found = quantities(sentence)
        #expect(found.map(\.kind) == [.measure, .money, .count])
        let money = try #require(found.first { $0.kind == .money })
        #expect(money.text == "over $10 billion USD")
        #expect(money.low == 10e9)
        #expect(money.high == nil)
        #expect(money.qualifier == "over")
        #expect(money.currency == "USD")
        let years = found[0]
        #expect(years.value == 10)
        #expect(years.unit == "years")
        #expect(found[2].unit == "jobs")
    }

    // MARK: Percentages

    @Test("Percentages", arguments: [
        ("Mitsubishi holds a 15 per cent stake in the project.", "15 per cent", 15, 14.5, 15.5, "rounded"),
        ("In 2018, Canada-Japan bilateral trade in goods totalled $32 billion, up 9.2 per cent from 2017.", "9.2 per cent", 9.2, 9.15, 9.25, "rounded"),
        ("Unemployment fell to 7,4 % last month.", "7,4 %", 7.4, 7.35, 7.45, "rounded"),
        ("Inflation reached 3.5% in 2023.", "3.5%", 3.5, 3.45, 3.55, "rounded"),
        ("Sales rose 5 percent.", "5 percent", 5, 4.5, 5.5, "rounded"),
        ("Roughly 40% of exports go to Asia.", "Roughly 40%", 40, 38, 42, "approximately"),
        ("Leading a fractious coalition with approval ratings below 24 per cent, Ishiba has focused overwhelmingly on domestic economic reforms.",
         "below 24 per cent", 24, nil, 24, "under"),
    ] as [(String, String, Double, Double?, Double?, String)])
    func percentages(sentence: String, text: String, value: Double, low: Double?, high: Double?, qualifier: String) throws {
        let percent = try #require(quantities(sentence).first { $0.kind == .percent })
        #expect(percent.text == text)
        #expect(percent.value == value)
        #expect(close(percent.low, low))
        #expect(close(percent.high, high))
        #expect(percent.qualifier == qualifier)
    }

    // MARK: Ranks

    @Test("Ranks and what they rank", arguments: [
        ("In fact, Japan is Canada’s second largest source country for language students, with over 20,500 attending in 2017.",
         "second largest", 2, 2, "source country", "exact"),
        ("As Canada’s fourth largest export destination, Japan is a market of key interest.",
         "fourth largest", 4, 4, "export destination", "exact"),
        ("Japan is Canada’s 4th largest export market.", "4th largest", 4, 4, "export market", "exact"),
        ("Japan ranked fourth in the survey.", "fourth", 4, 4, nil, "exact"),
        ("Japan is the No. 1 market for Canadian canola.", "No. 1", 1, 1, "market", "exact"),
        ("It is ranked No. 3 in the world.", "No. 3", 3, 3, nil, "exact"),
        ("Japan is among the largest source countries for international language students in Canada.",
         "among the largest", 1, nil, "source countries", "among"),
        ("Japan is one of Canada’s largest trading partners.", "one of Canada’s largest", 1, nil, "trading partners", "among"),
        ("Japan is Canada’s largest source of FDI.", "largest", 1, 1, "source", "exact"),
    ] as [(String, String, Double, Double?, String?, String)])
    func ranks(sentence: String, text: String, value: Double, high: Double?, unit: String?, qualifier: String) throws {
        let rank = try #require(quantities(sentence).first { $0.kind == .rank })
        #expect(rank.text == text)
        #expect(rank.value == value)
        #expect(rank.low == value)
        #expect(rank.high == high)
        #expect(rank.unit == unit)
        #expect(rank.qualifier == qualifier)
    }

    @Test func largestSourceAndThirdLargestOverall() {
        let sentence = "The FDI stock from Japan into Canada is valued at $49.3 billion (2023), making Japan Canada’s largest source of FDI from the Indo-Pacific and third largest overall."
        let ranks = quantities(sentence).filter { $0.kind == .rank }
        #expect(ranks.map(\.text) == ["largest", "third largest"])
        #expect(ranks.map(\.value) == [1, 3])
        #expect(ranks.map(\.unit) == ["source", nil])
    }

    @Test func twoRanksWithDifferentMetrics() {
        let sentence = "Japan is Canada’s fourth-largest foreign investor after the US, the United Kingdom and China, and its fifth-largest trading partner by product volume, according to official data."
        let found = quantities(sentence)
        #expect(found.map(\.kind) == [.rank, .rank])
        #expect(found.map(\.value) == [4, 5])
        #expect(found.map(\.unit) == ["foreign investor", "trading partner"])
    }

    // MARK: Years, counts and names

    @Test("A four-digit number that counts something is not a year", arguments: [
        ("The plant produced 2019 units.", 2019.0, "units"),
        ("The firm has 1200 employees.", 1200.0, "employees"),
        ("The firm has 1,200 employees.", 1200.0, "employees"),
    ])
    func countsAreNotYears(sentence: String, value: Double, unit: String) throws {
        let found = quantities(sentence)
        let count = try #require(found.only)
        #expect(count.kind == .count)
        #expect(count.value == value)
        #expect(count.unit == unit)
        #expect(count.date == nil)
    }

    @Test("A bare year is a year", arguments: [
        ("The JEC was established in 1976.", 1976),
        ("The agreement entered into force in 2019.", 2019),
        ("Japan wants to be carbon neutral by 2050.", 2050),
        ("Rugby World Cup 2019 was held in Japan.", 2019),
    ])
    func bareYears(sentence: String, year: Int) throws {
        let quantity = try #require(quantities(sentence).only)
        #expect(quantity.kind == .year)
        #expect(quantity.value == Double(year))
        #expect(quantity.low == Double(year))
        #expect(quantity.high == Double(year))
        #expect(quantity.date == String(year))
        #expect(quantity.precision == .year)
    }

    @Test("Numbers inside names are not quantities", arguments: [
        "Both nations responded to COVID-19 together.",
        "They met at the G7 summit.",
        "Canada and Japan also work closely within international organisations and multilateral forums, such as the UN, G7 and G20.",
        "Under Article 5(2), the parties consult.",
        "Both countries are committed to implementing the defence and security components of the Canada-Japan Six Shared Priorities Action Plan.",
    ])
    func namesAreNotNumbers(sentence: String) {
        #expect(quantities(sentence).isEmpty)
    }

    @Test func listMarkersAndCovidAreNotCounts() {
        let sentence = "In May 2021, the Foreign Ministers of Canada and Japan agreed on six shared priorities contributing to a free and open Indo-Pacific region: 1) the rule of law; 2) peacekeeping operations, peacebuilding, and humanitarian assistance and disaster relief; 3) health security and responding to COVID-19; 4) energy security."
        let found = quantities(sentence)
        #expect(found.map(\.kind) == [.date, .count])
        #expect(found.map(\.value) == [2021, 6])
        #expect(found.first?.date == "2021-05")
    }

    @Test func countsWithTheirNouns() {
        let found = quantities("People to-people networks include 25 friendship associations and 71 sister city/province relationships.")
        #expect(found.map(\.kind) == [.count, .count])
        #expect(found.map(\.value) == [25, 71])
        #expect(found.map(\.unit) == ["friendship associations", "sister city/province relationships"])
        #expect(found.map(\.qualifier) == ["exact", "exact"])
    }

    // MARK: Measures

    @Test func millionTonnesIsAMeasure() throws {
        let sentence = "Japan’s Astomos Energy Corporation played a pivotal role in this project through its commitment to purchase 50 per cent of the 1.2 million tonnes of propane to be shipped from the Terminal each year."
        let found = quantities(sentence)
        #expect(found.map(\.kind) == [.percent, .measure])
        let measure = try #require(found.last)
        #expect(measure.text == "1.2 million")
        #expect(measure.value == 1.2e6)
        #expect(measure.low == 1.15e6)
        #expect(measure.high == 1.25e6)
        #expect(measure.scale == "million")
        #expect(measure.unit == "tonnes")
    }

    @Test func hectaresIsAMeasure() throws {
        let measure = try #require(quantities("The park covers 500 hectares.").only)
        #expect(measure.kind == .measure)
        #expect(measure.value == 500)
        #expect(measure.unit == "hectares")
    }

    // MARK: Dates in sentences

    @Test func writtenDateWithDay() throws {
        let sentence = "Canada inaugurated its diplomatic mission to Japan in Tokyo on May 21, 1929, formalizing full bilateral diplomatic relations."
        let date = try #require(quantities(sentence).only)
        #expect(date.kind == .date)
        #expect(date.text == "May 21, 1929")
        #expect(date.date == "1929-05-21")
        #expect(date.precision == .day)
        #expect(date.value == 1929)
        #expect(claimDate(sentence) == ClaimDate(value: "1929-05-21", precision: .day, basis: .explicit, phrase: "on May 21, 1929"))
    }

    @Test func monthAndYear() throws {
        let sentence = "In May 2019, AltaGas will officially open the Ridley Island Propane Export Terminal in British Columbia."
        let date = try #require(quantities(sentence).only)
        #expect(date.kind == .date)
        #expect(date.text == "May 2019")
        #expect(date.date == "2019-05")
        #expect(date.precision == .month)
        #expect(claimDate(sentence) == ClaimDate(value: "2019-05", precision: .month, basis: .explicit, phrase: "In May 2019"))
    }

    @Test func dayWithoutYearResolvesAgainstPublication() throws {
        let sentence = "Canadian Prime Minister Mark Carney is set to arrive in Japan on Friday (Mar 6) for the last stop of his three-nation Asia-Pacific tour."
        let date = try #require(quantities(sentence).first)
        #expect(date.kind == .date)
        #expect(date.text == "Mar 6")
        #expect(date.date == "--03-06")
        #expect(date.precision == .day)
        #expect(date.low == nil)
        #expect(date.high == nil)
        #expect(claimDate(sentence) == ClaimDate(value: "2026-03-06", precision: .day, basis: .relative, phrase: "Mar 6"))
        #expect(claimDate(sentence, published: nil) == ClaimDate(value: nil, precision: nil, basis: .none, phrase: nil))
    }

    @Test func abbreviatedMonthWithPeriod() {
        #expect(claimDate("He arrived on Mar. 6 in Tokyo.") == ClaimDate(value: "2026-03-06", precision: .day, basis: .relative, phrase: "on Mar. 6"))
    }

    // MARK: Claim dates

    @Test("Explicit periods", arguments: [
        ("According to Export Development Canada, bilateral trade reached C$35 billion in 2023 despite pandemic disruptions.", "2023", DatePrecision.year, "in 2023"),
        ("Japan is Canada’s fourth largest trade partner in terms of bilateral merchandise trade (2023).", "2023", .year, "2023"),
        ("With a gross domestic product of $5.7 trillion (2023), Japan is the world’s fourth-largest national economy.", "2023", .year, "2023"),
        ("The firm reported sales of $1.2 billion for fiscal 2024.", "2024", .year, "fiscal 2024"),
        ("In October 2022, Foreign Ministers Joly and Hayashi released an Action Plan.", "2022-10", .month, "In October 2022"),
        ("Japan’s updated National Security Strategy, adopted in December 2022, outlines Japan’s intent.", "2022-12", .month, "in December 2022"),
        ("On April 21, 2018, Canada and Japan signed the Acquisition and Cross-Servicing Agreement (ACSA).", "2018-04-21", .day, "On April 21, 2018"),
        ("Japan and Canada signed the agreement in 2018 and it entered into force in 2019.", "2018", .year, "in 2018"),
    ] as [(String, String, DatePrecision, String)])
    func explicitPeriods(sentence: String, value: String, precision: DatePrecision, phrase: String) {
        let date = claimDate(sentence)
        #expect(date == ClaimDate(value: value, precision: precision, basis: .explicit, phrase: phrase))
        // An explicit period does not need the publication date.
        #expect(claimDate(sentence, published: nil).basis == .explicit)
    }

    @Test("Periods relative to a publication date of 2026-03-06", arguments: [
        ("Last year, Tokyo began importing liquefied natural gas (LNG) from Ottawa to diversify its energy supply.", "2025", DatePrecision.year, "Last year"),
        ("Carney and Takaichi previously met on the sidelines of the APEC leaders’ meeting in South Korea in November last year.", "2025-11", .month, "November last year"),
        ("This year, exports grew.", "2026", .year, "This year"),
        ("Next year, the plant opens.", "2027", .year, "Next year"),
        ("The deal was worth C$2.5B last year.", "2025", .year, "last year"),
        ("The visit follows the message he delivered at the World Economic Forum in Davos in January, where he said it.", "2026-01", .month, "in January"),
        ("They met in November.", "2025-11", .month, "in November"),
    ] as [(String, String, DatePrecision, String)])
    func relativePeriods(sentence: String, value: String, precision: DatePrecision, phrase: String) {
        #expect(claimDate(sentence) == ClaimDate(value: value, precision: precision, basis: .relative, phrase: phrase))
    }

    @Test("Without a period in the sentence, the publication date stands in; without that, none", arguments: [
        "Japan is a major source of investment.",
        "Japan is now Canada’s fourth-largest trading partner.",
        "Japan wants to be carbon neutral by 2050.",
    ])
    func publicationOrNone(sentence: String) {
        #expect(claimDate(sentence) == ClaimDate(value: "2026-03-06", precision: .day, basis: .publication, phrase: nil))
        #expect(claimDate(sentence, published: nil) == ClaimDate(value: nil, precision: nil, basis: .none, phrase: nil))
    }

    @Test func relativePeriodWithoutPublicationIsNone() {
        #expect(claimDate("Last year, Tokyo began importing liquefied natural gas (LNG) from Ottawa.", published: nil)
            == ClaimDate(value: nil, precision: nil, basis: .none, phrase: nil))
    }

    @Test func publicationDateKeepsItsPrecision() {
        let month = DatedValue(date: "2019-04", precision: .month, evidence: "test")
        #expect(claimDate("Japan is a major source of investment.", published: month)
            == ClaimDate(value: "2019-04", precision: .month, basis: .publication, phrase: nil))
        let year = DatedValue(date: "2019", precision: .year, evidence: "test")
        #expect(claimDate("Last year, exports grew.", published: year)
            == ClaimDate(value: "2018", precision: .year, basis: .relative, phrase: "Last year"))
    }

    // MARK: Known bugs

    @Test
    func billionDollarsWrittenGDollarButNotGrams() throws {
        let money = try #require(quantities("Les exportations ont atteint 2,9 G$ en 2024.").first { $0.kind == .money })
        #expect(money.value == 2.9e9 && money.currency == "CAD")
        #expect(!quantities("Add 5g of salt to 2 litres of water.").contains { $0.value >= 1e9 })
    }

    @Test
    func millionDollarsWrittenMDollar() throws {
        let money = try #require(quantities("Le projet coûte 598 M$.").only)
        #expect(money.kind == .money)
        #expect(money.value == 598e6)
        #expect(money.currency == "CAD")
        #expect(money.currencyInferred == true)
    }

    @Test
    func frenchYearIsExplicit() {
        #expect(claimDate("Le commerce a atteint 2,9 milliards de dollars en 2023.")
            == ClaimDate(value: "2023", precision: .year, basis: .explicit, phrase: "en 2023"))
    }

    @Test(arguments: [
        ("Trade was about $35 billion.", 33.25e9, 36.75e9),
        ("About 1.5 million tonnes of wheat were shipped.", 1.425e6, 1.575e6),
    ] as [(String, Double, Double)])
    func approximatelyIntervalIsFivePercent(sentence: String, low: Double, high: Double) throws {
        let quantity = try #require(quantities(sentence).only)
        #expect(quantity.qualifier == "approximately")
        #expect(quantity.low == low)
        #expect(quantity.high == high)
    }

    @Test
    func scaledValueIsExact() throws {
        let money = try #require(quantities("The stock was valued at $4.1 billion.").only)
        #expect(money.value == 4.1e9)
    }

    @Test(arguments: [
        ("Unemployment fell to 7,4 % last month.", 7.35, 7.45),
        ("Inflation reached 3.5% in 2023.", 3.45, 3.55),
        ("Trade rose 12.5 per cent.", 12.45, 12.55),
    ] as [(String, Double, Double)])
    func percentageBoundsAreExactDecimals(sentence: String, low: Double, high: Double) throws {
        let percent = try #require(quantities(sentence).first { $0.kind == .percent })
        #expect(percent.low == low)
        #expect(percent.high == high)
    }

    @Test
    func unitIsNotCutInsideAHyphenatedWord() throws {
        let count = try #require(quantities("It will provide up to 40 additional permanent well-paying jobs for the local economy.").only)
        #expect(count.unit?.hasSuffix("jobs") == true)
    }

    @Test
    func measureUnitIsTheUnitWord() throws {
        let measure = try #require(quantities("The pipeline is 670 kilometres long.").only)
        #expect(measure.kind == .measure)
        #expect(measure.unit == "kilometres")
    }
}

private extension Array {
    /// The single element, or nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
