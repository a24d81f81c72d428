/// A bibliography entry in CSL-JSON, the format Pandoc (`--citeproc`) and Zotero read.
struct CSLItem: Codable, Hashable, Sendable {
    struct Name: Codable, Hashable, Sendable {
        var family: String?
        var given: String?
        var literal: String?
    }

    struct DateParts: Codable, Hashable, Sendable {
        var dateParts: [[Int]]
        enum CodingKeys: String, CodingKey { case dateParts = "date-parts" }
    }

    var id: String
    var type: String
    var title: String?
    var author: [Name]?
    var containerTitle: String?
    var publisher: String?
    var url: String?
    var issued: DateParts?
    var language: String?
    var note: String?

    enum CodingKeys: String, CodingKey {
        case id, type, title, author
        case containerTitle = "container-title"
        case publisher
        case url = "URL"
        case issued, language, note
    }

    init(document: Document) {
        id = document.citationKey
        let hasAuthors = !document.authors.isEmpty
        type = document.source.format == .html ? (hasAuthors ? "article-newspaper" : "webpage") : "article"
        title = document.title
        author = hasAuthors ? document.authors.map { name in
            let person = PersonName(name)
            return person.family == nil ? Name(literal: person.literal) : Name(family: person.family, given: person.given)
        } : nil
        containerTitle = document.site
        url = WebLink.url(document.url)  // a javascript: URL would become a link in a rendered bibliography
        if let date = document.published ?? document.modified {
            let parts = date.date.split(separator: "-").compactMap { Int($0) }
            issued = DateParts(dateParts: [parts])
        }
        language = document.language
        note = "Source file: \(document.source.path) (sha256 \(document.source.sha256.prefix(12)))"
    }
}
