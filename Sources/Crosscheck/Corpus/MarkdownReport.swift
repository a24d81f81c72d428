/// `report.md`: the sources, then every claim by source and section, each with a footnote citation
/// that Pandoc and any Markdown reader render. Text from sources is escaped, never interpreted.
enum MarkdownReport {
    static func render(_ corpus: Corpus) -> String {
        var out = "# Crosscheck report\n\n"
        let problems = corpus.problems
        out += "\(corpus.documents.count) sources · \(corpus.sectionCount) sections · \(corpus.claims.count) claims · "
            + "\(corpus.relations(.contradiction).count) contradictions · \(corpus.relations(.changeOverTime).count) changes over time · "
            + "\(corpus.relations(.agreement).count) agreements · \(problems.count) problems\n\n"
        out += relationSections(corpus)
        out += "## Sources\n\n"
        for (index, document) in corpus.documents.enumerated() {
            out += "\(index + 1). **\(escape(document.title ?? "Untitled"))**"
            var details: [String] = []
            if !document.authors.isEmpty { details.append(escape(document.authors.joined(separator: ", "))) }
            if let site = document.site { details.append(escape(site)) }
            if let published = document.published { details.append("published \(published.date)") }
            if let modified = document.modified { details.append("modified \(modified.date)") }
            if !details.isEmpty { out += " — " + details.joined(separator: ", ") }
            out += " (`\(code(document.source.path))`)[^\(document.citationKey)]\n"
        }
        out += "\n## Claims\n"
        let claimsByDocument = Dictionary(grouping: corpus.claims, by: \.document)
        for document in corpus.documents {
            out += "\n### \(escape(document.title ?? document.source.path))\n"
            let claims = claimsByDocument[document.id] ?? []
            if claims.isEmpty { out += "\nNo claims found.\n" }
            let bySection = Dictionary(grouping: claims, by: \.section)
            for section in document.sections {
                guard let sectionClaims = bySection[section.id], !sectionClaims.isEmpty else { continue }
                out += "\n#### \(escape(section.path.filter { !$0.isEmpty }.joined(separator: " › ")))\n\n"
                for claim in sectionClaims {
                    out += "- \(escape(claim.text))[^\(claim.citationKey)]"
                    let values = claim.quantities.map(describe).joined(separator: "; ")
                    var notes: [String] = []
                    if !values.isEmpty { notes.append(escape(values)) }
                    if let date = claim.date.value { notes.append("date \(date) (\(claim.date.basis.rawValue))") }
                    if !notes.isEmpty { out += " — *\(notes.joined(separator: " · "))*" }
                    out += " `\(claim.id)`\n"
                }
            }
        }
        if !problems.isEmpty {
            out += "\n## Problems\n\n"
            for problem in problems { out += "- `\(code(problem.path))`: \(escape(problem.reason))\n" }
        }
        out += "\n"
        for document in corpus.documents {
            var parts: [String] = []
            if !document.authors.isEmpty { parts.append(escape(document.authors.joined(separator: ", "))) }
            parts.append("*\(escape(document.title ?? "Untitled"))*")
            if let site = document.site { parts.append(escape(site)) }
            if let date = document.published ?? document.modified { parts.append(date.date) }
            if let url = document.url { parts.append("<\(url.replacingOccurrences(of: ">", with: "%3E").replacingOccurrences(of: " ", with: "%20"))>") }
            parts.append("file `\(code(document.source.path))`")
            out += "[^\(document.citationKey)]: \(parts.joined(separator: ", ")).\n"
        }
        return out
    }

