import Foundation

/// `report.md`: the same content as `report.html` for Markdown readers and Pandoc. Contradictions side by side
/// in a table with the compared values in bold, changes over time as a table per metric, agreements with the
/// number of sources that corroborate them, then every source with its metadata, trust and claims by section.
/// Sources are cited with footnotes (`[^citationkey]`); claims and relations are named by their ids. Text from
/// sources is escaped: it renders as the same text, never as markup or HTML.
enum MarkdownReport {
    /// The report of a corpus, listing at most `limit` changes over time, agreements and differently qualified figures.
    static func render(_ corpus: Corpus, limit: Int = ReportContent.defaultLimit) -> String { render(ReportContent(corpus, limit: limit)) }

    static func render(_ content: ReportContent) -> String {
        var whole = ""
        write(content) { whole += $0 }
        return whole
    }

    /// The report piece by piece, a source at a time: the report of thousands of sources is never held whole.
    /// - Parameter entries: the sources' entries of the last write, reused where unchanged (a watcher's).
    static func write(_ content: ReportContent, entries: SourceEntryCache? = nil, to emit: (String) throws -> Void) rethrows {
        let counts = content.counts
        var out = "# Crosscheck report\n\n"
        out += [ReportContent.counted(counts.documents, "source"), ReportContent.counted(counts.sections, "section"), ReportContent.counted(counts.claims, "claim"),
                ReportContent.counted(counts.contradictions, "contradiction"), ReportContent.counted(counts.changes, "change over time", "changes over time"),
                ReportContent.counted(counts.agreements, "agreement"), "\(counts.qualifierDifferences) differently qualified",
                ReportContent.counted(counts.problems, "problem")].joined(separator: " · ") + "\n\n"
        out += sideBySideSection("Contradictions", "Two sources give different values for the same thing and the same period. The values compared are in bold.",
                                 content.contradictions, total: counts.contradictions, none: "No two sources contradict each other.")
        out += changes(content)
        out += agreements(content)
        if counts.qualifierDifferences > 0 {
            out += sideBySideSection("Differently qualified figures", "Figures that look alike but measure different things: not contradictions.",
                                     content.qualifierDifferences, total: counts.qualifierDifferences, none: "")
            out += unlistedNote(.differentQualifier, content)
        }
        try emit(out)
        try sources(content, entries: entries, to: emit)
        out = ""
        if !content.problems.isEmpty {
            out += "## Problems\n\n"
            for problem in content.problems { out += "- `\(code(problem.path))`: \(escape(problem.reason))\n" }
            out += "\n"
        }
        try emit(out)
        for source in content.sources { try emit(footnote(source.document)) }
    }

    // MARK: Relations

    private static func sideBySideSection(_ title: String, _ lead: String, _ entries: [ReportContent.Entry], total: Int, none: String) -> String {
        var out = "## \(title)\n\n\(lead)\n\n"
        if total == 0 { return out + "\(none)\n\n" }
        for (index, entry) in entries.enumerated() {
            let relation = entry.relation
            out += "### \(index + 1). \(escape(relation.metric))\(relation.subject.map { " · " + escape($0) } ?? "") — confidence \(ValueFormat.score(relation.confidence))\n\n"
            out += "\(escape(relation.explanation)) `\(relation.id)`\n\n"
            out += "| |" + entry.sides.enumerated().map { " Side \($0 + 1)\($1.isBetterSupported ? " — better supported" : "") |" }.joined() + "\n"
            out += "|---|" + String(repeating: "---|", count: entry.sides.count) + "\n"
            func row(_ label: String, _ cell: (ReportContent.Side) -> String) {
                out += "| \(label) |" + entry.sides.map { " \(cell($0).isEmpty ? "—" : cell($0)) |" }.joined() + "\n"
            }
            row("Says") { "“\(quotation($0))”\(cite($0.document))" }
            row("Source") { side in side.document.map { escape($0.title ?? $0.source.path) + ($0.site.map { " · " + escape($0) } ?? "") } ?? "unknown" }
            row("Date") { escape(ReportContent.dateLabel($0)) + ($0.document?.published.map { " · source published \($0.date)" } ?? "") }
            row("Section") { escape(ReportContent.sectionLabel($0.sectionPath, in: $0.document)) }
            row("Value") { $0.claim.value.map { escape(ValueFormat.describe($0)) } ?? "" }
            row("Trust") { side in side.trust.map { "\(ValueFormat.score($0.score)) (\(ReportContent.agreementTally($0)))" } ?? "" }
            row("Claim") { "`\($0.claim.id)`" }
            out += "\n"
        }
        return out
    }

