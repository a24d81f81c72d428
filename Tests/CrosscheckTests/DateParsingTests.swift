import Testing
@testable import Crosscheck

@Suite struct DateParsingTests {

    // MARK: Metadata values

    @Test("Metadata values", arguments: [
        ("2026-03-07T09:15:00+09:00", "2026-03-07", DatePrecision.day),
        // The publisher's local date, not the UTC one (2026-03-06T16:00Z).
        ("2026-03-07T01:00:00+09:00", "2026-03-07", .day),
        ("2026-03-06T23:30:00Z", "2026-03-06", .day),
        ("2024-05-14 10:00", "2024-05-14", .day),
        ("2024-05-14", "2024-05-14", .day),
        ("2024-05", "2024-05", .month),
        ("2024", "2024", .year),
        ("2024/05/14", "2024-05-14", .day),
        ("2024.05.14", "2024-05-14", .day),
        ("20240514", "2024-05-14", .day),
        ("14.05.2024", "2024-05-14", .day),
        ("14/05/2024", "2024-05-14", .day),
        ("05/14/2024", "2024-05-14", .day),
        ("  2024-02-29  ", "2024-02-29", .day),
        ("Tue, 14 May 2024 10:00:00 GMT", "2024-05-14", .day),
        ("April 30, 2025", "2025-04-30", .day),
        ("June 3rd, 2021", "2021-06-03", .day),
        ("3rd June 2021", "2021-06-03", .day),
        ("May 2019", "2019-05", .month),
        ("12 février 2025", "2025-02-12", .day),
        ("le 12 février 2025", "2025-02-12", .day),
        ("12 févr. 2025", "2025-02-12", .day),
        ("1er mai 2025", "2025-05-01", .day),
        ("30 avril 2025", "2025-04-30", .day),
        ("12. Februar 2025", "2025-02-12", .day),
        ("2. März 2024", "2024-03-02", .day),
        ("5 de marzo de 2024", "2024-03-05", .day),
        ("3 gennaio 2023", "2023-01-03", .day),
        ("15 ottobre 2020", "2020-10-15", .day),
        ("7 juli 2022", "2022-07-07", .day),
        ("12 maart 2023", "2023-03-12", .day),
        ("9 de setembro de 2021", "2021-09-09", .day),
        ("1º de maio de 2020", "2020-05-01", .day),
    ] as [(String, String, DatePrecision)])
    func parseValue(value: String, iso: String, precision: DatePrecision) throws {
        let match = try #require(DateParsing.parseValue(value))
        #expect(match.iso == iso)
        #expect(match.precision == precision)
    }

    @Test("Values that are not dates", arguments: [
        "2023-02-30",
        "2023-02-29",
        "2024-13-01",
        "20241314",
        "9999",
        "",
        "   ",
        "hello",
        "Mar. 6",
        "1er mai",
    ])
    func invalidValues(value: String) {
        #expect(DateParsing.parseValue(value) == nil)
    }

    @Test func parsedValueParts() throws {
        let match = try #require(DateParsing.parseValue("Tue, 14 May 2024 10:00:00 GMT"))
        #expect(match.year == 2024)
        #expect(match.month == 5)
        #expect(match.day == 14)
        #expect(match.start == 5)
        #expect(match.end == 16)
    }

    // MARK: Running text

