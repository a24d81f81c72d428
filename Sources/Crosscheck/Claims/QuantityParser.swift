import Foundation

/// Finds the values a sentence states and normalises them: money, counts, percentages, ranks,
/// years, dates and measures, each with the interval its wording allows.
public struct QuantityParser: Sendable {
    /// The currency a bare "$" stands for in this document (stated elsewhere in it, or from its country).
    public var defaultDollar: String

    public init(defaultDollar: String = "USD") {
        self.defaultDollar = defaultDollar
    }

    public func quantities(in sentence: String) -> [Quantity] {
        quantities(tokens: Tokenizer.tokens(sentence), sentence: sentence)
    }

    func quantities(tokens: [Token], sentence: String) -> [Quantity] {
        var results: [Quantity] = []
        var consumed = Self.urlTokens(tokens)

        // Dates first: their numbers are not counts or years on their own.
        for match in DateParsing.findDates(tokens: tokens) {
            let covered = tokens.indices.filter { tokens[$0].start >= match.start && tokens[$0].end <= match.end }
            consumed.formUnion(covered)
            var quantity = Quantity(kind: .date, text: sentence.scalarSlice(match.start, match.end), span: TextSpan(start: match.start, end: match.end),
                                    value: Double(match.year ?? 0), low: nil, high: nil, qualifier: "exact")
            quantity.date = match.iso ?? DateParsing.iso(year: 0, month: match.month, day: match.day).replacingOccurrences(of: "0000", with: "-")
            quantity.precision = match.precision
            if let year = match.year {
                quantity.low = Double(year)
                quantity.high = Double(year)
            } else {
                quantity.value = 0
            }
            results.append(quantity)
        }

        var index = 0
        while index < tokens.count {
            if consumed.contains(index) { index += 1; continue }
            if let (quantity, used) = money(at: index, tokens, sentence) ?? rank(at: index, tokens, sentence)
                ?? number(at: index, tokens, sentence) {
                results.append(quantity)
                consumed.formUnion(used)
                index = (used.max() ?? index) + 1
                continue
            }
            index += 1
        }
        return results.sorted { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }
    }

    /// Tokens inside web addresses ("http://example.com/2018/10/photo-54.jpg"): their numbers are not values.
    static func urlTokens(_ tokens: [Token]) -> Set<Int> {
        var inside = Set<Int>()
        var index = 0
        while index < tokens.count {
            let starts = (tokens[index].lower == "http" || tokens[index].lower == "https") && index + 1 < tokens.count && tokens[index + 1].text == ":"
                || tokens[index].lower == "www" && index + 1 < tokens.count && tokens[index + 1].text == "."
            guard starts else { index += 1; continue }
            inside.insert(index)
            index += 1
            while index < tokens.count, !tokens[index].spaceBefore {
                inside.insert(index)
                index += 1
            }
        }
        return inside
    }

    // MARK: Numbers

    /// The value of a number token: "129,425" → 129425, "28.7" → 28.7, "2,9" (decimal comma) → 2.9; with its decimals
    /// and its digits in plain decimal form ("28.7"), from which scaled values are computed exactly.
    static func value(of token: Token) -> (value: Double, decimals: Int, digits: String)? {
        let text = token.text
        let commaGroups = text.split(separator: ",", omittingEmptySubsequences: false)
        var normalized = text
        if text.utf8.contains(UInt8(ascii: ",")) {
            let thousands = commaGroups.dropFirst().allSatisfy { $0.count == 3 || ($0.contains(".") && $0.split(separator: ".")[0].count == 3) }
            normalized = thousands ? text.replacingOccurrences(of: ",", with: "") : text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        }
        if normalized.filter({ $0 == "." }).count > 1 { normalized = normalized.replacingOccurrences(of: ".", with: "") }
        guard let value = Double(normalized) else { return nil }
        let decimals = normalized.split(separator: ".").dropFirst().first?.count ?? 0
        return (value, decimals, normalized)
    }