    private static func changes(_ content: ReportContent) -> String {
        var out = "## Changes over time\n\nThe same thing measured at different times, one timeline per metric, oldest first.\n\n"
        if content.counts.changes == 0 { return out + "No changes over time were found.\n\n" }
        for timeline in content.timelines {
            out += "### \(escape(timeline.metric))\(timeline.subject.map { " · " + escape($0) } ?? "")\n\n"
            out += "| when | value | source | sentence |\n|---|---|---|---|\n"
            for point in timeline.points {
                out += "| \(escape(ReportContent.dateLabel(point))) | \(point.claim.value.map { escape(ValueFormat.describe($0)) } ?? "—") | "
                    + "\(cite(point.document)) `\(point.claim.id)` | “\(quotation(point))” |\n"
            }
            out += "\n"
            for change in timeline.changes { out += relationItem(change.relation) }
            out += "\n"
        }
        return out + unlistedNote(.changeOverTime, content)
    }

    private static func agreements(_ content: ReportContent) -> String {
        var out = "## Agreements\n\nClaims that other sources corroborate: the same value within its stated precision, the same event on the same date, "
            + "or the same statement in other words.\n\n"
        if content.counts.agreements == 0 { return out + "No two sources corroborate each other.\n\n" }
        for group in content.agreements {
            out += "### Corroborated by \(ReportContent.counted(group.sourceCount, "source")) — \(escape(group.metric))\n\n"
            for side in group.sides {
                out += "- “\(quotation(side))”\(cite(side.document)) — \(escape(ReportContent.dateLabel(side))) `\(side.claim.id)`\n"
            }
            out += "\n"
            for agreement in group.agreements { out += relationItem(agreement.relation) }
            out += "\n"
        }
        return out + unlistedNote(.agreement, content)
    }

    /// "… and N more …; every one is in `FILE`." as a paragraph; nothing when all are listed.
    private static func unlistedNote(_ kind: Relation.Kind, _ content: ReportContent) -> String {
        content.unlistedNote(kind, file: { "`\($0)`" }).map { $0 + "\n\n" } ?? ""
    }

    private static func relationItem(_ relation: Relation) -> String {
        "- \(escape(relation.explanation)) *(confidence \(ValueFormat.score(relation.confidence)))* `\(relation.id)`\n"
    }

    // MARK: Sources

    private static func sources(_ content: ReportContent, entries: SourceEntryCache?, to emit: (String) throws -> Void) rethrows {
        try emit("## Sources\n\n")
        try SourceEntryCache.emitEntries(of: content, from: entries, withRelations: false,
                                         render: { sourceEntry($0, number: $1, content: content) }, to: emit)
    }