    @Test("Dates in running text", arguments: [
        ("Canada inaugurated its diplomatic mission to Japan in Tokyo on May 21, 1929, formalizing full bilateral diplomatic relations.",
         ["1929-05-21"], ["May 21, 1929"]),
        ("In May 2019, AltaGas will officially open the Ridley Island Propane Export Terminal.", ["2019-05"], ["May 2019"]),
        ("On April 21, 2018, Canada and Japan signed the agreement.", ["2018-04-21"], ["April 21, 2018"]),
        ("This sustained maritime engagement, continuing with HMCS Ottawa’s deployment from November 2024 to February 2025, demonstrates commitment.",
         ["2024-11", "2025-02"], ["November 2024", "February 2025"]),
        ("It happened 6 March 2020.", ["2020-03-06"], ["6 March 2020"]),
        ("The 6th of March 2020 was cold.", ["2020-03-06"], ["6th of March 2020"]),
        ("Sept. 11, 2001 changed everything.", ["2001-09-11"], ["Sept. 11, 2001"]),
        ("He was born in June 1990.", ["1990-06"], ["June 1990"]),
        ("It began in March, 2020.", ["2020-03"], ["March, 2020"]),
        ("The 2026-03-06 date.", ["2026-03-06"], ["2026-03-06"]),
        ("Le 12 février 2025, le ministre a annoncé un accord.", ["2025-02-12"], ["12 février 2025"]),
        ("Le 1er mai 2025, il est parti.", ["2025-05-01"], ["1er mai 2025"]),
        ("Am 12. Februar 2025 wurde das Abkommen unterzeichnet.", ["2025-02-12"], ["12. Februar 2025"]),
        ("El 5 de marzo de 2024 se firmó el acuerdo.", ["2024-03-05"], ["5 de marzo de 2024"]),
        ("Il 3 gennaio 2023 è stato firmato l'accordo.", ["2023-01-03"], ["3 gennaio 2023"]),
        ("Op 7 juli 2022 werd het akkoord getekend.", ["2022-07-07"], ["7 juli 2022"]),
        ("Em 9 de setembro de 2021 foi assinado o acordo.", ["2021-09-09"], ["9 de setembro de 2021"]),
        ("En mayo de 2020 se firmó.", ["2020-05"], ["mayo de 2020"]),
    ] as [(String, [String], [String])])
    func findDates(text: String, isos: [String], matched: [String]) {
        let matches = DateParsing.findDates(in: text)
        #expect(matches.map(\.iso) == isos)
        #expect(matches.map { text.scalarSlice($0.start, $0.end) } == matched)
        // All of these carry a year, so requiring one changes nothing.
        #expect(DateParsing.findDates(in: text, requireYear: true).map(\.iso) == isos)
    }

    @Test("A day and month without a year", arguments: [
        ("Canadian Prime Minister Mark Carney is set to arrive in Japan on Friday (Mar 6) for the last stop.", "Mar 6"),
        ("On Mar. 6 he arrives.", "Mar. 6"),
    ])
    func dayWithoutYear(text: String, matched: String) throws {
        let match = try #require(DateParsing.findDates(in: text).only)
        #expect(match.year == nil)
        #expect(match.month == 3)
        #expect(match.day == 6)
        #expect(match.iso == nil)
        #expect(match.precision == .day)
        #expect(text.scalarSlice(match.start, match.end) == matched)
        #expect(DateParsing.findDates(in: text, requireYear: true).isEmpty)
    }

    @Test("Text without dates", arguments: [
        "They may 2 times a year revise the plan.",
        "They may 2025 expand.",
        "the 2019 units",
        "The plant shipped the 2019 units last week.",
        "The JEC was established in 1976.",
        "In the summer of 2019 they met.",
        "The 2023-02-30 date.",
        "On Mar 32 nothing happened.",
        "The ratio was 5 to 1 in May.",
        "Both nations responded to COVID-19 together.",
    ])
    func noDates(text: String) {
        #expect(DateParsing.findDates(in: text).isEmpty)
    }

    // MARK: Helpers

    @Test("ISO strings at each precision", arguments: [
        (2024, Int?.none, Int?.none, "2024"),
        (2024, 5, nil, "2024-05"),
        (2024, 5, 14, "2024-05-14"),
        (987, 1, 2, "0987-01-02"),
    ] as [(Int, Int?, Int?, String)])
    func iso(year: Int, month: Int?, day: Int?, expected: String) {
        #expect(DateParsing.iso(year: year, month: month, day: day) == expected)
    }

    @Test("Calendar validity", arguments: [
        (2024, 2, 29, true),
        (2023, 2, 29, false),
        (2000, 2, 29, true),
        (1900, 2, 29, false),
        (2023, 4, 31, false),
        (2023, 12, 31, true),
        (2023, 13, 1, false),
        (999, 1, 1, false),
    ] as [(Int, Int, Int, Bool)])
    func validity(year: Int, month: Int, day: Int, valid: Bool) {
        #expect(DateParsing.isValid(year: year, month: month, day: day) == valid)
    }

    // MARK: Known bugs

    @Test
    func impossibleWrittenDateIsRejected() {
        #expect(DateParsing.parseValue("31 June 2021") == nil)
    }

    @Test
    func dayMonthAtSentenceEndExcludesThePeriod() throws {
        let text = "The deadline is 5 May."
        let match = try #require(DateParsing.findDates(in: text).only)
        #expect(text.scalarSlice(match.start, match.end) == "5 May")
    }
}

private extension Array {
    /// The single element, or nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
