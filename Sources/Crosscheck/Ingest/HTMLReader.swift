/// Reads an HTML page into blocks and metadata through libxml2.
enum HTMLReader {
    static func read(_ text: String) throws(ReadFailure) -> ReadSource {
        guard let document = HTMLDocument(utf8: text) else { throw .unparseable("libxml2 could not build a document from it") }
        var source = ReadSource(blocks: HTMLContentExtractor.blocks(of: document), metadata: HTMLMetadataExtractor.metadata(of: document))
        if isTruncated(text) {
            source.warnings.append("the page looks truncated (it stops before </body> or </html>, or inside a tag); what it holds was read, but text may be missing")
        }
        return source
    }

    /// A saved page that stops mid-way: it opened `<body>` or `<html>` but closes neither, or it ends inside a tag.
    static func isTruncated(_ text: String) -> Bool {
        let tail = text.utf8.suffix(2048)
        let tailString = String(decoding: tail, as: UTF8.self).lowercased()
        if let lastOpen = tailString.lastIndex(of: "<"), !tailString[lastOpen...].contains(">") { return true }
        let head = String(decoding: text.utf8.prefix(65536), as: UTF8.self).lowercased()
        let opensDocument = head.contains("<body") || head.contains("<html")
        return opensDocument && !tailString.contains("</body") && !tailString.contains("</html")
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