    /// One source: what it says about itself and its claims by section.
    private static func sourceEntry(_ source: ReportContent.Source, number: Int, content: ReportContent) -> String {
        let document = source.document
        var out = ""
        out += "### \(number). \(escape(document.title ?? document.source.path))\n\n"
        func row(_ label: String, _ value: String, evidence: String? = nil) {
            out += "- \(label): \(value)\(evidence.map { " *(from \(escape($0)))*" } ?? "")\n"
        }
        row("Citation key", "`\(document.citationKey)`\(cite(document))")
        if let title = document.title { row("Title", escape(title), evidence: document.evidence["title"]) }
        if !document.authors.isEmpty { row("Authors", escape(document.authors.joined(separator: ", ")), evidence: document.evidence["authors"]) }
        if let site = document.site { row("Site", escape(site), evidence: document.evidence["site"]) }
        if let url = document.url { row("URL", link(url), evidence: document.evidence["url"]) }
        for (label, date) in [("Published", document.published), ("Modified", document.modified)] {
            guard let date else { continue }
            row(label, "\(escape(date.date)) (\(date.precision.rawValue))", evidence: date.evidence)
        }
        if let language = document.language { row("Language", escape(language), evidence: document.evidence["language"]) }
        let file = document.source
        row("File", "`\(code(file.path))` · \(file.format.rawValue) · \(escape(file.encoding)) · \(ValueFormat.plain(Double(file.bytes))) bytes · "
            + "sha256 \(file.sha256.prefix(12))")
        if let trust = source.trust {
            row("Trust", "\(ValueFormat.score(trust.score)) · \(escape(trust.basis))")
        }
        out += "\n"
        if source.sections.isEmpty { out += "No claims found.\n\n" }
        for section in source.sections {
            let label = ReportContent.sectionLabel(section.path, in: document)
            out += "#### \(label.isEmpty ? "(untitled section)" : escape(label))\n\n"
            for index in section.claims { appendClaimItem(content.claims[index], to: &out) }
            out += "\n"
        }
        return out
    }

    /// A claim as a list item: its sentence, its citation, its values and date, its id.
    private static func appendClaimItem(_ claim: Claim, to out: inout String) {
        out += "- "
        Escaping.appendMarkdown(claim.text, to: &out)
        out += "[^" + claim.citationKey + "]"
        let notes = ReportContent.notes(of: claim)
        for (index, note) in notes.enumerated() {
            out += index == 0 ? " — *" : "; "
            Escaping.appendMarkdown(note, to: &out)
        }
        if !notes.isEmpty { out += "*" }
        out += " `" + claim.id + "`\n"
    }

    private static func footnote(_ document: Document) -> String {
        var parts: [String] = []
        if !document.authors.isEmpty { parts.append(escape(document.authors.joined(separator: ", "))) }
        parts.append("*\(escape(document.title ?? "Untitled"))*")
        if let site = document.site { parts.append(escape(site)) }
        if let date = document.published ?? document.modified { parts.append(escape(date.date)) }
        if let url = document.url { parts.append(link(url)) }
        parts.append("file `\(code(document.source.path))`")
        return "[^\(document.citationKey)]: \(parts.joined(separator: ", ")).\n"
    }

    // MARK: Pieces

    /// A sentence with the compared values in bold; spaces at a value's edges stay outside the asterisks.
    private static func quotation(_ side: ReportContent.Side) -> String {
        var out = ""
        Highlights.forEachSegment(of: side.claim.text, marking: side.highlights) { piece, isMarked in
            let core = isMarked ? piece.trimmingCharacters(in: .whitespaces) : ""
            guard !core.isEmpty else { return Escaping.appendMarkdown(piece, to: &out) }
            let lead = piece.prefix { $0 == " " }, trail = String(piece.reversed().prefix { $0 == " " })
            Escaping.appendMarkdown(lead, to: &out)
            out += "**"
            Escaping.appendMarkdown(core, to: &out)
            out += "**"
            Escaping.appendMarkdown(trail, to: &out)
        }
        return out
    }

    private static func cite(_ document: Document?) -> String { document.map { "[^\($0.citationKey)]" } ?? "" }

    /// An autolink for an http(s) URL; any other URL as plain text, so it is never followed.
    private static func link(_ url: String) -> String {
        guard let web = WebLink.url(url) else { return escape(url) }
        return "<" + web.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E") + ">"
    }

    /// Escapes Markdown so that text from a source renders as the same text, not as markup or HTML.
    static func escape(_ text: String) -> String { Escaping.markdown(text) }

    private static func code(_ text: String) -> String {
        Escaping.rewrite(text) { $0 == "`" ? "'" : nil }
    }
}
