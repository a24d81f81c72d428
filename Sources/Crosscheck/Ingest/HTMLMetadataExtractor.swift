internal import CLibXML2
import Foundation

/// Reads what a page says about itself, keeping for every value where it was found.
///
/// Order of preference follows what publishers mean most reliably: structured data (JSON-LD,
/// Open Graph, Dublin Core) before `<title>`/`<h1>`/`<time>`, and those before dates in the text.
struct HTMLMetadataExtractor {
    typealias Node = HTMLDocument.Node

    private var metas: [(key: String, content: String)] = []
    private var titleElement: String?
    private var htmlLanguage: String?
    private var canonical: String?
    private var jsonLD: [[String: Any]] = []
    private var times: [(datetime: String, evidence: String, isPreferred: Bool, node: Node)] = []
    /// Paragraphs that open with a dateline, with its date.
    private var datelineParagraphs: [(match: DateMatch, text: String, node: Node)] = []
    /// Every `<time>` element (the first 50), in the order of the page.
    private var timeElements: [Node] = []
    /// Short date lines in elements whose class or id says "date", "byline", "posted"…: their first date.
    private var dateLines: [(match: DateMatch, text: String, node: Node)] = []
    /// `<span itemprop="datePublished">19 October 2019</span>`: the text of elements marked as a date without a value.
    private var itempropDateTexts: [(itemprop: String, text: String)] = []
    private var bylines: [String] = []
    private var labelledDates: [(label: String, text: String, container: Node?)] = []
    /// A labelled line as read: the kind of date its label names, and the date after the label.
    private struct LabelledDate {
        var kind: DateLabels.Kind
        var value: DatedValue
        var text: String
        var container: Node?
    }
    /// Short text nodes holding a year-like number, by position, for the date line next to the headline.
    private var yearTexts: [(sequence: Int, node: Node)] = []
    private var textSequence = 0
    /// The page's `<h1>`s (the first 8), each with the number of text nodes before it.
    private var headlines: [(sequence: Int, node: Node)] = []
    /// The elements that hold a headline (`<h1>` outside navigation, footers and forms): the page's own structure,
    /// whatever their class names say ("content right-sidebar", "blog-sidebar-layout"). Worked out once the page is read.
    private var headlinePath: Set<Node> = []
    private let document: HTMLDocument

    private init(document: HTMLDocument) {
        self.document = document
    }

    static func metadata(of document: HTMLDocument) -> SourceMetadata {
        guard let root = document.root else { return SourceMetadata() }
        var extractor = HTMLMetadataExtractor(document: document)
        if let lang = HTMLDocument.attribute(root, "lang"), !lang.isEmpty { extractor.htmlLanguage = lang }
        HTMLDocument.walk(from: root) { node in extractor.visit(node) }
        extractor.headlinePath = extractor.pathOfHeadlines()
        return extractor.result()
    }

