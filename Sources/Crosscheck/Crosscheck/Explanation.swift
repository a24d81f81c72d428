import Foundation

/// Sentences a person can check: both sources with their dates, both values as normalised, and why.
enum Explanation {
    /// How each source is named in explanations, and the date it gives itself, worked out once per corpus.
    struct SourceLabels: Sendable {
        var names: [String]
        var published: [String?]

        init(_ documents: [Document]) {
            names = documents.map(Explanation.sourceName)
            published = documents.map { $0.published?.date }
        }

        func dateLabel(_ document: Int, _ period: Period) -> String { Explanation.dateLabel(published: published[document], period) }
    }

    /// One sentence from the two sides' statements (`statement(_:sources:)`), the older first.
    static func sentence(kind: Relation.Kind, older: String, newer: String, reason: String) -> String {
        let verb: String = switch kind {
        case .contradiction: "but"
        case .changeOverTime: "later,"
        case .agreement: "and"
        case .differentQualifier: "while"
        }
        // Appended into one string of the right size, each piece copied whole: explanations are made by the million.
        let lowerASCII = reason.utf8.first.map { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) } ?? false
        let reason = lowerASCII ? reason : capitalized(reason)
        var sentence = ""
        sentence.reserveCapacity(older.utf8.count + verb.utf8.count + newer.utf8.count + reason.utf8.count + 7)
        sentence += older
        sentence += "; "
        sentence += verb
        sentence += " "
        sentence += newer
        sentence += ". "
        if lowerASCII {
            // The first letter in upper case, then the rest from the next byte (a scalar boundary after an ASCII letter).
            sentence.unicodeScalars.append(Unicode.Scalar(reason.utf8.first! - 32))
            sentence += reason[reason.utf8.index(after: reason.utf8.startIndex)...]
        } else {
            sentence += reason
        }
        sentence += "."
        return sentence
    }

    /// The text with its first letter in upper case ("same metric" → "Same metric"). Explanations are made by the
    /// million and nearly always start with an ASCII letter, which is done without Unicode case mapping.
    static func capitalized(_ text: String) -> String {
        guard let first = text.utf8.first else { return text }
        if first < 0x80 {
            guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else { return text }
            return String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
                var written = 0
                for byte in text.utf8 {
                    buffer[written] = byte
                    written += 1
                }
                buffer[0] = first - 32
                return written
            }
        }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// What one source says: its name, its date and the value ("Statistics Canada (2024-03-01) says CAD 28.7 billion
    /// for exports in 2023"). A fact takes part in several relations; this is worked out once for all of them.
    static func statement(_ fact: Fact, sources: SourceLabels) -> String {
        "\(sources.names[fact.document]) (\(sources.dateLabel(fact.document, fact.period))) says \(value(fact))"
    }

    static func sourceName(_ document: Document) -> String {
        if let site = document.site { return site }
        if let author = document.authors.first { return author }
        if let title = document.title { return "“\(title.count > 60 ? String(title.prefix(57)) + "…" : title)”" }
        return document.source.path
    }

    static func dateLabel(_ document: Document, _ period: Period) -> String { dateLabel(published: document.published?.date, period) }

    /// The source's own date, else "undated" with the year its sentences suggest.
    static func dateLabel(published: String?, _ period: Period) -> String {
        if let published { return published }
        if period.basis == .estimated, let year = period.year { return "undated, c. \(year)" }
        return "undated"
    }

    static func value(_ fact: Fact) -> String {
        let q = fact.quantity
        let number: String
        switch fact.family {
        case .money: number = "\(q.currency ?? "")\(q.currencyInferred == true ? " (assumed)" : "") \(ValueFormat.number(q.value))"
        case .percent: number = "\(ValueFormat.plain(q.value)) %"
        case .rank: number = q.qualifier == "among" ? "among the largest" : PairClassifier.ordinal(q.value)
        case .event: number = q.date ?? q.text
        default: number = ValueFormat.number(q.value)
        }
        let qualifier = switch q.qualifier {
        case "over": "over "
        case "at_least": "at least "
        case "almost": "almost "
        case "under": "under "
        case "up_to": "up to "
        case "approximately": "about "
        default: ""
        }
        let when = fact.period.basis == .explicit ? " in \(fact.period.label)" : ""
        return "\(qualifier)\(number) for \(fact.metricLabel)\(when)"
    }
}
