import Foundation

/// `report.html`: the report as one self-contained page a person reads in a browser or prints. Inline CSS,
/// no script, nothing fetched from the network (a Content-Security-Policy says so to the browser too).
/// Contradictions come first, side by side with the compared values marked; then changes over time as a
/// timeline per metric, agreements with the number of sources that corroborate them, differently qualified
/// figures, every source with its metadata, trust and claims by section, and the files that could not be read.
/// Every claim and relation has an anchor (its id), every source `source-<citation key>`. Text from sources is
/// escaped, and only http(s) URLs become links. The same corpus always gives the same bytes.
enum HTMLReport {
    /// The page of a corpus, listing at most `limit` changes over time, agreements and differently qualified figures.
    static func render(_ corpus: Corpus, limit: Int = ReportContent.defaultLimit) -> String { render(ReportContent(corpus, limit: limit)) }

    static func render(_ content: ReportContent) -> String {
        var whole = ""
        write(content) { whole += $0 }
        return whole
    }

    /// The page piece by piece, a source at a time: the page of thousands of sources is never held whole.
    /// - Parameter entries: the sources' entries of the last write, reused where unchanged (a watcher's).
    static func write(_ content: ReportContent, entries: SourceEntryCache? = nil, to emit: (String) throws -> Void) rethrows {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="generator" content="crosscheck \(Escaping.html(CrosscheckVersion.current))">
            <title>Crosscheck report</title>
            <style>
            \(stylesheet)</style>
            </head>
            <body>
            <div class="page">

            """
        out += summary(content)
        out += "<main>\n"
        out += contradictions(content)
        out += changes(content)
        out += agreements(content)
        out += qualifierDifferences(content)
        try emit(out)
        try sources(content, entries: entries, to: emit)
        out = problems(content)
        out += "</main>\n"
        out += "<footer class=\"colophon\"><p>Written by crosscheck \(Escaping.html(CrosscheckVersion.current)) (corpus schema \(Corpus.schemaVersion)). "
            + "Every quotation is the source’s sentence as it stands; compared values are <mark>marked</mark>.</p></footer>\n"
        out += "</div>\n</body>\n</html>\n"
        try emit(out)
    }

    // MARK: Summary

    private static func summary(_ content: ReportContent) -> String {
        let counts = content.counts
        let items: [(String, Int, String, String)] = [
            ("sources", counts.documents, counts.documents == 1 ? "source" : "sources", "sources"),
            ("claims", counts.claims, counts.claims == 1 ? "claim" : "claims", "sources"),
            ("contradictions", counts.contradictions, counts.contradictions == 1 ? "contradiction" : "contradictions", "contradictions"),
            ("changes", counts.changes, counts.changes == 1 ? "change over time" : "changes over time", "changes"),
            ("agreements", counts.agreements, counts.agreements == 1 ? "agreement" : "agreements", "agreements"),
            ("qualifiers", counts.qualifierDifferences, "differently qualified", "qualifier-differences"),
            ("problems", counts.problems, counts.problems == 1 ? "problem" : "problems", "problems"),
        ]
        var out = "<header class=\"masthead\">\n<h1>Crosscheck report</h1>\n"
        out += "<p class=\"lead\">\(ReportContent.counted(counts.claims, "claim")) from \(ReportContent.counted(counts.documents, "source")) "
            + "(\(ReportContent.counted(counts.sections, "section"))), cross-checked against each other.</p>\n"
        out += "<nav aria-label=\"Summary\"><ul class=\"summary\" id=\"summary\">\n"
        for (name, count, label, target) in items {
            out += "<li class=\"\(name)\"><a href=\"#\(target)\"><span class=\"n\" data-count=\"\(name)\">\(count)</span> <span class=\"label\">\(label)</span></a></li>\n"
        }
        out += "</ul></nav>\n</header>\n"
        return out
    }

    // MARK: Relations

    private static func contradictions(_ content: ReportContent) -> String {
        var out = sectionHead(id: "contradictions", title: "Contradictions", count: content.contradictions.count,
                              lead: "Two sources give different values for the same thing and the same period. The values compared are marked.")
        if content.contradictions.isEmpty { out += "<p class=\"none\">No two sources contradict each other.</p>\n" }
        for entry in content.contradictions { out += sideBySide(entry, kindClass: "contradiction") }
        return out + "</section>\n"
    }

    private static func changes(_ content: ReportContent) -> String {
        var out = sectionHead(id: "changes", title: "Changes over time", count: content.counts.changes,
                              lead: "The same thing measured at different times, one timeline per metric, oldest first.")
        if content.counts.changes == 0 { out += "<p class=\"none\">No changes over time were found.</p>\n" }
        for (index, timeline) in content.timelines.enumerated() {
            out += "<article class=\"timeline\" id=\"timeline-\(index + 1)\">\n<h3>\(Escaping.html(timeline.metric))"
            if let subject = timeline.subject { out += " <span class=\"subject\">· \(Escaping.html(subject))</span>" }
            out += "</h3>\n<ol class=\"points\">\n"
            for point in timeline.points {
                out += "<li class=\"point\"><span class=\"when\">\(Escaping.html(ReportContent.dateLabel(point)))</span>"
                if let value = point.claim.value { out += " <span class=\"value\">\(Escaping.html(ValueFormat.describe(value)))</span>" }
                out += " <span class=\"by\">\(sourceLink(point.document)) · \(claimLink(point, label: "claim"))</span>"
                out += "<span class=\"sentence\">\(quotation(point))</span></li>\n"
            }
            out += "</ol>\n<ul class=\"relation-list\">\n"
            for change in timeline.changes { out += relationItem(change) }
            out += "</ul>\n</article>\n"
        }
        return out + unlistedNote(.changeOverTime, content) + "</section>\n"
    }

    private static func agreements(_ content: ReportContent) -> String {
        var out = sectionHead(id: "agreements", title: "Agreements", count: content.counts.agreements,
                              lead: "Claims that other sources corroborate: the same value within its stated precision, the same event on the same date, or the same statement in other words.")
        if content.counts.agreements == 0 { out += "<p class=\"none\">No two sources corroborate each other.</p>\n" }
        for (index, group) in content.agreements.enumerated() {
            out += "<article class=\"agreement-group\" id=\"agreement-\(index + 1)\">\n"
            out += "<h3><span class=\"corroborated\">Corroborated by \(ReportContent.counted(group.sourceCount, "source"))</span> "
                + "<span class=\"metric\">\(Escaping.html(group.metric))</span></h3>\n<ul class=\"quotes\">\n"
            for side in group.sides {
                out += "<li><blockquote>\(quotation(side))</blockquote><p class=\"by\">\(sourceLink(side.document)) · "
                    + "\(Escaping.html(ReportContent.dateLabel(side))) · \(claimLink(side, label: "claim"))</p></li>\n"
            }
            out += "</ul>\n<ul class=\"relation-list\">\n"
            for agreement in group.agreements { out += relationItem(agreement) }
            out += "</ul>\n</article>\n"
        }
        return out + unlistedNote(.agreement, content) + "</section>\n"
    }

    private static func qualifierDifferences(_ content: ReportContent) -> String {
        guard content.counts.qualifierDifferences > 0 else { return "<section id=\"qualifier-differences\" hidden></section>\n" }
        var out = sectionHead(id: "qualifier-differences", title: "Differently qualified figures", count: content.counts.qualifierDifferences,
                              lead: "Figures that look alike but measure different things (goods and services, stock and flow, a region and the world): not contradictions.")
        for entry in content.qualifierDifferences { out += sideBySide(entry, kindClass: "qualifier") }
        return out + unlistedNote(.differentQualifier, content) + "</section>\n"
    }

    /// "… and N more …; every one is in FILE.", with the kind and the number for scripts; nothing when all are listed.
    private static func unlistedNote(_ kind: Relation.Kind, _ content: ReportContent) -> String {
        guard let note = content.unlistedNote(kind, file: { "<code>\($0)</code>" }) else { return "" }
        return "<p class=\"lead unlisted\" data-unlisted-kind=\"\(kind.rawValue)\" data-unlisted=\"\(content.unlisted[kind] ?? 0)\">\(note)</p>\n"
    }

    private static func sectionHead(id: String, title: String, count: Int, lead: String) -> String {
        "<section id=\"\(id)\">\n<h2>\(title) <span class=\"count\">\(count)</span></h2>\n<p class=\"lead\">\(Escaping.html(lead))</p>\n"
    }

    /// A relation as a card: what is measured, the explanation, then both sides next to each other.
    private static func sideBySide(_ entry: ReportContent.Entry, kindClass: String) -> String {
        let relation = entry.relation
        var out = "<article class=\"relation \(kindClass)\" id=\"\(Escaping.html(relation.id))\" data-kind=\"\(relation.kind.rawValue)\">\n"
        out += "<div class=\"relation-head\"><h3>\(Escaping.html(relation.metric))"
        if let subject = relation.subject { out += " <span class=\"subject\">· \(Escaping.html(subject))</span>" }
        out += "</h3> \(confidence(relation))</div>\n"
        out += "<p class=\"explanation\">\(Escaping.html(relation.explanation))</p>\n<div class=\"sides\">\n"
        for side in entry.sides {
            out += "<figure class=\"side\(side.isBetterSupported ? " better-supported" : "")\">\n"
            if side.isBetterSupported { out += "<p class=\"badge\">Better supported</p>\n" }
            out += "<blockquote>\(quotation(side))</blockquote>\n<figcaption><dl class=\"facts\">\n"
            out += "<dt>Source</dt><dd>\(sourceLink(side.document, long: true))</dd>\n"
            out += "<dt>Date</dt><dd>\(Escaping.html(sideDate(side)))</dd>\n"
            let section = ReportContent.sectionLabel(side.sectionPath, in: side.document)
            if !section.isEmpty { out += "<dt>Section</dt><dd>\(Escaping.html(section))</dd>\n" }
            if let value = side.claim.value { out += "<dt>Value</dt><dd>\(Escaping.html(valueLabel(value)))</dd>\n" }
            if let trust = side.trust {
                out += "<dt>Trust</dt><dd>\(ValueFormat.score(trust.score)) <span class=\"muted\">(\(ReportContent.agreementTally(trust)))</span></dd>\n"
            }
            out += "<dt>Claim</dt><dd>\(claimLink(side))</dd>\n</dl></figcaption>\n</figure>\n"
        }
        return out + "</div>\n</article>\n"
    }

    /// A relation as one line under a timeline or an agreement group.
    private static func relationItem(_ entry: ReportContent.Entry) -> String {
        let relation = entry.relation
        return "<li class=\"relation\" id=\"\(Escaping.html(relation.id))\" data-kind=\"\(relation.kind.rawValue)\">"
            + "\(Escaping.html(relation.explanation)) \(confidence(relation))</li>\n"
    }

    private static func confidence(_ relation: Relation) -> String {
        "<span class=\"confidence\" title=\"How sure the engine is, from 0 to 1\">confidence \(ValueFormat.score(relation.confidence))</span>"
    }

    private static func sideDate(_ side: ReportContent.Side) -> String {
        var label = ReportContent.dateLabel(side)
        if side.claim.date.basis != .none, let document = side.document {
            if let published = document.published { label += " · source published \(published.date)" } else { label += " · source undated" }
        }
        return label
    }

    private static func valueLabel(_ value: Quantity) -> String {
        let described = ValueFormat.describe(value)
        return value.qualifier == "exact" ? described : "\(described) (\(value.qualifier.replacingOccurrences(of: "_", with: " ")))"
    }

    // MARK: Shared pieces

    /// A sentence with the compared values in `<mark>`.
    static func quotation(_ side: ReportContent.Side) -> String {
        marked(side.claim.text, side.highlights)
    }

    /// Escaped text with the spans in `<mark>` (of class `markClass`, when given).
    static func marked(_ text: String, _ spans: [TextSpan], markClass: String? = nil) -> String {
        var out = ""
        appendMarked(text, spans, markClass: markClass, to: &out)
        return out
    }

    /// Appends `marked(text, spans, markClass:)` to `out`.
    static func appendMarked(_ text: String, _ spans: [TextSpan], markClass: String? = nil, to out: inout String) {
        let open = markClass.map { "<mark class=\"\($0)\">" } ?? "<mark>"
        Highlights.forEachSegment(of: text, marking: spans) { piece, isMarked in
            if isMarked { out += open }
            Escaping.appendHTML(piece, to: &out)
            if isMarked { out += "</mark>" }
        }
    }

    static func sourceAnchor(_ document: Document) -> String { "source-" + document.citationKey }

    /// A link to a source's entry: its title (`long`) or its citation key in brackets.
    static func sourceLink(_ document: Document?, long: Bool = false) -> String {
        guard let document else { return "<span class=\"muted\">unknown source</span>" }
        let href = "#" + Escaping.html(sourceAnchor(document))
        guard long else { return "<a class=\"cite\" href=\"\(href)\">[\(Escaping.html(document.citationKey))]</a>" }
        var out = "<a href=\"\(href)\">\(Escaping.html(document.title ?? document.source.path))</a>"
        if let site = document.site { out += " <span class=\"muted\">· \(Escaping.html(site))</span>" }
        return out
    }

    /// A link to the claim under its source, showing its id, or `label` with the id as its tooltip.
    static func claimLink(_ side: ReportContent.Side, label: String? = nil) -> String {
        let id = Escaping.html(side.claim.id)
        guard side.isListed else { return "<code class=\"claim-id\">\(id)</code>" }
        return label.map { "<a class=\"claim-id\" href=\"#\(id)\" title=\"claim \(id)\">\(Escaping.html($0))</a>" } ?? "<a class=\"claim-id\" href=\"#\(id)\">\(id)</a>"
    }
}