    private mutating func visit(_ node: Node) -> Bool {
        if HTMLDocument.isText(node) {
            textSequence += 1
            collectLabelledDate(node)
            collectYearText(node)
            collectDatelineParagraph(node)
            return false
        }
        guard HTMLDocument.isElement(node) else { return false }
        let name = document.tag(node)
        switch name {
        case "meta":
            let key = HTMLDocument.attribute(node, "property") ?? HTMLDocument.attribute(node, "name")
                ?? HTMLDocument.attribute(node, "itemprop") ?? HTMLDocument.attribute(node, "http-equiv")
            if let key, let content = HTMLDocument.attribute(node, "content") {
                metas.append((Boilerplate.trimmingWhitespace(key.lowercased()), Boilerplate.trimmingWhitespace(content)))
            }
            return false
        case "title":
            if titleElement == nil { titleElement = HTMLDocument.text(of: node) }
            return false
        case "link":
            if let rel = HTMLDocument.attribute(node, "rel")?.lowercased(), rel.split(separator: " ").contains("canonical"),
               let href = HTMLDocument.attribute(node, "href"), canonical == nil {
                canonical = href.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return false
        case "script":
            if HTMLDocument.attribute(node, "type")?.lowercased().contains("ld+json") == true {
                let text = rawText(node)
                if let data = text.data(using: .utf8), let parsed = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
                    JSONLD.collectObjects(parsed, into: &jsonLD)
                } else if let salvaged = JSONLD.salvageDates(from: text) {
                    jsonLD.append(salvaged)
                }
            }
            return false
        case "style", "noscript", "template":
            return false
        case "h1":
            if headlines.count < 8 { headlines.append((textSequence, node)) }
        case "time":
            if times.count < 50, let datetime = HTMLDocument.attribute(node, "datetime") {
                let itemprop = HTMLDocument.attribute(node, "itemprop")?.lowercased()
                let evidence = itemprop.map { "<time itemprop=\"\($0)\" datetime>" }
                    ?? (HTMLDocument.hasAttribute(node, "pubdate") ? "<time pubdate datetime>" : "<time datetime>")
                let marks = ((HTMLDocument.attribute(node, "class") ?? "") + " " + (itemprop ?? "")).lowercased()
                let isPreferred = HTMLDocument.hasAttribute(node, "pubdate") || marks.contains("publi") || marks.contains("created")
                    || marks.contains("entry-date") || marks.contains("post-date")
                times.append((datetime, evidence, isPreferred, node))
            }
            if timeElements.count < 50 { timeElements.append(node) }
        default:
            break
        }
        if node.pointee.properties == nil { return true }
        if let itemprop = HTMLDocument.attribute(node, "itemprop")?.lowercased() {
            if itemprop == "author" || itemprop == "creator" {
                let text = HTMLDocument.text(of: node, limit: 200)
                if !text.isEmpty { bylines.append(text) }
            }
            if itemprop == "datepublished" || itemprop == "datemodified" || itemprop == "datecreated" || itemprop == "uploaddate" {
                if let content = HTMLDocument.attribute(node, "content") ?? HTMLDocument.attribute(node, "datetime")
                    ?? HTMLDocument.attribute(node, "title") {
                    metas.append(("itemprop:\(itemprop)", content))
                } else if itempropDateTexts.count < 10 {
                    itempropDateTexts.append((itemprop, HTMLDocument.text(of: node, limit: 120)))
                }
            }
        }
        collectDateLine(node, name: name)
        let isByline = name != "html" && name != "body" && (HTMLDocument.withAttributeBytes(node, "class") { bytes in
            ByteSearch.contains(bytes, Self.bylineStem) || ByteSearch.contains(bytes, Self.authorStem)
        } ?? false)
        if isByline, let cls = HTMLDocument.attribute(node, "class")?.lowercased(),
           cls.contains("byline") || cls.split(separator: " ").contains(where: { $0 == "author" || $0 == "author-name" || $0 == "by-author" }) {
            let text = HTMLDocument.text(of: node, limit: 200)
            if !text.isEmpty && text.count < 120 { bylines.append(text) }
        }
        return true
    }

    private static let bylineStem = Array("byline".utf8)
    private static let authorStem = Array("author".utf8)

    private func rawText(_ node: Node) -> String {
        var result = ""
        var child = node.pointee.children
        while let current = child {
            if let content = current.pointee.content { result += String(cString: content) }
            child = current.pointee.next
        }
        return result
    }

    /// "Published: …", "Date modified: 2024-11-02", "Updated …": the label and the text of its element.
    private mutating func collectLabelledDate(_ node: Node) {
        guard labelledDates.count < 20 else { return }
        // Cheap byte test first: almost no text node holds a date label.
        // A label opens a short text node ("Published:", "Date modified: 2024-11-02", "Publié le 12 février 2025 · …").
        let mayHoldLabel = HTMLDocument.withTextBytes(node) { bytes in
            guard bytes.count >= 5 && bytes.count < 200 else { return false }
            let head = UnsafeBufferPointer(rebasing: bytes.prefix(48))
            return DateLabels.stems.occur(in: head)
        } ?? false
        guard mayHoldLabel else { return }
        let text = HTMLDocument.withTextBytes(node) { String(decoding: $0, as: UTF8.self) } ?? ""
        let lower = text.lowercased()
        guard DateLabels.label(in: lower) != nil else { return }
        var container = node.pointee.parent
        // "Date modified: <time>2024-11-02</time>" splits the text; read the enclosing element.
        var full = container.map { HTMLDocument.text(of: $0, limit: 300) } ?? text
        if DateParsing.findDates(in: full, requireYear: true).isEmpty && DateParsing.parseValue(full) == nil
            && PublicationDates.firstDate(inLine: full) == nil, let parent = container?.pointee.parent {
            container = parent
            full = HTMLDocument.text(of: parent, limit: 300)
        }
        labelledDates.append((lower, full, container))
    }

    /// Keeps a paragraph that opens with a dateline ("27.1.2022 - Bei der Erinnerung an …"), the first few.
    private mutating func collectDatelineParagraph(_ node: Node) {
        guard datelineParagraphs.count < 4 else { return }
        let opensWithYear = HTMLDocument.withTextBytes(node) { bytes in bytes.count > 120 && Self.holdsYear(bytes, startingBefore: 29) } ?? false
        guard opensWithYear, let text = HTMLDocument.withTextBytes(node, { String(decoding: $0.prefix(64), as: UTF8.self) }),
              let match = PublicationDates.dateline(text, monthFirst: PublicationDates.readsMonthFirst(language: htmlLanguage)), match.precision == .day
        else { return }
        datelineParagraphs.append((match, text, node))
    }

