internal import CLibXML2
import Foundation

/// Walks a parsed page and keeps its content as blocks: headings with levels, paragraphs, list items,
/// table rows and block quotes. Scripts, styles, navigation, page headers and footers, forms, cookie
/// banners, hidden elements and link-dense blocks are dropped.
struct HTMLContentExtractor {
    typealias Node = HTMLDocument.Node

    /// Elements whose whole subtree is never content. A picture's caption (`figcaption`) speaks of the picture, often of
    /// the day it was taken ("in this 2006 file photo"), not of the article's subject.
    private static let droppedElements: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio",
        "form", "button", "select", "input", "textarea", "nav", "aside", "footer", "head", "title", "meta", "link", "map",
        "dialog", "menu", "label", "option", "figcaption",
    ]

    /// Elements that start and end a block.
    private static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "header", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5",
        "h6", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "caption", "figure", "figcaption", "address",
        "center", "body", "hr", "br", "details", "summary", "hgroup", "fieldset", "legend",
    ]

    /// Elements never dropped for their class or id: the page's frame and its text blocks.
    private static let neverChrome: Set<String> = ["html", "body", "main", "article", "h1", "h2", "h3", "h4", "h5", "h6", "p", "td", "tr", "table", "tbody"]

    private struct Frame {
        var kind: Block.Kind?
        var isLink = false
        var isBlock = false
        var isInlineCell = false
        /// How far above the main text's container this element is, when it is one of its ancestors (0: the container).
        var mainTextDistance: Int?
    }

    private var blocks: [Block] = []
    /// Whether each block lies where `MainText.keeps` would drop it.
    private var isFar: [Bool] = []
    private var buffer = WhitespaceCollapsingBuffer()
    private var bufferKind: Block.Kind = .paragraph
    /// How far the buffered text lies from the main text's container (`currentDistance()`).
    private var bufferDistance = 0
    private var linkBytes = 0
    private var frames: [Frame] = []
    private var linkDepth = 0
    private var preDepth = 0
    private var cellsInRow = 0
    /// Where the page's running text is (`MainText`); none until `blocks(of:)` finds it.
    private var mainText = MainText.none
    private let document: HTMLDocument

    private init(document: HTMLDocument) {
        self.document = document
    }

    /// Extracts the content blocks of `document`.
    static func blocks(of document: HTMLDocument) -> [Block] {
        guard let root = document.root else { return [] }
        var extractor = HTMLContentExtractor(document: document)
        let contentRoot = ContentRootFinder.contentRoot(below: root)
        extractor.mainText = MainText(below: contentRoot, document: document)
        if HTMLDocument.isElement(contentRoot) && contentRoot != root {
            extractor.open(contentRoot)
        }
        HTMLDocument.walk(
            from: contentRoot,
            visit: { node in extractor.visit(node) },
            leave: { node in extractor.close(node) })
        extractor.flush()
        // A page whose only text lies away from its container of running text (a teaser of a page behind a paywall,
        // a page drawn by scripts) keeps what little it has rather than being refused as empty.
        let isFar = extractor.isFar
        guard zip(extractor.blocks, isFar).contains(where: { block, isFar in
            if case .heading = block.kind { return false }
            return !isFar
        }) else { return extractor.blocks }
        return zip(extractor.blocks, isFar).filter { !$1 }.map(\.0)
    }

    private mutating func visit(_ node: Node) -> Bool {
        if HTMLDocument.isText(node) {
            _ = HTMLDocument.withTextBytes(node) { bytes in
                if buffer.isEmpty { (bufferKind, bufferDistance) = (currentKind(), currentDistance()) }
                let before = buffer.count
                if preDepth > 0 {
                    appendPreformatted(bytes)
                } else {
                    buffer.append(bytes)
                }
                if linkDepth > 0 { linkBytes += buffer.count - before }
            }
            return false
        }
        guard HTMLDocument.isElement(node) else { return false }
        if isDropped(node) { return false }
        open(node)
        return true
    }

    private mutating func open(_ node: Node) {
        let name = document.tag(node)
        var frame = Frame()
        if name == "br" || name == "hr" {
            flush()
            frames.append(frame)
            return
        }
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            frame.kind = .heading(level: Int(name.utf8.last! - UInt8(ascii: "0")))
        case "li", "dd", "dt": frame.kind = .listItem
        case "blockquote": frame.kind = .quote
        case "pre":
            frame.kind = .preformatted
            preDepth += 1
        case "tr": frame.kind = .tableRow
        case "a": frame.isLink = HTMLDocument.hasAttribute(node, "href")
        default: break
        }
        frame.mainTextDistance = mainText.distance(of: node)
        if name == "td" || name == "th" {
            if holdsBlocks(node) {
                frame.isBlock = true
                flush()
            } else {
                frame.isInlineCell = true
                if cellsInRow > 0 && !buffer.isEmpty { buffer.append(" | ") }
                cellsInRow += 1
            }
        } else if Self.blockElements.contains(name) {
            frame.isBlock = true
            flush()
            if name == "tr" { cellsInRow = 0 }
        }
        if frame.isLink { linkDepth += 1 }
        frames.append(frame)
    }

    private mutating func close(_ node: Node) {
        guard let frame = frames.popLast() else { return }
        if frame.isLink { linkDepth -= 1 }
        if case .preformatted = frame.kind { preDepth -= 1 }
        if frame.isBlock { flush() }
        if frame.isInlineCell { buffer.appendSpace() }
    }

    /// How far the current position lies from the main text's container: 0 inside it, else how many levels up its
    /// nearest ancestor on the main text's path is; outside every element of the path, `MainText.far`. On a page
    /// without running text, 0.
    private func currentDistance() -> Int {
        for frame in frames.reversed() {
            if let distance = frame.mainTextDistance { return distance }
        }
        return mainText.path.isEmpty ? 0 : MainText.far
    }

    private func currentKind() -> Block.Kind {
        for frame in frames.reversed() {
            if let kind = frame.kind { return kind }
        }
        return .paragraph
    }

    private mutating func appendPreformatted(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Keep line breaks inside <pre> as separate blocks; fold other white space.
        var line: [UInt8] = []
        for byte in bytes {
            if byte == 0x0A {
                line.withUnsafeBufferPointer { buffer.append($0) }
                line.removeAll()
                flush()
                bufferKind = .preformatted
            } else {
                line.append(byte)
            }
        }
        line.withUnsafeBufferPointer { buffer.append($0) }
    }

    private mutating func flush() {
        defer {
            buffer.removeAll()
            linkBytes = 0
        }
        guard !buffer.isEmpty else { return }
        let total = buffer.count
        // The buffer folds ASCII white space and never starts or ends with it.
        var text = buffer.string
        if text.unicodeScalars.first?.properties.isWhitespace == true || text.unicodeScalars.last?.properties.isWhitespace == true {
            text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard !text.isEmpty else { return }
        if case .heading(let level) = bufferKind {
            // A heading that is one link is the title of a teaser for another page.
            if level > 1 && linkBytes * 10 >= total * 9 { return }
        } else {
            // Navigation lists and "read more" links: most of the block is link text.
            if linkBytes * 2 > total && (total < 400 || linkBytes * 10 > total * 9) { return }
        }
        if Boilerplate.isChromeLine(text) || Boilerplate.isCallToAction(text) { return }
        text = UnicodeNormalization.nfc(text)
        blocks.append(Block(kind: bufferKind, text: text))
        if case .heading = bufferKind {
            isFar.append(false)
        } else {
            let isRow = bufferKind == .tableRow
            isFar.append(!mainText.keeps(length: total, linkBytes: linkBytes, distance: bufferDistance,
                                         isRowOrSentence: isRow || MainText.isSentence(text)))
        }
    }

    // MARK: Rules

    /// Elements that are never content, and hidden ones.
    private static func isNeverShown(_ node: Node, name: String) -> Bool {
        if droppedElements.contains(name) { return true }
        if HTMLDocument.hasAttribute(node, "hidden") { return true }
        if HTMLDocument.attribute(node, "aria-hidden")?.lowercased() == "true" { return true }
        return HTMLDocument.withAttributeBytes(node, "style") { style in
            // Spaces dropped: "display: none" as often as "display:none".
            let compact = style.filter { $0 != UInt8(ascii: " ") }
            return compact.withUnsafeBufferPointer { ByteSearch.contains($0, displayNone) || ByteSearch.contains($0, visibilityHidden) }
        } ?? false
    }

    private static let (displayNone, visibilityHidden) = (Array("display:none".utf8), Array("visibility:hidden".utf8))

    private func isDropped(_ node: Node) -> Bool {
        let name = document.tag(node)
        if Self.isNeverShown(node, name: name) { return true }
        if name == "header" && !Self.isInsideArticle(node) { return true }
        // Another composition than the one that holds the main text: a related post, a teaser. An <article> inside the
        // one that holds it is a part of it (a CMS's sections of one article).
        if name == "article" && mainText.isInArticle && mainText.path[node] == nil && !isInsideMainArticle(node) { return true }
        if let role = HTMLDocument.attribute(node, "role")?.lowercased(), Boilerplate.chromeRoles.contains(role) { return true }
        if Self.neverChrome.contains(name) || mainText.path[node] != nil { return false }
        if HTMLDocument.attribute(node, "itemprop")?.lowercased() == "articlebody" { return false }
        let chromeClass = HTMLDocument.withAttributeBytes(node, "class") { Boilerplate.isChrome(classOrID: $0) } ?? false
        return chromeClass || HTMLDocument.withAttributeBytes(node, "id") { Boilerplate.isChrome(classOrID: $0) } ?? false
    }

    /// Whether an ancestor of `node` is an `<article>` on the main text's path.
    private func isInsideMainArticle(_ node: Node) -> Bool {
        var parent = node.pointee.parent
        while let current = parent, HTMLDocument.isElement(current) {
            if mainText.path[current] != nil && HTMLDocument.hasName(current, "article") { return true }
            parent = current.pointee.parent
        }
        return false
    }

    private static func isInsideArticle(_ node: Node) -> Bool {
        var parent = node.pointee.parent
        while let current = parent, HTMLDocument.isElement(current) {
            if HTMLDocument.hasName(current, "article") || HTMLDocument.hasName(current, "main") { return true }
            parent = current.pointee.parent
        }
        return false
    }

    /// A layout cell: it holds paragraphs or tables of its own rather than a value.
    private static let layoutBlocks: Set<String> = ["p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "br"]

    private func holdsBlocks(_ node: Node) -> Bool {
        var child = node.pointee.children
        while let current = child {
            if HTMLDocument.isElement(current), Self.layoutBlocks.contains(document.tag(current)) { return true }
            child = current.pointee.next
        }
        return false
    }
}

/// Chooses the element that holds the page's main content: the article body, the article, or `<main>`.
enum ContentRootFinder {
    typealias Node = HTMLDocument.Node

    static func contentRoot(below root: Node) -> Node {
        var articleBodies: [Node] = []
        var articles: [Node] = []
        var mains: [Node] = []
        var body: Node?
        HTMLDocument.walk(from: root) { node in
            guard HTMLDocument.isElement(node) else { return false }
            if HTMLDocument.hasName(node, "script") || HTMLDocument.hasName(node, "style") || HTMLDocument.hasName(node, "head") { return false }
            if HTMLDocument.hasName(node, "body") { body = node }
            if HTMLDocument.attribute(node, "itemprop")?.lowercased() == "articlebody" { articleBodies.append(node) }
            if HTMLDocument.hasName(node, "article") { articles.append(node) }
            if HTMLDocument.hasName(node, "main") || HTMLDocument.attribute(node, "role")?.lowercased() == "main" { mains.append(node) }
            return true
        }
        // Each candidate's text is measured once.
        var lengths: [Node: Int] = [:]
        func length(_ node: Node) -> Int {
            if let known = lengths[node] { return known }
            let value = textLength(of: node)
            lengths[node] = value
            return value
        }
        let pageText = length(body ?? root)
        func substantial(_ node: Node) -> Bool { length(node) * 5 >= pageText || length(node) > 2000 }
        if mains.count == 1, let main = mains.first, substantial(main) {
            if articles.count == 1, let article = articles.first, length(article) * 2 >= length(main), isDescendant(article, of: main) {
                return article
            }
            return main
        }
        if articles.count == 1, substantial(articles[0]) { return articles[0] }
        if articleBodies.count == 1, substantial(articleBodies[0]) { return articleBodies[0] }
        return body ?? root
    }

    private static func isDescendant(_ node: Node, of ancestor: Node) -> Bool {
        var parent = node.pointee.parent
        while let current = parent {
            if current == ancestor { return true }
            parent = current.pointee.parent
        }
        return false
    }

    /// Bytes of text below a node, leaving out scripts and styles.
    static func textLength(of node: Node) -> Int {
        var total = 0
        HTMLDocument.walk(from: node) { current in
            if HTMLDocument.isElement(current) {
                return !(HTMLDocument.hasName(current, "script") || HTMLDocument.hasName(current, "style"))
            }
            if HTMLDocument.isText(current), let content = current.pointee.content {
                total += strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
            }
            return false
        }
        return total
    }
}

extension HTMLContentExtractor {
    /// Where a page's running text is: the element whose blocks hold the most text outside links (text counts for
    /// the parent of the block it lies in: the container of the article's paragraphs), and the path from it up to the
    /// root. Blocks far from that container are teasers, bylines and captions more often than article.
    ///
    /// Themes put layout words on the article's own wrappers (`widget Blog`, `page-block-container and-w-sidebar`), so
    /// the elements of the path are never dropped for their class or id, which would throw the article away with them.
    /// Hidden elements, comments and related articles (`Boilerplate.isOtherText`) are not searched: a long discussion is
    /// not the article.
    struct MainText {
        /// The container (0) and its ancestors, each with how many levels above the container it is (counting only the
        /// levels where the page branches).
        let path: [Node: Int]
        /// Whether the container lies in an `<article>`.
        private(set) var isInArticle = false
        /// Other containers that hold a good part of the running text (an article cut into sections, each in its own
        /// box): what lies in them is as near as what lies in the main one.
        private(set) var otherContainers: Set<Node> = []

        /// How far `element` is from the running text when it is on the path or one of the other containers.
        func distance(of element: Node) -> Int? {
            path[element] ?? (otherContainers.contains(element) ? 0 : nil)
        }

        /// The distance of text that lies beside the path, outside every one of its elements.
        static let far = Int.max

        /// A sentence: five words or more, ending as a sentence ends (`.`, `!`, `?`, `…`, `。`, perhaps before a quote) or
        /// as one that leads into a list or table does (`:`).
        static func isSentence(_ text: String) -> Bool {
            var scalars = text.unicodeScalars.reversed().drop { "\"'”’»)".unicodeScalars.contains($0) }.makeIterator()
            guard let last = scalars.next(), ".!?…。！？:".unicodeScalars.contains(last) else { return false }
            return text.utf8.count { $0 == UInt8(ascii: " ") } >= 4
        }

        /// No running text found (yet): every block is near.
        static var none: MainText { MainText() }

        private init() {
            path = [:]
        }

        init(below root: Node, document: HTMLDocument) {
            var scores: [Node: Int] = [:]
            HTMLDocument.walk(from: root) { node in
                if HTMLDocument.isElement(node) {
                    guard !isNeverShown(node, name: document.tag(node)) else { return false }
                    let isOtherText = HTMLDocument.withAttributeBytes(node, "class") { Boilerplate.isOtherText(classOrID: $0) } ?? false
                    return !isOtherText && !(HTMLDocument.withAttributeBytes(node, "id") { Boilerplate.isOtherText(classOrID: $0) } ?? false)
                }
                guard HTMLDocument.isText(node), let length = HTMLDocument.withTextBytes(node, { $0.count { $0 > 0x20 } }), length > 0 else {
                    return false
                }
                var current = node.pointee.parent
                while let element = current, HTMLDocument.isElement(element) {
                    let name = document.tag(element)
                    if name == "a" { return false }
                    if blockElements.contains(name), name != "br", name != "hr" {
                        if let parent = element.pointee.parent, HTMLDocument.isElement(parent) { scores[parent, default: 0] += length }
                        return false
                    }
                    current = element.pointee.parent
                }
                return false
            }
            // The most text; between equals, the first in the page (a dictionary has no order of its own).
            // (Two plain variables: an optional tuple captured by the closure read back garbage in a debug build.)
            var (best, bestScore): (Node?, Int) = (scores[root] == nil ? nil : root, scores[root] ?? 0)
            HTMLDocument.walk(from: root) { node in
                guard HTMLDocument.isElement(node) else { return false }
                if let score = scores[node], score > bestScore { (best, bestScore) = (node, score) }
                return true
            }
            // Levels are counted where the page branches: page builders wrap each block of an article in a column, an
            // inner column and a wrapper, each the only child of the one before, and those add no distance.
            var path: [Node: Int] = [:]
            var current = best
            var (distance, isInArticle) = (0, false)
            while let element = current, HTMLDocument.isElement(element) {
                if element != best, Self.branches(element, document: document) { distance += 1 }
                path[element] = distance
                isInArticle = isInArticle || HTMLDocument.hasName(element, "article")
                current = element.pointee.parent
            }
            self.path = path
            self.isInArticle = isInArticle
            // A quarter of the main container's text, and a few sentences' worth at least.
            let enough = max(bestScore / 4, 200)
            otherContainers = Set(scores.filter { $0.value >= enough && path[$0.key] == nil }.keys)
        }

        /// Whether an element holds more than one shown element.
        private static func branches(_ element: Node, document: HTMLDocument) -> Bool {
            var shown = 0
            var child = element.pointee.children
            while let node = child {
                if HTMLDocument.isElement(node), !isNeverShown(node, name: document.tag(node)) {
                    shown += 1
                    if shown > 1 { return true }
                }
                child = node.pointee.next
            }
            return false
        }

        /// Whether a paragraph, list item or row of `length` bytes (`linkBytes` of them in links), `distance` levels
        /// from the main text's container, is kept. Inside the container, all; one or two levels up (the article's
        /// wrappers, where its lede, subheads and other parts sit), blocks of 100 bytes or more, a table's rows (its
        /// figures) and whole sentences however short (bylines, dates, captions and teasers' headlines are not
        /// sentences); further away, only paragraphs long enough to be prose.
        /// `isRowOrSentence` is worked out only for the blocks one or two levels up.
        func keeps(length: Int, linkBytes: Int, distance: Int, isRowOrSentence: @autoclosure () -> Bool) -> Bool {
            switch distance {
            case 0: true
            case 1...2: length >= 100 || isRowOrSentence()
            default: length >= 300 && linkBytes * 10 < length
            }
        }
    }
}
