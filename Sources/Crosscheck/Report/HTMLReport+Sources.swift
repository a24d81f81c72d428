extension HTMLReport {
    /// Every source: its metadata with where each value was found, its trust, and its claims by section.
    static func sources(_ content: ReportContent, entries: SourceEntryCache? = nil, to emit: (String) throws -> Void) rethrows {
        var out = "<section id=\"sources\">\n<h2>Sources <span class=\"count\">\(content.sources.count)</span></h2>\n"
            + "<p class=\"lead\">Each source with what it says about itself (and where that was found), how far the other sources bear it out, and its claims by section."
        if !content.unlistedRelationCounts.isEmpty {
            out += " A claim’s “+N relations” counts those it takes part in that are not listed above; <code>crosscheck explain</code> with its id shows them all."
        }
        out += "</p>\n"
        try emit(out)
        try SourceEntryCache.emitEntries(of: content, from: entries, withRelations: true,
                                         render: { sourceEntry($0, number: $1, content: content) }, to: emit)
        try emit("</section>\n")
    }

    private static func sourceEntry(_ source: ReportContent.Source, number: Int, content: ReportContent) -> String {
        let document = source.document
        let webURL = WebLink.url(document.url)
        var out = "<article class=\"source\" id=\"\(Escaping.html(sourceAnchor(document)))\" data-document=\"\(Escaping.html(document.id))\">\n"
        out += "<header><p class=\"key\">\(number). [\(Escaping.html(document.citationKey))]</p><h3>\(Escaping.html(document.title ?? document.source.path))</h3>"
        var byline: [String] = []
        if !document.authors.isEmpty { byline.append(Escaping.html(document.authors.joined(separator: ", "))) }
        if let site = document.site { byline.append(Escaping.html(site)) }
        if let date = document.published { byline.append("published \(Escaping.html(date.date))") }
        if !byline.isEmpty { out += "<p class=\"byline\">\(byline.joined(separator: " · "))</p>" }
        out += "</header>\n<dl class=\"metadata\">\n"
        func row(_ label: String, _ value: String, evidence: String? = nil) {
            out += "<dt>\(label)</dt><dd>\(value)"
            if let evidence { out += " <span class=\"evidence\">from \(Escaping.html(evidence))</span>" }
            out += "</dd>\n"
        }
        if let title = document.title { row("Title", Escaping.html(title), evidence: document.evidence["title"]) }
        if !document.authors.isEmpty { row("Authors", Escaping.html(document.authors.joined(separator: ", ")), evidence: document.evidence["authors"]) }
        if let site = document.site { row("Site", Escaping.html(site), evidence: document.evidence["site"]) }
        if let url = document.url {
            let shown = webURL.map { "<a class=\"original\" href=\"\(Escaping.html($0))\">\(Escaping.html($0))</a>" } ?? "<span class=\"inert-url\">\(Escaping.html(url))</span>"
            row("URL", shown, evidence: document.evidence["url"])
        }
        for (label, date) in [("Published", document.published), ("Modified", document.modified)] {
            guard let date else { continue }
            row(label, "\(Escaping.html(date.date)) <span class=\"muted\">(\(date.precision.rawValue))</span>", evidence: date.evidence)
        }
        if let language = document.language { row("Language", Escaping.html(language), evidence: document.evidence["language"]) }
        let file = document.source
        row("File", "<code>\(Escaping.html(file.path))</code> <span class=\"muted\">· \(file.format.rawValue) · \(Escaping.html(file.encoding)) · "
            + "\(ValueFormat.plain(Double(file.bytes))) bytes · sha256 \(Escaping.html(String(file.sha256.prefix(12))))</span>")
        if let trust = source.trust {
            row("Trust", "<meter min=\"0\" max=\"1\" value=\"\(ValueFormat.score(trust.score))\"></meter> <strong>\(ValueFormat.score(trust.score))</strong> "
                + "<span class=\"muted\">· \(Escaping.html(trust.basis))</span>")
        }
        out += "</dl>\n"
        let claimCount = source.sections.reduce(0) { $0 + $1.claims.count }
        out += "<div class=\"claims\">\n<h4 class=\"claims-head\">\(claimCount) claim\(claimCount == 1 ? "" : "s")</h4>\n"
        // The same for every claim of the source: its citation and the link to the original.
        var cited = sourceLink(document)
        if let webURL { cited += " <a class=\"original\" href=\"\(Escaping.html(webURL))\">original</a>" }
        out.reserveCapacity(out.utf8.count + claimCount * (cited.utf8.count + 400))
        for section in source.sections {
            let label = ReportContent.sectionLabel(section.path, in: document)
            out += "<h5>\(label.isEmpty ? "(untitled section)" : Escaping.html(label))</h5>\n<ol>\n"
            for index in section.claims {
                let claim = content.claims[index]
                appendClaimItem(claim, cited: cited, relations: content.relationsByClaim[claim.id] ?? [], unlisted: content.unlistedRelations(ofClaimAt: index), to: &out)
            }
            out += "</ol>\n"
        }
        return out + "</div>\n</article>\n"
    }

    /// A claim with its anchor, its citation (`cited`, with the link to the original), its values and links to the
    /// listed relations it takes part in; `unlisted` counts the others.
    private static func appendClaimItem(_ claim: Claim, cited: String, relations: [Relation], unlisted: Int, to out: inout String) {
        out += "<li class=\"claim\" id=\""
        Escaping.appendHTML(claim.id, to: &out)
        out += "\"><span class=\"text\">"
        appendMarked(claim.text, claim.quantities.map(\.span), markClass: "quantity", to: &out)
        out += "</span> "
        out += cited
        out += "<span class=\"notes\">"
        let notes = ReportContent.notes(of: claim)
        for (index, note) in notes.enumerated() {
            if index > 0 { out += "; " }
            Escaping.appendHTML(note, to: &out)
        }
        if !notes.isEmpty { out += " · " }
        out += "<code>"
        Escaping.appendHTML(claim.id, to: &out)
        out += "</code>"
        for relation in relations {
            let label = switch relation.kind {
            case .contradiction: "contradiction"
            case .changeOverTime: "change"
            case .agreement: "agreement"
            case .differentQualifier: "differently qualified"
            }
            out += " <a class=\"rel \(relation.kind.rawValue)\" href=\"#\(Escaping.html(relation.id))\">\(label)</a>"
        }
        if unlisted > 0 { out += " <span class=\"unlisted\">+\(ReportContent.counted(unlisted, "relation"))</span>" }
        out += "</span></li>\n"
    }

    /// The files that could not be read, or were read with problems, and why.
    static func problems(_ content: ReportContent) -> String {
        var out = "<section id=\"problems\">\n<h2>Problems <span class=\"count\">\(content.problems.count)</span></h2>\n"
        guard !content.problems.isEmpty else { return out + "<p class=\"none\">Every file was read without problems.</p>\n</section>\n" }
        out += "<p class=\"lead\">Files that were rejected (nothing of them is in the corpus) or read with problems.</p>\n<ul class=\"problem-list\">\n"
        for problem in content.problems {
            out += "<li class=\"problem\"><code>\(Escaping.html(problem.path))</code> — \(Escaping.html(problem.reason))</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }
}