    /// Keeps short text nodes that hold four digits beginning 19 or 20, the only ones that may be a date line.
    private mutating func collectYearText(_ node: Node) {
        guard yearTexts.count < 4000 else { return }
        let holdsYear = HTMLDocument.withTextBytes(node) { bytes in
            bytes.count >= 6 && bytes.count <= 120 && Self.holdsYear(bytes, startingBefore: bytes.count - 3)
        } ?? false
        if holdsYear { yearTexts.append((textSequence, node)) }
    }

    /// Whether four digits beginning 19 or 20 start before byte `limit` (at most `bytes.count - 3`).
    private static func holdsYear(_ bytes: UnsafeBufferPointer<UInt8>, startingBefore limit: Int) -> Bool {
        var index = 0
        while index < min(limit, bytes.count - 3) {
            let b = bytes[index]
            if (b == 0x31 && bytes[index + 1] == 0x39) || (b == 0x32 && bytes[index + 1] == 0x30) {
                if (0x30...0x39).contains(bytes[index + 2]) && (0x30...0x39).contains(bytes[index + 3]) { return true }
            }
            index += 1
        }
        return false
    }

    /// A date line just under (or just above) the page's headline: "21. Januar 2022 | Mobilität", "Datum: 22.12.2012".
    private func dateNextToHeadline() -> DatedValue? {
        let monthFirst = PublicationDates.readsMonthFirst(language: htmlLanguage)
        // A logo or site name may be the first <h1>; each headline is tried in turn.
        for (headline, element) in headlines {
            let near = yearTexts.filter { $0.sequence > headline - 12 && $0.sequence <= headline + 40 }
                .sorted { abs($0.sequence - headline - 1) < abs($1.sequence - headline - 1) }
            for (sequence, node) in near {
                let text = HTMLDocument.withTextBytes(node) { String(decoding: $0, as: UTF8.self) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                guard DateLabels.label(in: text.lowercased()) != .modified,
                      let match = PublicationDates.firstDate(inLine: text, monthFirst: monthFirst), let iso = match.iso else { continue }
                // The date right beside the page's headline (a blank text between them at most), in an element next to it,
                // is the article's whatever its class says ("teaser-meta" above an <h1>); any other must be outside foreign
                // content, and so must one beside another <h1> (a sidebar's).
                let isBeside = abs(sequence - headline - 1) <= 2 && element.pointee.parent.map(headlinePath.contains) == true
                    && node.pointee.parent?.pointee.parent == element.pointee.parent
                guard isBeside || !isInForeignContent(node) else { continue }
                // The line as a person reads it: the page's line breaks and indentation as single spaces.
                let line = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                return DatedValue(date: iso, precision: match.precision, evidence: "text near the headline: \"\(line.prefix(80))\"")
            }
        }
        return nil
    }

    private static let dateLineTags: Set<String> = ["div", "span", "p", "li", "small", "time", "abbr", "b", "strong", "em", "i", "font",
                                                     "td", "dd", "dt", "h2", "h3", "h4", "h5", "h6", "header", "section", "a", "ul", "address"]

    /// An element whose class or id names a date ("post-date", "entry-meta", "byline") and whose text is a short line
    /// holding one: its first complete date.
    private mutating func collectDateLine(_ node: Node, name: String) {
        guard dateLines.count < 40, Self.dateLineTags.contains(name) else { return }
        let isMarked = (HTMLDocument.withAttributeBytes(node, "class") { bytes in Self.holdsDateStem(bytes) } ?? false)
            || (HTMLDocument.withAttributeBytes(node, "id") { bytes in Self.holdsDateStem(bytes) } ?? false)
        guard isMarked else { return }
        var text = HTMLDocument.text(of: node, limit: 200)
        // <abbr class="published" title="Freitag, 6. Oktober 2017 um 04:00">vor 2 Jahren</abbr>
        if name == "abbr" || name == "span" || name == "time", let title = HTMLDocument.attribute(node, "title"),
           PublicationDates.firstDate(inLine: title) != nil {
            text = title
        }
        guard text.utf8.count >= 6, text.utf8.count <= 160 else { return }
        // "Last updated 7 March 2024" is a modification, read with the labelled dates.
        guard DateLabels.label(in: text.lowercased()) != .modified else { return }
        guard let match = PublicationDates.firstDate(inLine: text, monthFirst: PublicationDates.readsMonthFirst(language: htmlLanguage)) else { return }
        dateLines.append((match, text, node))
    }

    /// Class names are matched without regard to case ("PostDate", "articleDate").
    private static func holdsDateStem(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count < 400 && PublicationDates.dateClassStems.occur(in: bytes)
    }

    /// The ancestors of the page's headline: the `<h1>`s outside navigation, footers and forms whose text the page's
    /// title holds, else the first of them (a sidebar's or a logo's `<h1>` does not name the page).
    private func pathOfHeadlines() -> Set<Node> {
        let title = (meta(["og:title"])?.value ?? titleElement ?? "").lowercased()
        var candidates: [(ancestors: [Node], isTitle: Bool)] = []
        for (_, headline) in headlines {
            var ancestors: [Node] = []
            var current = headline.pointee.parent
            var isForeign = false
            while let element = current, HTMLDocument.isElement(element), ancestors.count < 60 {
                if PublicationDates.foreignTags.contains(document.tag(element)) { isForeign = true }
                ancestors.append(element)
                current = element.pointee.parent
            }
            guard !isForeign else { continue }
            let text = HTMLDocument.text(of: headline, limit: 200).lowercased()
            candidates.append((ancestors, text.utf8.count >= 8 && title.contains(text.prefix(40))))
        }
        let chosen = candidates.contains(where: \.isTitle) ? candidates.filter(\.isTitle) : Array(candidates.prefix(1))
        return Set(chosen.flatMap(\.ancestors))
    }

    /// Whether the node sits in the page's footer (a `<footer>`, or an element whose class or id begins with "footer").
    private func isInFooter(_ node: Node) -> Bool {
        var current: Node? = node
        var steps = 0
        while let element = current, steps < 60 {
            steps += 1
            if HTMLDocument.isElement(element) {
                if document.tag(element) == "footer" { return true }
                let marks = (HTMLDocument.attribute(element, "class") ?? "") + " " + (HTMLDocument.attribute(element, "id") ?? "")
                if PublicationDates.marks(marks, holdWordStartingWith: ["footer"]) { return true }
            }
            current = element.pointee.parent
        }
        return false
    }

    /// Whether the node sits in a comment, sidebar, footer, navigation or list of other articles. Containers that also
    /// hold the headline are the page's own, so the walk up stops at the first of them.
    private func isInForeignContent(_ node: Node) -> Bool {
        var current: Node? = node
        var steps = 0
        var inAside = false
        while let element = current, steps < 60 {
            steps += 1
            if HTMLDocument.isElement(element) {
                if headlinePath.contains(element) { return inAside }
                let name = document.tag(element)
                if name == "body" || name == "html" { return inAside }
                if PublicationDates.foreignTags.contains(name) { return true }
                if name == "aside" { inAside = true }
                if name == "article" || name == "header" { inAside = false }
                let marks = (HTMLDocument.attribute(element, "class") ?? "") + " " + (HTMLDocument.attribute(element, "id") ?? "")
                if PublicationDates.namesForeignContent(marks) { return true }
            }
            current = element.pointee.parent
        }
        return inAside
    }

    private func meta(_ keys: [String]) -> (value: String, evidence: String)? {
        for key in keys {
            if let found = metas.first(where: { $0.key == key && !$0.content.isEmpty }) {
                let attribute = key.hasPrefix("og:") || key.hasPrefix("article:") ? "property" : key.hasPrefix("itemprop:") ? "itemprop" : "name"
                let shownKey = key.hasPrefix("itemprop:") ? String(key.dropFirst(9)) : key
                return (found.content, "meta[\(attribute)=\"\(shownKey)\"]")
            }
        }
        return nil
    }

    private func result() -> SourceMetadata {
        var metadata = SourceMetadata()
        let ld = JSONLD(objects: jsonLD)

        // Site
        if let (value, evidence) = meta(["og:site_name", "application-name", "dcterms.publisher", "dc.publisher", "publisher"]) {
            metadata.site = Found(value: value, evidence: evidence)
        } else if let name = ld.publisherName {
            metadata.site = Found(value: name, evidence: "JSON-LD publisher.name")
        } else if let (value, evidence) = meta(["dcterms.creator", "dc.creator"]) {
            metadata.site = Found(value: value, evidence: evidence)
        }

        // Title
        if let (value, evidence) = meta(["og:title", "twitter:title", "dcterms.title", "dc.title"]), !value.isEmpty {
            metadata.title = Found(value: TitleCleaner.clean(value, site: metadata.site?.value), evidence: evidence)
        } else if let headline = ld.string("headline") ?? ld.string("name", articleOnly: true) {
            metadata.title = Found(value: headline, evidence: "JSON-LD headline")
        } else if let title = titleElement, !title.isEmpty {
            let cleaned = TitleCleaner.clean(title, site: metadata.site?.value)
            metadata.title = Found(value: cleaned, evidence: cleaned == title ? "<title>" : "<title> less the site suffix")
            if metadata.site == nil, let suffix = TitleCleaner.siteSuffix(of: title) {
                metadata.site = Found(value: suffix, evidence: "<title> suffix")
            }
        } else if let h1 = headlines.first.map({ HTMLDocument.text(of: $0.node) }), !h1.isEmpty {
            metadata.title = Found(value: h1, evidence: "<h1>")
        }

        // Authors
        if !ld.authors.isEmpty {
            metadata.authors = Found(value: ld.authors, evidence: "JSON-LD author")
        } else if let (value, evidence) = meta(["author", "article:author", "dc.creator.author", "parsely-author", "sailthru.author", "byl"]),
                  !value.hasPrefix("http") {
            metadata.authors = Found(value: Bylines.names(value), evidence: evidence)
        } else if let byline = bylines.first {
            let names = Bylines.names(byline)
            if !names.isEmpty { metadata.authors = Found(value: names, evidence: "byline element") }
        }

        // URL and language
        if let canonical, !canonical.isEmpty {
            metadata.url = Found(value: canonical, evidence: "link[rel=\"canonical\"]")
        } else if let (value, evidence) = meta(["og:url", "twitter:url"]) {
            metadata.url = Found(value: value, evidence: evidence)
        } else if let url = ld.string("url", articleOnly: true) {
            metadata.url = Found(value: url, evidence: "JSON-LD url")
        }
        if let htmlLanguage {
            metadata.language = Found(value: htmlLanguage, evidence: "<html lang>")
        } else if let (value, evidence) = meta(["content-language", "dc.language", "dcterms.language", "language", "og:locale"]) {
            metadata.language = Found(value: value.replacingOccurrences(of: "_", with: "-"), evidence: evidence)
        } else if let language = ld.string("inLanguage") {
            metadata.language = Found(value: language, evidence: "JSON-LD inLanguage")
        }

        // Dates: what the publisher wrote for machines, then the page's own URL, then the article's <time>,
        // then labelled date lines and elements marked as dates. Nothing from comments, sidebars or footers.
        // A meta tag that says "published" speaks of the page itself; a JSON-LD graph often describes several things (the
        // page, its videos, an earlier version), and comes next; then meta tags that say only "date" or "created".
        // Each labelled line ("Published: …", "Stand: …") read once: what it dates, and the date after its label.
        let labelled = labelledDates.compactMap { label, text, container -> LabelledDate? in
            guard let kind = DateLabels.label(in: label), let match = DateLabels.date(afterLabelIn: text), let iso = match.iso else { return nil }
            return LabelledDate(kind: kind, value: DatedValue(date: iso, precision: match.precision, evidence: "text: \"\(text.prefix(80))\""),
                                text: text, container: container)
        }
        let machinePublished = [
            meta(PublicationDates.explicitPublishedMetaKeys),
            ld.string("datePublished").map { ($0, "JSON-LD datePublished") },
            meta(PublicationDates.publishedMetaKeys),
            ld.string("dateCreated").map { ($0, "JSON-LD dateCreated") },
        ]
        metadata.published = firstDate(machinePublished).map { published in
            let value = machinePublished.compactMap { $0 }.first { published.evidence.hasPrefix($0.1) }?.0
            return onTheDayShown(value.map { readAsThePageDoes(published, value: $0, labelled: labelled) } ?? published)
        }
        metadata.modified = firstDate([
            ld.string("dateModified").map { ($0, "JSON-LD dateModified") },
            meta(PublicationDates.modifiedMetaKeys),
        ])
        if metadata.published == nil {
            metadata.published = publishedOutsideMetadata(urls: [metadata.url?.value, meta(["og:url"])?.value, ld.string("url")])
        }
        for line in labelled where !(line.container.map(isInForeignContent) ?? false) {
            if line.kind == .modified, metadata.modified == nil { metadata.modified = line.value }
            if line.kind == .published, metadata.published == nil { metadata.published = line.value }
        }
        // A page is not published after it was last modified: a meta tag that says only "date", later than the date the
        // page gives its last change, stamps something else (the time the page was served) and is set aside.
        if let published = metadata.published, let modified = metadata.modified, modified.date < published.date,
           let weak = meta(PublicationDates.publishedMetaKeys), published.evidence.hasPrefix(weak.evidence),
           meta(PublicationDates.explicitPublishedMetaKeys) == nil {
            metadata.published = nil
        }
        // "Last updated: 9 October 2017" in the page's footer dates the page when nothing else does.
        if metadata.published == nil, metadata.modified == nil {
            if let line = labelled.first(where: { $0.kind == .modified && ($0.container.map(isInFooter) ?? false) }) {
                metadata.modified = DatedValue(date: line.value.date, precision: line.value.precision, evidence: "footer text: \"\(line.text.prefix(80))\"")
            }
        }
        if metadata.published == nil { metadata.published = dateNextToHeadline() }
        if metadata.published == nil, let line = dateLines.first(where: { !isInForeignContent($0.node) }), let iso = line.match.iso {
            metadata.published = DatedValue(date: iso, precision: line.match.precision, evidence: "text: \"\(line.text.prefix(80))\"")
        }
        if metadata.published == nil, let (title, evidence) = meta(["og:title"]) ?? titleElement.map({ ($0, "<title>") }),
           let match = PublicationDates.dateline(title, monthFirst: PublicationDates.readsMonthFirst(language: htmlLanguage)), let iso = match.iso {
            metadata.published = DatedValue(date: iso, precision: match.precision, evidence: "\(evidence) opening with a date")
        }
        if metadata.published == nil, let paragraph = datelineParagraphs.first(where: { !isInForeignContent($0.node) }), let iso = paragraph.match.iso {
            let line = paragraph.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            metadata.published = DatedValue(date: iso, precision: .day, evidence: "a paragraph opening with a dateline: \"\(line.prefix(60))…\"")
        }
        // Last, what a page with no date line still gives away: the day its share image was uploaded, in the image's
        // URL path ("/files/2016/05/04/…") or upload time stamp ("20201007120909561.jpg"), and a footer's copyright line
        // stamped with the day the page was made.
        if metadata.published == nil, metadata.modified == nil {
            if let (url, evidence) = meta(["og:image", "twitter:image", "twitter:image:src"]),
               let match = PublicationDates.dateInURL(url) ?? PublicationDates.timestampInFileName(url), let iso = match.iso {
                metadata.published = DatedValue(date: iso, precision: .day, evidence: "\(evidence): the share image's URL path")
            } else if let stamp = footerCopyrightDate() {
                metadata.modified = stamp
            }
        }
        return metadata
    }

    /// A copyright line in the page's footer that gives a whole date ("Copyright © 19.12.2019 - 12:14 h by …"): the day
    /// the page was made. A year alone ("© 2019") says nothing of the page.
    private func footerCopyrightDate() -> DatedValue? {
        let monthFirst = PublicationDates.readsMonthFirst(language: htmlLanguage)
        for (_, node) in yearTexts.reversed() {
            let text = HTMLDocument.withTextBytes(node) { String(decoding: $0, as: UTF8.self) } ?? ""
            let lower = text.lowercased()
            guard lower.contains("©") || lower.contains("copyright"), let match = PublicationDates.firstDate(inLine: text, monthFirst: monthFirst),
                  match.precision == .day, let iso = match.iso, isInFooter(node)
            else { continue }
            let line = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return DatedValue(date: iso, precision: .day, evidence: "footer copyright line: \"\(line.prefix(80))\"")
        }
        return nil
    }

    /// The publication date when no metadata gives one: a full date in the URL, an `<itemprop=datePublished>` text,
    /// the article's `<time>` (a publication-marked one first), or a "Published …" line.
    private func publishedOutsideMetadata(urls: [String?]) -> DatedValue? {
        for url in urls.compactMap({ $0 }) {
            if let match = PublicationDates.dateInURL(url), let iso = match.iso {
                return DatedValue(date: iso, precision: .day, evidence: "URL path")
            }
        }
        for (itemprop, text) in itempropDateTexts where itemprop != "datemodified" {
            if let match = PublicationDates.firstDate(inLine: text, monthFirst: PublicationDates.readsMonthFirst(language: htmlLanguage)),
               let iso = match.iso {
                return DatedValue(date: iso, precision: match.precision, evidence: "itemprop=\"\(itemprop)\" text")
            }
        }
        // The same stamp on three or more `<time>`s is when a list of items was rendered, not when any was published.
        var stamps: [String: Int] = [:]
        for time in times { stamps[time.datetime, default: 0] += 1 }
        let articleTimes = times.filter { stamps[$0.datetime, default: 0] < 3 && !isInForeignContent($0.node) }
        let ordered = articleTimes.filter(\.isPreferred) + articleTimes.filter { !$0.isPreferred }
        for time in ordered where !time.evidence.contains("datemodified") {
            if let value = firstDate([(time.datetime, time.evidence)]) { return value }
        }
        return nil
    }

    /// A date written for machines names a day in some time zone (`2023-11-09T01:49:09Z` is the evening of the 8th in
    /// California; a CMS may store only the UTC day), and the day a person cites is the one the page shows. When the
    /// first date the article shows in a `<time>` is the day before or after, that is the day meant; a date further off
    /// is something else (an update, an event) and changes nothing.
    private func onTheDayShown(_ published: DatedValue) -> DatedValue {
        guard published.precision == .day, let shown = shownDate(), let iso = shown.match.iso,
              let days = DateParsing.daysBetween(published.date, iso), abs(days) == 1
        else { return published }
        let line = shown.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return DatedValue(date: iso, precision: .day, evidence: published.evidence + ", on the day the page shows: \"\(line.prefix(80))\"")
    }

    /// `11/01/2023` may be the 11th of January or the 1st of November; the page's language decides how it is read,
    /// unless a date the page itself shows (a labelled date, its `<time>`, its date line) is the other reading.
    private func readAsThePageDoes(_ published: DatedValue, value: String, labelled: [LabelledDate]) -> DatedValue {
        let parts = value.prefix(10).split(separator: "/")
        guard parts.count == 3, let first = Int(parts[0]), let second = Int(parts[1]), (1...12).contains(first), (1...12).contains(second),
              first != second, published.precision == .day
        else { return published }
        let numbers = published.date.split(separator: "-")
        guard numbers.count == 3 else { return published }
        let swapped = "\(numbers[0])-\(numbers[2])-\(numbers[1])"
        var shown: [(iso: String, text: String)] = []
        for line in labelled where line.kind == .published && !(line.container.map(isInForeignContent) ?? false) {
            shown.append((line.value.date, line.text))
        }
        if let time = shownDate(), let iso = time.match.iso { shown.append((iso, time.text)) }
        for line in dateLines where !isInForeignContent(line.node) { if let iso = line.match.iso { shown.append((iso, line.text)) } }
        guard let other = shown.first(where: { $0.iso == swapped }) else { return published }
        let line = other.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return DatedValue(date: swapped, precision: .day, evidence: published.evidence + ", read as the page shows it: \"\(line.prefix(80))\"")
    }

    /// The first complete date the article shows its readers in a `<time>`: its `datetime` when that has no time zone,
    /// and so is the local day, else its text. Nothing from comments, sidebars or footers, and no date marked as a
    /// modification. (Date lines are not read here: a site's header shows today's date in one.)
    private func shownDate() -> (match: DateMatch, text: String)? {
        let monthFirst = PublicationDates.readsMonthFirst(language: htmlLanguage)
        for node in timeElements where !isInForeignContent(node) {
            let marks = ((HTMLDocument.attribute(node, "itemprop") ?? "") + " " + (HTMLDocument.attribute(node, "class") ?? "")).lowercased()
            guard !marks.contains("modified"), !marks.contains("updated") else { continue }
            let text = HTMLDocument.text(of: node, limit: 120)
            if let datetime = HTMLDocument.attribute(node, "datetime"), !DateParsing.hasTimeZone(datetime),
               let match = DateParsing.parseValue(datetime), match.precision == .day {
                return (match, text)
            }
            if let match = PublicationDates.firstDate(inLine: text, monthFirst: monthFirst), match.precision == .day { return (match, text) }
        }
        return nil
    }

    private func firstDate(_ candidates: [(String, String)?]) -> DatedValue? {
        for candidate in candidates {
            guard let (value, evidence) = candidate, let parsed = DateParsing.parseValue(value) else { continue }
            let match = LocalDay.adjusted(parsed, value: value, language: htmlLanguage)
            guard let iso = match.iso else { continue }
            return DatedValue(date: iso, precision: match.precision, evidence: match == parsed ? evidence : evidence + ", UTC time on the local day")
        }
        return nil
    }
}

/// Labels that announce a publication or modification date in a page's text.
enum DateLabels {
    enum Kind { case published, modified }

