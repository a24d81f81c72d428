/// A date found in text: where, what, and how precise.
struct DateMatch: Hashable, Sendable {
    var start: Int
    var end: Int
    var year: Int?
    var month: Int?
    var day: Int?

    var precision: DatePrecision { day != nil ? .day : month != nil ? .month : .year }

    /// ISO 8601 at the match's precision; nil when the year is unknown.
    var iso: String? {
        guard let year else { return nil }
        return DateParsing.iso(year: year, month: month, day: month == nil ? nil : day)
    }
}

/// Reads dates in metadata values and running text, in English and the main European languages.
/// A bare number is never a date here; years on their own belong to the quantity parser.
enum DateParsing {
    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let names: [[String]] = [
            ["january", "jan", "janvier", "janv", "januar", "jänner", "enero", "gennaio", "janeiro", "januari", "ene", "gen"],
            ["february", "feb", "février", "fevrier", "févr", "fevr", "februar", "febrero", "febbraio", "fevereiro", "februari", "fev", "fév"],
            ["march", "mar", "mars", "märz", "maerz", "marzo", "março", "marco", "maart", "mär", "mrz"],
            ["april", "apr", "avril", "avr", "abril", "aprile", "abr"],
            ["may", "mai", "mayo", "maggio", "maio", "mei", "mag"],
            ["june", "jun", "juin", "juni", "junio", "giugno", "junho", "giu"],
            ["july", "jul", "juillet", "juil", "juli", "julio", "luglio", "julho", "lug"],
            ["august", "aug", "août", "aout", "agosto", "augustus"],
            ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "setembro"],
            ["october", "oct", "octobre", "oktober", "octubre", "ottobre", "outubro", "okt", "ott"],
            ["november", "nov", "novembre", "noviembre", "novembro"],
            ["december", "dec", "décembre", "decembre", "déc", "dezember", "diciembre", "dicembre", "dezembro", "dic", "dez"],
        ]
        for (index, group) in names.enumerated() {
            for name in group { table[name] = index + 1 }
        }
        return table
    }()

    static func iso(year: Int, month: Int?, day: Int?) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        var result = pad(year, 4)
        if let month { result += "-" + pad(month, 2) }
        if let month, let day, month > 0 { result += "-" + pad(day, 2) }
        return result
    }

    static func isValid(year: Int, month: Int?, day: Int?) -> Bool {
        guard (1000...2199).contains(year) else { return false }
        if let month, !(1...12).contains(month) { return false }
        if let day {
            guard let month else { return false }
            let lengths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            if !(1...lengths[month - 1]).contains(day) { return false }
            if month == 2 && day == 29 && !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) { return false }
        }
        return true
    }

    /// Whether an ISO 8601 value carries a time of day (`2023-11-09T01:49:09Z`, `2023-11-08 17:49`).
    static func hasTimeOfDay(_ value: String) -> Bool {
        let bytes = Array(value.utf8.prefix(16))
        guard bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") else { return false }
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        return isDigit(bytes[11]) && isDigit(bytes[12]) && bytes[13] == UInt8(ascii: ":") && isDigit(bytes[14]) && isDigit(bytes[15])
    }

    /// Whether an ISO 8601 value with a time names its time zone (`Z`, `+02:00`, `-0400`).
    static func hasTimeZone(_ value: String) -> Bool {
        guard hasTimeOfDay(value) else { return false }
        return value.utf8.dropFirst(16).contains { $0 == UInt8(ascii: "Z") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
    }

    /// Days from the ISO date `from` to `to` (`2023-11-08` to `2023-11-09` is 1); nil unless both are complete dates.
    static func daysBetween(_ from: String, _ to: String) -> Int? {
        func dayNumber(_ iso: String) -> Int? {
            let parts = iso.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { return nil }
            // Days since the civil epoch (Howard Hinnant's days_from_civil).
            let (year, month, day) = (parts[1] <= 2 ? parts[0] - 1 : parts[0], parts[1], parts[2])
            let era = (year >= 0 ? year : year - 399) / 400
            let yearOfEra = year - era * 400
            let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return era * 146_097 + dayOfEra
        }
        guard let a = dayNumber(from), let b = dayNumber(to) else { return nil }
        return b - a
    }

    /// Parses a metadata value: ISO 8601 with or without time, `2024/05/14`, `20240514`, RFC 822, or a written date.
    static func parseValue(_ value: String) -> DateMatch? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count < 80 else { return nil }
        let scalars = Array(trimmed.unicodeScalars)
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= scalars.count else { return nil }
            var result = 0
            for index in from..<(from + count) {
                let v = scalars[index].value
                guard v >= 48 && v <= 57 else { return nil }
                result = result * 10 + Int(v - 48)
            }
            return result
        }
        if let year = digits(0, 4) {
            // 2024-05-14, 2024/05/14, 2024.05.14, 2024-05, 2024, 20240514, with any time after.
            if scalars.count == 4 { return isValid(year: year, month: nil, day: nil) ? DateMatch(start: 0, end: 4, year: year) : nil }
            if scalars.count >= 8, let month = digits(4, 2), let day = digits(6, 2), scalars.count == 8 || !(scalars[8].properties.numericType != nil) {
                if isValid(year: year, month: month, day: day) { return DateMatch(start: 0, end: 8, year: year, month: month, day: day) }
            }
            let separator = scalars.count > 4 ? scalars[4] : " "
            if separator == "-" || separator == "/" || separator == "." {
                if let month = digits(5, 2) {
                    if scalars.count > 8, scalars[7] == separator, let day = digits(8, 2) {
                        return isValid(year: year, month: month, day: day) ? DateMatch(start: 0, end: 10, year: year, month: month, day: day) : nil
                    }
                    return isValid(year: year, month: month, day: nil) ? DateMatch(start: 0, end: 7, year: year, month: month) : nil
                }
            }
        }
        // 14.05.2024 and 14/05/2024: day first, as in most of the world.
        if let day = digits(0, 2), scalars.count >= 10, scalars[2] == "." || scalars[2] == "/" || scalars[2] == "-",
           let month = digits(3, 2), scalars[5] == scalars[2], let year = digits(6, 4) {
            if isValid(year: year, month: month, day: day) { return DateMatch(start: 0, end: 10, year: year, month: month, day: day) }
            if isValid(year: year, month: day, day: month) { return DateMatch(start: 0, end: 10, year: year, month: day, day: month) }
        }
        return findDates(in: trimmed, requireYear: true).first
    }

    /// Finds written dates in running text: "April 30, 2025", "30 April 2025", "le 12 février 2025",
    /// "12. Februar 2025", "May 2019", "Mar. 6" (no year: `year` is nil), and ISO `2026-03-06`.
    static func findDates(in text: String, requireYear: Bool = false) -> [DateMatch] {
        findDates(tokens: Tokenizer.tokens(text), requireYear: requireYear)
    }

    static func findDates(tokens: [Token], requireYear: Bool = false) -> [DateMatch] {
        var matches: [DateMatch] = []
        var index = 0
        func month(at i: Int) -> (month: Int, next: Int)? {
            guard i < tokens.count, tokens[i].isWord, let m = months[tokens[i].lower] else { return nil }
            // "may" and "mar" are words too: in running text only a capitalised form is a month.
            if tokens[i].lower == "may" || tokens[i].lower == "mar" || tokens[i].lower == "set" || tokens[i].lower == "out" || tokens[i].lower == "gen" {
                guard tokens[i].isCapitalized else { return nil }
            }
            var next = i + 1
            // "Mar. 6": the period of an abbreviation belongs to the date only when a number follows it.
            if next + 1 < tokens.count, tokens[next].text == ".", tokens[i].text.count <= 5, tokens[next + 1].isNumber { next += 1 }
            return (m, next)
        }
        func number(at i: Int, digits: ClosedRange<Int>) -> Int? {
            guard i < tokens.count, tokens[i].isNumber, digits.contains(tokens[i].text.count), let value = Int(tokens[i].text) else { return nil }
            return value
        }
        func year(at i: Int) -> Int? {
            guard let value = number(at: i, digits: 4...4), (1000...2199).contains(value) else { return nil }
            // Not "2019 units": a year is not followed by a hyphen and a number.
            return value
        }
        func ordinalSuffix(at i: Int) -> Int {
            guard i < tokens.count, tokens[i].isWord, !tokens[i].spaceBefore, ["st", "nd", "rd", "th", "er", "e", "º"].contains(tokens[i].lower) else { return i }
            return i + 1
        }
        while index < tokens.count {
            let token = tokens[index]
            // ISO 2026-03-06
            if let y = year(at: index), index + 4 < tokens.count, tokens[index + 1].text == "-", let m = number(at: index + 2, digits: 1...2),
               tokens[index + 3].text == "-", let d = number(at: index + 4, digits: 1...2), isValid(year: y, month: m, day: d) {
                matches.append(DateMatch(start: token.start, end: tokens[index + 4].end, year: y, month: m, day: d))
                index += 5
                continue
            }
            // Month D, YYYY / Month D / Month YYYY
            if let (m, after) = month(at: index) {
                if let d = number(at: after, digits: 1...2) {
                    var next = ordinalSuffix(at: after + 1)
                    if next < tokens.count, tokens[next].text == "," { next += 1 }
                    if let y = year(at: next) {
                        if isValid(year: y, month: m, day: d) {
                            matches.append(DateMatch(start: token.start, end: tokens[next].end, year: y, month: m, day: d))
                        }
                        index = next + 1
                        continue
                    }
                    if !requireYear, isValid(year: 2000, month: m, day: d), !(after + 1 < tokens.count && tokens[after + 1].isNumber) {
                        let end = tokens[ordinalSuffix(at: after + 1) - 1].end
                        matches.append(DateMatch(start: token.start, end: end, year: nil, month: m, day: d))
                        index = after + 1
                        continue
                    }
                }
                var next = after
                if next < tokens.count, ["de", "del", "of", ","].contains(tokens[next].lower) { next += 1 }
                if let y = year(at: next) {
                    matches.append(DateMatch(start: token.start, end: tokens[next].end, year: y, month: m))
                    index = next + 1
                    continue
                }
            }
            // D Month YYYY, D. Month YYYY, D de mes de YYYY, 1er mai 2025
            if let d = number(at: index, digits: 1...2) {
                var next = ordinalSuffix(at: index + 1)
                if next < tokens.count, tokens[next].text == "." { next += 1 }
                if next < tokens.count, tokens[next].lower == "de" || tokens[next].lower == "of" { next += 1 }
                if let (m, after) = month(at: next) {
                    var yearIndex = after
                    if yearIndex < tokens.count, tokens[yearIndex].lower == "de" || tokens[yearIndex].text == "," { yearIndex += 1 }
                    if let y = year(at: yearIndex) {
                        // "31 June 2021" is no date at all, not June 2021.
                        if isValid(year: y, month: m, day: d) {
                            matches.append(DateMatch(start: token.start, end: tokens[yearIndex].end, year: y, month: m, day: d))
                        }
                        index = yearIndex + 1
                        continue
                    }
                    if !requireYear, isValid(year: 2000, month: m, day: d) {
                        matches.append(DateMatch(start: token.start, end: tokens[after - 1].end, year: nil, month: m, day: d))
                        index = after
                        continue
                    }
                }
            }
            index += 1
        }
        return matches
    }
}

import Foundation
