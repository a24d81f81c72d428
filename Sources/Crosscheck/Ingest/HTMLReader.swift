/// Reads an HTML page into blocks and metadata through libxml2.
enum HTMLReader {
    static func read(_ text: String) throws(ReadFailure) -> ReadSource {
        try read(parse(text), text: text)
    }

    /// The libxml2 parse alone.
    static func parse(_ text: String) throws(ReadFailure) -> HTMLDocument {
        guard let document = HTMLDocument(utf8: text) else { throw .unparseable("libxml2 could not build a document from it") }
        return document
    }

    /// Content and metadata of a parsed page.
    static func read(_ document: HTMLDocument, text: String) -> ReadSource {
        var source = ReadSource(blocks: HTMLContentExtractor.blocks(of: document), metadata: HTMLMetadataExtractor.metadata(of: document))
        if isTruncated(text) {
            source.warnings.append("the page looks truncated (it stops before </body> or </html>, or inside a tag); what it holds was read, but text may be missing")
        }
        return source
    }

    /// A saved page that stops mid-way: it opened `<body>` or `<html>` but closes neither, or it ends inside a tag.
    static func isTruncated(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        let tail = utf8[max(0, utf8.count - 2048)...]
        if let lastOpen = tail.lastIndex(of: UInt8(ascii: "<")), !tail[lastOpen...].contains(UInt8(ascii: ">")) { return true }
        let head = utf8[..<min(utf8.count, 65536)]
        let opensDocument = ByteSearch.contains(head, Array("<body".utf8)) || ByteSearch.contains(head, Array("<html".utf8))
        return opensDocument && !ByteSearch.contains(tail, Array("</body".utf8)) && !ByteSearch.contains(tail, Array("</html".utf8))
    }
}

/// Why a source could be decoded but not read.
enum ReadFailure: Error, Equatable, Sendable {
    case unparseable(String)
    case noText

    var reason: String {
        switch self {
        case .unparseable(let detail): "the page could not be parsed: \(detail)"
        case .noText: "no readable text was found in it (only markup, navigation or boilerplate)"
        }
    }
}