    static let modifiedLabels = ["date modified", "last modified", "last updated", "updated", "modified", "mis à jour", "mise à jour",
                                 "date de modification", "aktualisiert", "actualizado", "aggiornato", "atualizado", "bijgewerkt", "stand:"]
    static let publishedLabels = ["date published", "datum:", "date:", "fecha:", "publication date", "first published", "published", "posted", "publié", "publiée", "date de publication",
                                  "veröffentlicht", "publicado", "pubblicato", "gepubliceerd", "released", "date issued", "issued",
                                  "erstellt am", "created on", "geplaatst op", "opublikowano", "publicerad", "written:"]

    /// Byte stems every label contains, for a fast first test.
    static let stems = ByteSearch.Needles(["datum:", "date:", "fecha:", "publi", "updat", "modif", "poste", "mis à", "mise à", "aktualis", "veröff",
                                           "actualiz", "aggiorn", "atualiz", "bijgew", "gepubl", "issued", "releas", "erstellt", "created",
                                           "geplaatst", "stand:", "written:"].map { Array($0.utf8) })

    /// The kind of the label that comes first in a line's opening ("Written: … / Updated: …" is a publication).
    static func label(in lowerText: String) -> Kind? {
        firstLabel(in: String(lowerText.prefix(60)))?.kind
    }

