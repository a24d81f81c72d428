import Foundation

/// Sentences a person can check: both sources with their dates, both values as normalised, and why.
enum Explanation {
    static func sentence(kind: Relation.Kind, older: Fact, newer: Fact, reason: String, documents: [Document]) -> String {
        let first = "\(sourceName(documents[older.document])) (\(dateLabel(documents[older.document], older.period))) says \(value(older))"
        let second = "\(sourceName(documents[newer.document])) (\(dateLabel(documents[newer.document], newer.period))) says \(value(newer))"
        let verb: String = switch kind {
        case .contradiction: "but"
        case .changeOverTime: "later,"
        case .agreement: "and"
        case .differentQualifier: "while"
        }
        return "\(first); \(verb) \(second). \(reason.prefix(1).uppercased())\(reason.dropFirst())."
    }

    static func sourceName(_ document: Document) -> String {
        if let site = document.site { return site }
        if let author = document.authors.first { return author }
        if let title = document.title { return "“\(title.count > 60 ? String(title.prefix(57)) + "…" : title)”" }
        return document.source.path
    }

    static func dateLabel(_ document: Document, _ period: Period) -> String {
        if let published = document.published { return published.date }
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
        let qualifier = ["over": "over ", "at_least": "at least ", "almost": "almost ", "under": "under ", "up_to": "up to ", "approximately": "about "][q.qualifier] ?? ""
        let when = fact.period.basis == .explicit ? " in \(fact.period.label)" : ""
        return "\(qualifier)\(number) for \(fact.metricLabel)\(when)"
    }
}
