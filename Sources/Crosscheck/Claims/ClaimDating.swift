/// Decides the period a claim speaks of: stated in the sentence, relative to the publication
/// date ("last year"), else the publication date, else none — always saying which.
enum ClaimDating {
    static func date(tokens: [Token], quantities: [Quantity], sentence: String, published: DatedValue?) -> ClaimDate {
        let publishedYear = published.flatMap { Int($0.date.prefix(4)) }
        let publishedMonth = published.flatMap { $0.precision >= .month ? Int($0.date.dropFirst(5).prefix(2)) : nil }

        // 1. An explicit period: "In 2021", "(2023)", "in May 2019", "On April 21, 2018", "(2021 census)".
        for quantity in quantities where quantity.kind == .year || quantity.kind == .date {
            guard let tokenIndex = tokens.firstIndex(where: { $0.start == quantity.span.start }) else { continue }
            let before = tokenIndex > 0 ? tokens[tokenIndex - 1] : nil
            let isPeriod = before.map { $0.text == "(" || (Lexicon.periodPrepositions.contains($0.lower) && $0.lower != "of") } ?? false
                || (before?.lower == "of" && tokenIndex >= 2 && ["fall", "spring", "summer", "winter", "end", "autumn"].contains(tokens[tokenIndex - 2].lower))
            guard isPeriod else { continue }
            if let iso = quantity.date, !iso.hasPrefix("-") {
                return ClaimDate(value: iso, precision: quantity.precision, basis: .explicit, phrase: phrase(before, quantity, sentence))
            }
            // "on Friday (Mar 6)": a day without a year takes the publication year.
            if let publishedYear, quantity.kind == .date, let precision = quantity.precision, let iso = quantity.date {
                let monthDay = iso.drop { $0 == "-" }
                return ClaimDate(value: "\(publishedYear)-\(monthDay)", precision: precision, basis: .relative, phrase: phrase(before, quantity, sentence))
            }
        }

        // 2. Relative to the publication date: "last year", "this year", "in November last year".
        if let publishedYear {
            for (index, token) in tokens.enumerated() where index + 1 < tokens.count && tokens[index + 1].lower == "year" {
                let offset: Int? = switch token.lower {
                case "last", "past", "previous": -1
                case "this", "current": 0
                case "next", "coming": 1
                default: nil
                }
                guard let offset else { continue }
                let year = publishedYear + offset
                if index >= 1, let month = DateParsing.months[tokens[index - 1].lower], tokens[index - 1].isCapitalized {
                    return ClaimDate(value: DateParsing.iso(year: year, month: month, day: nil), precision: .month, basis: .relative,
                                     phrase: sentence.scalarSlice(tokens[index - 1].start, tokens[index + 1].end))
                }
                return ClaimDate(value: String(year), precision: .year, basis: .relative,
                                 phrase: sentence.scalarSlice(token.start, tokens[index + 1].end))
            }
            // "in January": the latest such month up to the publication date.
            for (index, token) in tokens.enumerated() where index >= 1 && tokens[index - 1].lower == "in" && token.isCapitalized {
                guard let month = DateParsing.months[token.lower], token.text.count > 3 else { continue }
                if index + 1 < tokens.count, tokens[index + 1].isNumber { continue }
                let year = (publishedMonth.map { month > $0 } ?? false) ? publishedYear - 1 : publishedYear
                return ClaimDate(value: DateParsing.iso(year: year, month: month, day: nil), precision: .month, basis: .relative,
                                 phrase: sentence.scalarSlice(tokens[index - 1].start, token.end))
            }
        }

        // 3. The publication date stands in.
        if let published {
            return ClaimDate(value: published.date, precision: published.precision, basis: .publication, phrase: nil)
        }
        return ClaimDate(value: nil, precision: nil, basis: .none, phrase: nil)
    }

    private static func phrase(_ before: Token?, _ quantity: Quantity, _ sentence: String) -> String {
        guard let before, before.text != "(" else { return quantity.text }
        return sentence.scalarSlice(before.start, quantity.span.end)
    }
}