    /// The same for a line not yet lower-cased: only its opening is.
    static func label(inLine line: String) -> Kind? {
        firstLabel(in: line.prefix(60).lowercased())?.kind
    }

    /// The label that comes first in `lowerText` (the longer one where two start together), and where it ends, in bytes.
    private static func firstLabel(in lowerText: String) -> (kind: Kind, end: Int)? {
        // Searched as bytes: Foundation's `range(of:)` bridges the line for each of the labels.
        // One pass: at each byte, only the labels that start with it are tried; the first place any label starts
        // wins, with the longest label there (a modified label before a published one of the same length).
        var text = lowerText
        return text.withUTF8 { bytes -> (kind: Kind, end: Int)? in
            for start in bytes.indices {
                var best: (length: Int, kind: Kind)?
                for (label, kind) in labelsByFirstByte[Int(bytes[start])] where bytes.count - start >= label.count {
                    guard best == nil || label.count > best!.length else { continue }
                    var offset = 1
                    while offset < label.count && bytes[start + offset] == label[offset] { offset += 1 }
                    if offset == label.count { best = (label.count, kind) }
                }
                if let best { return (best.kind, start + best.length) }
            }
            return nil
        }
    }

    /// Each label's bytes and kind, under its first byte: modified labels first, then published, each in list order.
    private static let labelsByFirstByte: [[(bytes: [UInt8], kind: Kind)]] = {
        var table = [[(bytes: [UInt8], kind: Kind)]](repeating: [], count: 256)
        for (labels, kind) in [(modifiedLabels, Kind.modified), (publishedLabels, Kind.published)] {
            for label in labels { table[Int(label.utf8.first!)].append((Array(label.utf8), kind)) }
        }
        return table
    }()