    /// Contradictions first, each side quoted with its source; then changes, agreements and qualifier differences.
    static func relationSections(_ corpus: Corpus) -> String {
        let keys = Dictionary(uniqueKeysWithValues: corpus.documents.map { ($0.id, $0.citationKey) })
        let trust = Dictionary(uniqueKeysWithValues: corpus.trust.map { ($0.document, $0) })
        var out = ""
        let sections: [(Relation.Kind, String, String)] = [
            (.contradiction, "Contradictions", "Two sources give different values for the same thing and the same period."),
            (.changeOverTime, "Changes over time", "The same thing, measured at different times."),
            (.agreement, "Agreements", "Sources that corroborate each other."),
            (.differentQualifier, "Differently qualified figures", "Figures that look alike but measure different things; not contradictions."),
        ]
        for (kind, title, lead) in sections {
            let relations = corpus.relations(kind).sorted { ($1.confidence, $0.id) < ($0.confidence, $1.id) }
            guard !relations.isEmpty else { continue }
            out += "## \(title)\n\n\(lead)\n\n"
            for relation in relations {
                out += "- **\(escape(relation.metric))** — \(escape(relation.explanation)) *(confidence \(String(format: "%.2f", relation.confidence)))*\n"
                for side in relation.claims {
                    let key = keys[side.document] ?? ""
                    let supported = relation.betterSupported == side.id ? " — *better supported*" : ""
                    out += "  - > \(escape(side.text))[^\(key)]\(supported) `\(side.id)`\n"
                }
            }
            out += "\n"
        }
        if !corpus.trust.isEmpty {
            out += "## How far the sources bear each other out\n\n| source | trust | agreements | contradictions | basis |\n|---|---|---|---|---|\n"
            for document in corpus.documents {
                guard let score = trust[document.id] else { continue }
                out += "| \(escape(document.title ?? document.source.path))[^\(document.citationKey)] | \(String(format: "%.2f", score.score)) | "
                    + "\(score.agreements) | \(score.contradictions) | \(escape(score.basis)) |\n"
            }
            out += "\n"
        }
        return out
    }

    static func describe(_ quantity: Quantity) -> String {
        switch quantity.kind {
        case .money: "\(quantity.currency ?? "?")\(quantity.currencyInferred == true ? " (assumed)" : "") \(ValueFormat.number(quantity.value))"
        case .percent: "\(ValueFormat.number(quantity.value)) %"
        case .rank: "rank \(ValueFormat.number(quantity.value))\(quantity.unit.map { " (\($0))" } ?? "")"
        case .year: "year \(ValueFormat.number(quantity.value))"
        case .date: "date \(quantity.date ?? quantity.text)"
        case .count, .measure: "\(ValueFormat.number(quantity.value))\(quantity.unit.map { " \($0)" } ?? "")"
        }
    }

    /// Escapes Markdown so that text from a source renders as the same text, not as markup or HTML.
    static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "{", "}", "~", "!", "$":
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(scalar.value))
            case "&": out.append(contentsOf: "&amp;".utf8)
            case "\n", "\r", "\t": out.append(UInt8(ascii: " "))
            default:
                // Control characters (terminal escapes among them) never reach the report.
                if ControlCharacters.isControl(scalar) {
                    out.append(contentsOf: "\u{FFFD}".utf8)
                } else if scalar.value < 0x80 {
                    out.append(UInt8(scalar.value))
                } else {
                    out.append(contentsOf: UTF8.encode(scalar)!)
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func code(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "\n", with: " ")
    }
}

/// The C0 and C1 control characters (Unicode category Cc), terminal escapes among them.
enum ControlCharacters {
    @inline(__always)
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F)
    }
}

/// Numbers written for people: 28700000000 → "28.7 billion", 129425 → "129,425".
enum ValueFormat {
    static func number(_ value: Double) -> String {
        let magnitude = abs(value)
        for (factor, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] where magnitude >= factor {
            return plain(value / factor) + " " + word
        }
        return plain(value)
    }

    static func plain(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 {
            let digits = String(Int64(value).magnitude)
            var grouped = ""
            for (index, character) in digits.enumerated() {
                if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
                grouped.append(character)
            }
            return (value < 0 ? "-" : "") + grouped
        }
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

import Foundation
