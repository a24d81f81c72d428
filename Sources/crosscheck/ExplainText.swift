import Crosscheck
import Foundation

/// `crosscheck explain` for people: labelled lines, source text quoted and made harmless for the terminal.
enum ExplainText {
    static func render(_ target: ExplainTarget, in corpus: Corpus) -> String {
        var lines: [String] = []
        switch target {
        case .claim(let claim):
            lines += claimBlock(claim, in: corpus)
            lines += relationsBlock(of: claim, in: corpus)
        case .relation(let relation):
            lines += relationBlock(relation, in: corpus)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Claims

    /// The claim, its source, section, date, values and the sentences around it.
    static func claimBlock(_ claim: Claim, in corpus: Corpus, indent: String = "") -> [String] {
        var lines = ["claim \(claim.id)", "  “\(clean(claim.text))”", ""]
        var fields: [(String, String)] = []
        if let document = corpus.document(id: claim.document) {
            fields += documentFields(document)
        } else {
            fields.append(("file", "\(clean(claim.source)) (document \(claim.document), not in this corpus)"))
        }
        fields.append(("cite", "[@\(clean(claim.citationKey))]"))
        fields.append(("section", claim.sectionPath.map(clean).joined(separator: " › ")))
        fields.append(("date", date(claim.date)))
        for (index, quantity) in claim.quantities.enumerated() {
            fields.append((index == 0 ? "values" : "", self.quantity(quantity)))
        }
        lines += labelled(fields)
        let (before, after) = corpus.neighbouringSentences(of: claim)
        lines.append("")
        lines.append("  context")
        lines.append("    \(before.map { "… " + clean($0) } ?? "(the claim opens its section)")")
        lines.append("  ▸ \(clean(claim.text))")
        lines.append("    \(after.map { "… " + clean($0) } ?? "(the claim closes its section)")")
        return lines.map { $0.isEmpty ? $0 : indent + $0 }
    }

    /// The document's title, file, URL, authors, site and dates, each when known.
    static func documentFields(_ document: Document) -> [(String, String)] {
        var fields: [(String, String)] = [("source", document.title.map { "“\(clean($0))”" } ?? "(untitled)")]
        fields.append(("file", "\(clean(document.source.path)) (\(document.source.format.rawValue), document \(document.id))"))
        if let url = document.url { fields.append(("url", clean(url))) }
        let by = (document.authors + [document.site].compactMap { $0 }).map(clean)
        if !by.isEmpty { fields.append(("by", by.joined(separator: " · "))) }
        if let published = document.published { fields.append(("published", "\(published.date) (\(clean(published.evidence)))")) }
        if let modified = document.modified, modified.date != document.published?.date {
            fields.append(("modified", "\(modified.date) (\(clean(modified.evidence)))"))
        }
        return fields
    }

    /// "2021 · explicit: “In 2021”", "2025-02-12 · the source's publication date (the sentence names no period)".
    static func date(_ date: ClaimDate) -> String {
        let value = date.value ?? "unknown"
        switch date.basis {
        case .explicit: return "\(value) · stated: “\(clean(date.phrase ?? ""))”"
        case .relative: return "\(value) · relative to the publication date: “\(clean(date.phrase ?? ""))”"
        case .publication: return "\(value) · the source's publication date (the sentence names no period)"
        case .none: return "unknown · neither the sentence nor the source gives a date"
        }
    }

    /// "“C$35 billion” → money 35,000,000,000 CAD, rounded: 34,500,000,000 to 35,500,000,000".
    static func quantity(_ quantity: Quantity) -> String {
        var normalised = "\(quantity.kind.rawValue) "
        switch quantity.kind {
        case .date: normalised += quantity.date ?? number(quantity.value)
        case .year: normalised += String(Int(quantity.value))
        case .percent: normalised += number(quantity.value) + " %"
        default: normalised += number(quantity.value)
        }
        if let currency = quantity.currency { normalised += " \(currency)\(quantity.currencyInferred == true ? " (assumed)" : "")" }
        if let unit = quantity.unit { normalised += " (\(clean(unit)))" }
        var text = "“\(clean(quantity.text))” → \(normalised)"
        if quantity.qualifier != "exact" { text += ", \(quantity.qualifier.replacingOccurrences(of: "_", with: " "))" }
        if quantity.kind != .date && quantity.kind != .year {
            switch (quantity.low, quantity.high) {
            case (let low?, let high?) where low != quantity.value || high != quantity.value: text += ": \(number(low)) to \(number(high))"
            case (let low?, nil): text += ": \(number(low)) or more"
            case (nil, let high?): text += ": up to \(number(high))"
            default: break
            }
        }
        return text
    }

    // MARK: Relations

    /// The relations a claim takes part in, each with the other side and the explanation.
    static func relationsBlock(of claim: Claim, in corpus: Corpus) -> [String] {
        let relations = corpus.relations(involving: claim.id)
        guard !relations.isEmpty else { return ["", "  relations: none (no other source speaks to this claim)"] }
        var lines = ["", "  relations (\(relations.count))"]
        for relation in relations {
            lines.append("    \(kind(relation.kind)) \(relation.id) · confidence \(confidence(relation.confidence))\(betterSupported(relation, from: claim.id))")
            for other in relation.claims where other.id != claim.id {
                lines.append("      with \(other.id) in \(clean(other.source.path)): “\(clean(other.text))”")
            }
            lines.append("      \(clean(relation.explanation))")
        }
        return lines
    }

    /// The relation, then each of its claims in full.
    static func relationBlock(_ relation: Relation, in corpus: Corpus) -> [String] {
        var fields: [(String, String)] = [("kind", kind(relation.kind)), ("confidence", confidence(relation.confidence)), ("metric", clean(relation.metric))]
        if let subject = relation.subject { fields.append(("subject", clean(subject))) }
        fields.append(("explanation", clean(relation.explanation)))
        if let better = relation.betterSupported {
            let side = relation.claims.firstIndex { $0.id == better }.map { "side \($0 + 1), " } ?? ""
            fields.append(("better supported", "\(side)\(better) (its source agrees more with the rest of the corpus)"))
        }
        var lines = ["relation \(relation.id)"] + labelled(fields)
        for (index, side) in relation.claims.enumerated() {
            lines.append("")
            let compared = side.value.map { " · compared value \(quantity($0))" } ?? " · related by its wording"
            lines.append("side \(index + 1)\(compared)")
            if let claim = corpus.claim(id: side.id) {
                lines += claimBlock(claim, in: corpus, indent: "  ")
                let others = corpus.relations(involving: claim.id).count - 1
                if others > 0 { lines.append("    (in \(others) other relation\(others == 1 ? "" : "s"): crosscheck explain \(claim.id))") }
            } else {
                lines.append("  claim \(side.id) (not in this corpus)")
                lines.append("    “\(clean(side.text))”")
                lines.append("    file \(clean(side.source.path)) · date \(date(side.date))")
            }
        }
        return lines
    }

    static func kind(_ kind: Relation.Kind) -> String {
        switch kind {
        case .contradiction: "contradiction"
        case .changeOverTime: "change over time"
        case .agreement: "agreement"
        case .differentQualifier: "different qualifier"
        }
    }

    private static func betterSupported(_ relation: Relation, from claimID: String) -> String {
        guard let better = relation.betterSupported else { return "" }
        return better == claimID ? " · this side better supported" : " · the other side better supported"
    }

    // MARK: Formatting

    /// `label     value` lines, labels padded to one column.
    private static func labelled(_ fields: [(String, String)]) -> [String] {
        let width = fields.map(\.0.count).max() ?? 0
        return fields.map { label, value in "  \(label.padding(toLength: width, withPad: " ", startingAt: 0))  \(value)" }
    }

    private static func confidence(_ value: Double) -> String { String(format: "%.2f", value) }

    /// Text from a source, on one line and without control characters.
    private static func clean(_ text: String) -> String {
        Terminal.sanitized(text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " "))
    }

    /// 28700000000 → "28,700,000,000"; 4.25 → "4.25".
    static func number(_ value: Double) -> String { ValueFormat.plain(value) }
}