    /// The first complete date after the first label in `text`.
    static func date(afterLabelIn text: String) -> DateMatch? {
        let lower = text.lowercased()
        // The label's end, in bytes of the lower-cased text, as a position in the text itself (lower-casing may change
        // a character's length; the text is then read from its start).
        let end = firstLabel(in: lower)?.end ?? 0
        let prefix = String(decoding: lower.utf8.prefix(end), as: UTF8.self)
        let offset = prefix.unicodeScalars.count
        let rest = text.scalarSlice(min(offset, text.scalarCount), text.scalarCount)
        if let value = DateParsing.parseValue(rest.trimmingCharacters(in: CharacterSet(charactersIn: ": \t\u{00A0}-–—").union(.whitespaces)).prefix(10).description),
           value.iso != nil { return value }
        // "Veröffentlicht am 16.08.2019": a written date or a numeric one, whichever comes first.
        return PublicationDates.firstDate(inLine: rest) ?? DateParsing.findDates(in: rest, requireYear: true).first
    }
}

/// Turns "By Jane Doe and John Roe, Reuters" into ["Jane Doe", "John Roe"].
enum Bylines {
    static func names(_ text: String) -> [String] {
        var value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for prefix in ["by ", "par ", "von ", "por ", "di ", "door ", "written by ", "author: ", "auteur : ", "auteur: "]
        where value.lowercased().hasPrefix(prefix) {
            value = String(value.dropFirst(prefix.count))
        }
        let parts = value.replacingOccurrences(of: " and ", with: ",").replacingOccurrences(of: " & ", with: ",")
            .replacingOccurrences(of: " et ", with: ",").replacingOccurrences(of: " und ", with: ",")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return parts.filter { part in
            let words = part.split(separator: " ")
            return !part.isEmpty && words.count <= 5 && !part.contains("@") && !part.lowercased().hasPrefix("http")
                && (part.first?.isUppercase ?? false)
        }
    }
}

/// Removes the site name from a page title ("Canada-Japan trade - Global Affairs Canada").
enum TitleCleaner {
    static let separators = [" | ", " - ", " — ", " – ", " :: ", " · ", " • ", " » "]

    static func clean(_ title: String, site: String?) -> String {
        var title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        for separator in separators {
            let parts = title.components(separatedBy: separator)
            guard parts.count > 1 else { continue }
            if let site, let last = parts.last, last.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(site) == .orderedSame || site.lowercased().contains(last.lowercased().trimmingCharacters(in: .whitespaces)) {
                title = parts.dropLast().joined(separator: separator)
                break
            }
            if let last = parts.last, last.split(separator: " ").count <= 7, parts.dropLast().joined(separator: separator).split(separator: " ").count >= 3 {
                title = parts.dropLast().joined(separator: separator)
                break
            }
        }
        return title.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func siteSuffix(of title: String) -> String? {
        for separator in separators {
            let parts = title.components(separatedBy: separator)
            if parts.count > 1, let last = parts.last?.trimmingCharacters(in: .whitespaces), !last.isEmpty, last.split(separator: " ").count <= 7 {
                return last
            }
        }
        return nil
    }
}