    /// Removes binary noise from decimal arithmetic: 4099999999.9999995 → 4.1e9, 7.3500000000000005 → 7.35.
    ///
    /// The same as `Double(String(format: "%.12g", value))`, without formatting through Foundation (which showed in
    /// profiles: reports and explanations clean every difference they print). The shortest text that reads back as
    /// the value has at most 12 significant digits for most values, and then the value is already clean; otherwise
    /// that text is rounded to 12 digits, which rounds as the exact value does unless it ends in a lone 5 (a tie,
    /// left to printf).
    static func clean(_ value: Double) -> Double {
        guard value.isFinite, value != 0 else { return value }
        // A whole number of at most 12 digits is clean as it is (most counts and their differences).
        if abs(value) < 1e12, value == value.rounded(.towardZero) { return value }
        var digits: [UInt8] = []
        var exponent = 0
        var pointSeen = false
        var text = value.description.utf8[...]
        if text.first == UInt8(ascii: "-") { text = text.dropFirst() }
        if let e = text.firstIndex(of: UInt8(ascii: "e")) {
            exponent = Int(String(decoding: text[text.index(after: e)...], as: UTF8.self)) ?? 0
            text = text[..<e]
        }
        for byte in text {
            if byte == UInt8(ascii: ".") { pointSeen = true; continue }
            if digits.isEmpty && byte == UInt8(ascii: "0") { if pointSeen { exponent -= 1 }; continue }
            digits.append(byte)
            if !pointSeen { exponent += 1 }
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        guard digits.count > 12 else { return value }
        let rest = digits[12...]
        if rest.first == UInt8(ascii: "5") && rest.dropFirst().isEmpty { return Double(String(format: "%.12g", value)) ?? value }
        var kept = Array(digits[..<12])
        if rest.first! >= UInt8(ascii: "5") {
            var index = 11
            while index >= 0 && kept[index] == UInt8(ascii: "9") { kept[index] = UInt8(ascii: "0"); index -= 1 }
            if index >= 0 { kept[index] += 1 } else { kept.insert(UInt8(ascii: "1"), at: 0); exponent += 1 }
        }
        // 0.d1d2… × 10^exponent
        let literal = (value < 0 ? "-0." : "0.") + String(decoding: kept, as: UTF8.self) + "e\(exponent)"
        return Double(literal) ?? value
    }

    /// A number followed by a scale word: value, decimals, scale word, and the index after.
    private func scaledNumber(at index: Int, _ tokens: [Token]) -> (value: Double, decimals: Int, scale: String?, factor: Double, next: Int)? {
        guard index < tokens.count, tokens[index].isNumber, let (value, decimals, digits) = Self.value(of: tokens[index]) else { return nil }
        var next = index + 1
        let gluedToDollar = next + 1 < tokens.count && tokens[next + 1].text == "$" && !tokens[next + 1].spaceBefore
        let dollarScale: Double? = gluedToDollar && next < tokens.count ? ["k": 1e3, "m": 1e6, "g": 1e9][tokens[next].lower] : nil
        if next < tokens.count, tokens[next].isWord, let factor = Lexicon.scales[tokens[next].lower] ?? dollarScale {
            // Single letters are scales only when glued to the number ("C$2.5B", "$40M") or to a "$" ("598 M$", "2,9 G$").
            let word = tokens[next].text
            if word.count > 2 || !tokens[next].spaceBefore || word == "bn" || word == "mn" || word == "tn" || gluedToDollar {
                next += 1
                let exponent = Int(log10(factor).rounded())
                return (Double("\(digits)e\(exponent)") ?? value * factor, decimals, word.lowercased(), factor, next)
            }
        }
        return (value, decimals, nil, 1, next)
    }

    private func money(at index: Int, _ tokens: [Token], _ sentence: String) -> (Quantity, Set<Int>)? {
        var start = index
        var currency: String?
        var inferred = false
        var cursor = index
        let token = tokens[index]
        if token.isWord, index + 1 < tokens.count, tokens[index + 1].text == "$", !tokens[index + 1].spaceBefore,
           let code = Lexicon.dollarPrefixes[token.lower] {
            currency = code
            cursor = index + 2
        } else if token.text == "$" {
            currency = defaultDollar
            inferred = true
            cursor = index + 1
        } else if let code = Lexicon.currencySymbols[token.text] {
            currency = code
            cursor = index + 1
        } else if token.isWord, Lexicon.currencyCodes.contains(token.text), index + 1 < tokens.count, tokens[index + 1].isNumber {
            currency = token.text == "RMB" ? "CNY" : token.text
            cursor = index + 1
        }
        var used = Set<Int>()
        if let prefixCurrency = currency {
            guard let number = scaledNumber(at: cursor, tokens) else { return nil }
            used.formUnion(start..<number.next)
            var end = number.next
            var code = prefixCurrency
            // "$10 billion USD", "$8.8 million CAD": a code after the amount settles a bare "$".
            if end < tokens.count, tokens[end].isWord, Lexicon.currencyCodes.contains(tokens[end].text) {
                code = tokens[end].text
                inferred = false
                used.insert(end)
                end += 1
            }
            return (makeMoney(tokens, start: start, endToken: end - 1, number: number, currency: code, inferred: inferred, sentence: sentence), used)
        }
        // "35 billion dollars", "5 trillion yen", "2,9 milliards de dollars"
        guard let number = scaledNumber(at: index, tokens) else { return nil }
        var next = number.next
        // "598 M$", "2,9 G$": a dollar sign after the scale, as French-Canadian texts write it.
        if number.scale != nil, next < tokens.count, tokens[next].text == "$", !tokens[next].spaceBefore {
            used.formUnion(index...next)
            return (makeMoney(tokens, start: index, endToken: next, number: number, currency: defaultDollar, inferred: true, sentence: sentence), used)
        }
        if next < tokens.count, tokens[next].lower == "de" || tokens[next].lower == "d" { next += 1 }
        guard next < tokens.count, tokens[next].isWord else { return nil }
        let word = tokens[next].lower
        if let code = Lexicon.currencyWords[word] {
            currency = code
        } else if word == "dollars" || word == "dollar" {
            currency = defaultDollar
            inferred = true
            if start > 0, tokens[start - 1].isWord {
                switch tokens[start - 1].lower {
                case "canadian": currency = "CAD"; inferred = false
                default: break
                }
            }
            if next + 1 < tokens.count {
                switch tokens[next + 1].lower {
                case "canadiens": currency = "CAD"; inferred = false
                case "américains", "us": currency = "USD"; inferred = false
                default: break
                }
            }
        } else if Lexicon.currencyCodes.contains(tokens[next].text) {
            currency = tokens[next].text
        }
        guard let code = currency else { return nil }
        start = index
        used.formUnion(start...next)
        return (makeMoney(tokens, start: start, endToken: next, number: number, currency: code, inferred: inferred, sentence: sentence), used)
    }

    private func makeMoney(
        _ tokens: [Token], start: Int, endToken: Int, number: (value: Double, decimals: Int, scale: String?, factor: Double, next: Int),
        currency: String, inferred: Bool, sentence: String
    ) -> Quantity {
        let (qualifier, qualifierStart) = Self.qualifier(before: start, tokens)
        let rounding = number.scale == nil ? 0 : 0.5 * pow(10, -Double(number.decimals)) * number.factor
        let (low, high) = Self.interval(value: number.value, rounding: rounding, qualifier: qualifier)
        let from = tokens[qualifierStart ?? start].start
        let to = tokens[endToken].end
        var quantity = Quantity(kind: .money, text: sentence.scalarSlice(from, to), span: TextSpan(start: from, end: to), value: number.value,
                                low: low, high: high, qualifier: qualifier ?? (rounding > 0 ? "rounded" : "exact"))
        quantity.currency = currency
        quantity.currencyInferred = inferred ? true : nil
        quantity.scale = number.scale
        return quantity
    }

    // MARK: Ranks

    private func rank(at index: Int, _ tokens: [Token], _ sentence: String) -> (Quantity, Set<Int>)? {
        let token = tokens[index]
        var position: Int?
        var cursor = index + 1
        if token.isWord, let ordinal = Lexicon.ordinals[token.lower] {
            position = ordinal
        } else if token.isNumber, token.text.count <= 2, let value = Int(token.text), index + 1 < tokens.count,
                  ["st", "nd", "rd", "th"].contains(tokens[index + 1].lower), !tokens[index + 1].spaceBefore {
            position = value
            cursor = index + 2
        } else if token.lower == "no", index + 2 < tokens.count, tokens[index + 1].text == ".", tokens[index + 2].isNumber,
                  let value = Int(tokens[index + 2].text), value < 100 {
            // "No. 1"
            let from = token.start, to = tokens[index + 2].end
            var quantity = Quantity(kind: .rank, text: sentence.scalarSlice(from, to), span: TextSpan(start: from, end: to), value: Double(value),
                                    low: Double(value), high: Double(value), qualifier: "exact")
            quantity.unit = nounPhrase(after: index + 3, tokens)
            return (quantity, Set(index...(index + 2)))
        } else if token.isWord, ["largest", "biggest", "greatest", "leading"].contains(token.lower) {
            // "Canada's largest source", "the largest": first, unless "one of / among the largest".
            let before = index > 0 ? tokens[index - 1].lower : ""
            guard ["the", "’s", "'s", "s", "its", "their", "our"].contains(before) || before.hasSuffix("’s") || before.hasSuffix("'s")
            else { return nil }
            let among = index >= 3 && (tokens[index - 3].lower == "one" || tokens[index - 3].lower == "among" || tokens[index - 2].lower == "among")
                || (index >= 2 && tokens[index - 2].lower == "among")
            var quantity = Quantity(kind: .rank, text: token.text, span: TextSpan(start: token.start, end: token.end), value: 1,
                                    low: 1, high: among ? nil : 1, qualifier: among ? "among" : "exact")
            quantity.unit = nounPhrase(after: index + 1, tokens)
            if among {
                let from = tokens[index - 2].lower == "among" ? tokens[index - 2].start : tokens[index - 3].start
                quantity.text = sentence.scalarSlice(from, token.end)
                quantity.span = TextSpan(start: from, end: token.end)
            }
            return (quantity, [index])
        }
        guard let position else { return nil }
        if cursor < tokens.count, tokens[cursor].text == "-" || tokens[cursor].text == "‑" { cursor += 1 }
        guard cursor < tokens.count, tokens[cursor].isWord else { return nil }
        var last = cursor
        if tokens[cursor].lower == "most", cursor + 1 < tokens.count, Lexicon.superlatives.contains(tokens[cursor + 1].lower) {
            last = cursor + 1
        } else if !Lexicon.superlatives.contains(tokens[cursor].lower) || tokens[cursor].lower == "most" {
            // "ranked fourth", "fourth place"
            guard ["place", "position", "spot", "rank"].contains(tokens[cursor].lower) || (index > 0 && ["ranked", "ranks", "ranking", "placed"].contains(tokens[index - 1].lower))
            else { return nil }
            last = index
        }
        let from = token.start, to = tokens[last].end
        var quantity = Quantity(kind: .rank, text: sentence.scalarSlice(from, to), span: TextSpan(start: from, end: to), value: Double(position),
                                low: Double(position), high: Double(position), qualifier: "exact")
        quantity.unit = nounPhrase(after: last + 1, tokens)
        return (quantity, Set(index...last))
    }

    /// The head noun phrase after a number or rank: "trading partner", "friendship associations".
    private func nounPhrase(after index: Int, _ tokens: [Token], maxWords: Int = 4) -> String? {
        var words: [String] = []
        var cursor = index
        while cursor < tokens.count, words.count < maxWords {
            let token = tokens[cursor]
            if token.isWord {
                if Lexicon.phraseStops.contains(token.lower) { break }
                var word = token.lower
                // Hyphenated and slashed compounds are one word: "well-paying", "city/province".
                while cursor + 2 < tokens.count, tokens[cursor + 1].text == "-" || tokens[cursor + 1].text == "/",
                      !tokens[cursor + 1].spaceBefore, tokens[cursor + 2].isWord, !tokens[cursor + 2].spaceBefore {
                    word += tokens[cursor + 1].text + tokens[cursor + 2].lower
                    cursor += 2
                }
                words.append(word)
                // A plural noun ends the phrase: "friendship associations", not "… associations contributing".
                if Self.looksPlural(word) { break }
            } else if token.text == "‘" || token.text == "'" || token.text == "“" || token.text == "\"" {
                // quoted names: keep going
            } else {
                break
            }
            cursor += 1
        }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    static func looksPlural(_ word: String) -> Bool {
        guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") else {
            return ["people", "children", "staff", "personnel", "alumni", "men", "women"].contains(word)
        }
        return true
    }

    // MARK: Plain numbers: percentages, years, counts, measures

    private func number(at index: Int, _ tokens: [Token], _ sentence: String) -> (Quantity, Set<Int>)? {
        let token = tokens[index]
        // A capitalised number word inside a sentence is part of a name ("the Six Shared Priorities Action Plan").
        if token.isWord, let wordValue = Lexicon.numberWords[token.lower], !(token.isCapitalized && index > 0) {
            // "six shared priorities", "five ‘Priority Areas’": a count when a noun follows.
            guard let unit = nounPhrase(after: index + 1, tokens), !(index > 0 && tokens[index - 1].text == "-") else { return nil }
            let (qualifier, qualifierStart) = Self.qualifier(before: index, tokens)
            let (low, high) = Self.interval(value: wordValue, rounding: 0, qualifier: qualifier)
            let from = tokens[qualifierStart ?? index].start
            var quantity = Quantity(kind: .count, text: sentence.scalarSlice(from, token.end), span: TextSpan(start: from, end: token.end),
                                    value: wordValue, low: low, high: high, qualifier: qualifier ?? "exact")
            quantity.unit = unit
            return (quantity, [index])
        }
        guard token.isNumber else { return nil }
        // Parts of names and codes: "COVID-19", "G7", "Article 5(2)", list markers "1)".
        if index > 0, !token.spaceBefore, tokens[index - 1].isWord || tokens[index - 1].text == "-" && index > 1 && tokens[index - 2].isWord && !tokens[index - 1].spaceBefore {
            return nil
        }
        if index + 1 < tokens.count, tokens[index + 1].text == ")", token.text.count <= 2 { return nil }
        // Times and ratios: "2:26 PM", "16:9".
        if index + 1 < tokens.count, tokens[index + 1].text == ":", !tokens[index + 1].spaceBefore { return nil }
        if index > 0, tokens[index - 1].text == ":", !token.spaceBefore { return nil }
        if index + 1 < tokens.count, tokens[index + 1].isWord, !tokens[index + 1].spaceBefore,
           !["st", "nd", "rd", "th", "k", "m", "bn", "b", "km", "kg"].contains(tokens[index + 1].lower) { return nil }
        guard let number = scaledNumber(at: index, tokens) else { return nil }
        var next = number.next
        let (qualifier, qualifierStart) = Self.qualifier(before: index, tokens)
        let from = tokens[qualifierStart ?? index].start

        // Percentages: "9.2 per cent", "15%", "7,4 %"
        if next < tokens.count, tokens[next].text == "%" || tokens[next].lower == "percent" || tokens[next].lower == "pct"
            || (tokens[next].lower == "per" && next + 1 < tokens.count && tokens[next + 1].lower == "cent")
            || (tokens[next].lower == "pour" && next + 1 < tokens.count && tokens[next + 1].lower == "cent") {
            let last = tokens[next].lower == "per" || tokens[next].lower == "pour" ? next + 1 : next
            let rounding = 0.5 * pow(10, -Double(number.decimals))
            let (low, high) = Self.interval(value: number.value, rounding: rounding, qualifier: qualifier)
            let to = tokens[last].end
            let quantity = Quantity(kind: .percent, text: sentence.scalarSlice(from, to), span: TextSpan(start: from, end: to), value: number.value,
                                    low: low, high: high, qualifier: qualifier ?? "rounded")
            return (quantity, Set(index...last))
        }

        // Years: four digits, 1800–2100, no separators, in a year's company.
        if number.scale == nil, token.text.count == 4, !token.text.contains(","), !token.text.contains("."),
           let year = Int(token.text), (1800...2100).contains(year), isYear(at: index, tokens) {
            var quantity = Quantity(kind: .year, text: token.text, span: TextSpan(start: token.start, end: token.end), value: Double(year),
                                    low: Double(year), high: Double(year), qualifier: "exact")
            quantity.date = String(year)
            quantity.precision = .year
            return (quantity, [index])
        }

        // Measures and counts: a number with the noun it counts.
        if next < tokens.count, tokens[next].text == "-" && !tokens[next].spaceBefore { next += 1 }  // "50-year", "three-nation"
        guard let unit = nounPhrase(after: next, tokens) else {
            // A number on its own ("bringing the total to 50") counts only with a scale word or a qualifier.
            guard number.scale != nil || qualifier != nil, number.value >= 2 else { return nil }
            let to = tokens[number.next - 1].end
            let rounding = number.scale == nil ? 0 : 0.5 * pow(10, -Double(number.decimals)) * number.factor
            let (low, high) = Self.interval(value: number.value, rounding: rounding, qualifier: qualifier)
            let quantity = Quantity(kind: .count, text: sentence.scalarSlice(from, to), span: TextSpan(start: from, end: to), value: number.value,
                                    low: low, high: high, qualifier: qualifier ?? (rounding > 0 ? "rounded" : "exact"))
            return (quantity, Set(index..<number.next))
        }
        let unitWord = tokens[next].lower
        let isMeasure = Lexicon.measureUnits.contains(unitWord)
        let rounding = number.scale == nil ? 0 : 0.5 * pow(10, -Double(number.decimals)) * number.factor
        let (low, high) = Self.interval(value: number.value, rounding: rounding, qualifier: qualifier)
        let to = tokens[number.next - 1].end
        var quantity = Quantity(kind: isMeasure ? .measure : .count, text: sentence.scalarSlice(from, to), span: TextSpan(start: from, end: to),
                                value: number.value, low: low, high: high, qualifier: qualifier ?? (rounding > 0 ? "rounded" : "exact"))
        quantity.scale = number.scale
        // A measure's unit is its unit word ("670 kilometres long" → "kilometres").
        quantity.unit = isMeasure ? unitWord : unit
        return (quantity, Set(index..<number.next))
    }

    /// A four-digit number is a year unless it counts something ("2019 units", "1200 employees").
    private func isYear(at index: Int, _ tokens: [Token]) -> Bool {
        if index > 0 {
            let before = tokens[index - 1]
            if before.text == "(" || before.text == "–" || before.text == "-" || before.text == "/" { return true }
            if before.isWord, Lexicon.periodPrepositions.contains(before.lower) || ["since", "by", "until", "till", "from", "to", "before",
                "after", "between", "and", "or", "budget", "census", "expo", "cup", "summer", "winter", "spring", "fall", "autumn",
                "circa", "c", "year", "years", "through", "’s", "'s"].contains(before.lower) || before.isCapitalized {
                return true
            }
        }
        guard index + 1 < tokens.count else { return true }
        let after = tokens[index + 1]
        if !after.isWord { return true }
        // Followed by a lower-case noun it counts: "2019 units". Followed by a name or a verb-like word: a year.
        if after.isCapitalized { return true }
        return ["census", "election", "elections", "budget", "report", "survey", "season", "edition", "olympics", "games", "and", "to",
                "when", "after", "before", "the", "was", "were", "is", "saw", "marks", "marked", "levels", "figures", "data", "estimate"].contains(after.lower)
    }

    // MARK: Qualifiers and intervals

    /// The qualifier words right before token `index` ("more than", "approximately"), and where they start.
    static func qualifier(before index: Int, _ tokens: [Token]) -> (String?, Int?) {
        for (words, qualifier) in Lexicon.qualifiers {
            let start = index - words.count
            guard start >= 0 else { continue }
            if zip(words, tokens[start..<index]).allSatisfy({ $0.0 == $0.1.lower || $0.0 == $0.1.text }) {
                return (qualifier, start)
            }
        }
        return (nil, nil)
    }

    /// The interval a value's wording allows (see docs/claims.md): rounding half a unit of the last digit,
    /// "over" open above, "almost" [0.9v, v), "approximately" ±max(rounding, 5%), "up to" open below.
    static func interval(value: Double, rounding: Double, qualifier: String?) -> (Double?, Double?) {
        let (low, high) = rawInterval(value: value, rounding: rounding, qualifier: qualifier)
        return (low.map(clean), high.map(clean))
    }

    private static func rawInterval(value: Double, rounding: Double, qualifier: String?) -> (Double?, Double?) {
        switch qualifier {
        case "over", "at_least": return (value, nil)
        case "under", "up_to": return (nil, value)
        case "almost": return (value * 0.9, value)
        case "approximately":
            let margin = max(rounding, abs(value) * 0.05)
            return (value - margin, value + margin)
        default: return (value - rounding, value + rounding)
        }
    }
}
