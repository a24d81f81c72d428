import Foundation

/// Where a page states when it was published, and how to read it there.
///
/// The order of trust follows htmldate's: metadata the publisher wrote for machines (meta tags, schema.org),
/// then the date in the page's own URL, then `<time>` elements in the article, then short date lines in
/// elements whose class or id says they hold a date. Dates in sidebars, comments, footers and lists of other
/// articles are someone else's; a bare number is never a date.
enum PublicationDates {
    /// Meta keys (lower case) for the original publication date, most specific first.
    static let publishedMetaKeys = [
        "article:published_time", "og:published_time", "og:article:published_time", "article:published", "itemprop:datepublished",
        "citation_publication_date", "citation_date", "citation_online_date", "dc.date.issued", "dcterms.issued", "dc.date.created",
        "dcterms.created", "dc.date.publication", "dcterms.date", "dc.date", "prism.publicationdate", "parsely-pub-date",
        "sailthru.date", "pubdate", "publishdate", "publish-date", "publish_date", "published_time", "published-date",
        "publication_date", "publication-date", "date_published", "datepublished", "article.published", "article:post_date",
        "article_date_original", "original-publish-date", "originalpublicationdate", "release_date", "date", "dc.created",
        "created", "date.created", "og:pubdate", "rnews:datepublished", "cxenseparse:recs:publishtime", "displaydate", "pdate",
        "ga-publishdate", "bt:pubdate", "itemprop:datecreated", "article.created", "timestamp", "dc.date.available",
        "uploaddate", "upload_date", "itemprop:uploaddate",
    ]
    /// The meta keys among those that name the publication itself ("article:published_time", "citation_publication_date",
    /// "dc.date.issued"), not merely a date ("date", "dc.date", "created", "timestamp").
    static let explicitPublishedMetaKeys = publishedMetaKeys.filter { key in
        ["publi", "issued", "pubdate", "pub-date", "post_date", "upload", "release", "citation_"].contains { key.contains($0) }
    }
    /// Meta keys for the last modification.
    static let modifiedMetaKeys = [
        "article:modified_time", "og:updated_time", "og:modified_time", "article:modified", "itemprop:datemodified",
        "dcterms.modified", "dc.date.modified", "last-modified", "lastmod", "modified", "revised", "dc.modified",
        "article.updated", "updated_time", "lastupdated", "date.modified", "cxenseparse:recs:articlemodifiedtime",
        "dateupdate", "dateupdated", "updatedate", "update_date", "last_updated", "last-updated",
    ]

    /// Class or id stems of elements that hold a page's date line ("post-date", "entry-meta", "byline", "fecha").
    static let dateClassStems = ByteSearch.Needles([
        "date", "datum", "fecha", "data-pub", "time", "publi", "posted", "submitted", "byline", "subline", "meta", "post-info",
        "postinfo", "entry-info", "article-info", "parution", "created", "calendar", "clock", "dateline", "timestamp",
    ].map { Array($0.utf8) })

    /// Class or id stems of containers whose dates belong to other content: comments, sidebars, related
    /// articles, footers, navigation.
    static let foreignStems: [String] = [
        "comment", "sidebar", "related", "recent", "popular", "footer", "teaser", "recommend", "trending", "reply", "aside",
        "nav", "menu", "newsletter", "mostread", "latest", "archive", "cookie", "share", "breadcrumb",
    ]

    /// Whether a class or id value names foreign content: one of its words ("off-canvas" is not "nav") begins with a stem.
    static func namesForeignContent(_ marks: String) -> Bool {
        self.marks(marks, holdWordStartingWith: foreignStems)
    }

    /// Whether a class or id value holds a word (its letters and digits, without case) that begins with one of `stems`.
    static func marks(_ marks: String, holdWordStartingWith stems: [String]) -> Bool {
        marks.lowercased().split { !($0.isLetter || $0.isNumber) }.contains { word in stems.contains { word.hasPrefix($0) } }
    }

    /// `<aside>` is foreign too, unless it sits in the article or its header (a box of facts about the article).
    /// A quotation's dates are those of what it quotes (an embedded post: "… (@someone) on Mar 12, 2018").
    static let foreignTags: Set<String> = ["footer", "nav", "form", "select", "option", "blockquote"]


    /// The date of a file named by its upload time: a name that opens with at least 14 digits that read as
    /// year, month, day, hour, minute and second ("20201007120909561.jpg"); nil for any other name.
    static func timestampInFileName(_ url: String) -> DateMatch? {
        let path = url.split(separator: "?").first.map(String.init) ?? url
        guard let name = path.split(separator: "/").last else { return nil }
        let digits = name.prefix { $0.isASCII && $0.isNumber }.compactMap { $0.wholeNumberValue }
        guard digits.count >= 14 else { return nil }
        func number(_ from: Int, _ count: Int) -> Int { digits[from..<(from + count)].reduce(0) { $0 * 10 + $1 } }
        let (year, month, day) = (number(0, 4), number(4, 2), number(6, 2))
        guard (1995...2100).contains(year), DateParsing.isValid(year: year, month: month, day: day),
              number(8, 2) < 24, number(10, 2) < 60, number(12, 2) < 60
        else { return nil }
        return DateMatch(start: 0, end: 8, year: year, month: month, day: day)
    }

    /// A complete date in a URL path: `/2019/10/19/`, `/2019-10-19-title`, `/20191019/`; nil for a year or month alone.
    static func dateInURL(_ url: String) -> DateMatch? {
        let scalars = Array(url.unicodeScalars)
        // Skip the scheme and host: digits in a host name are no date.
        var start = 0
        if let range = url.range(of: "://") {
            let afterScheme = url.unicodeScalars.distance(from: url.unicodeScalars.startIndex, to: range.upperBound)
            start = scalars[afterScheme...].firstIndex(of: "/") ?? scalars.count
        }
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from >= 0, from + count <= scalars.count else { return nil }
            var value = 0
            for index in from..<(from + count) {
                let v = scalars[index].value
                guard v >= 48 && v <= 57 else { return nil }
                value = value * 10 + Int(v - 48)
            }
            return value
        }
        func isDigit(_ index: Int) -> Bool { index >= 0 && index < scalars.count && scalars[index].properties.numericType != nil && scalars[index].value < 128 }
        var index = start
        while index + 8 <= scalars.count {
            defer { index += 1 }
            guard scalars[index] == "/" || scalars[index] == "-" || scalars[index] == "_", let year = number(index + 1, 4),
                  (1995...2099).contains(year) else { continue }
            let separator = index + 5 < scalars.count ? scalars[index + 5] : " "
            if separator == "/" || separator == "-" || separator == "_" || separator == "." {
                // 2019/10/19 or 2019-10-19 (one- or two-digit month and day)
                var cursor = index + 6
                let monthDigits = isDigit(cursor + 1) ? 2 : 1
                guard let month = number(cursor, monthDigits) else { continue }
                cursor += monthDigits
                guard cursor < scalars.count, scalars[cursor] == separator else { continue }
                cursor += 1
                let dayDigits = isDigit(cursor + 1) ? 2 : 1
                guard let day = number(cursor, dayDigits), !isDigit(cursor + dayDigits),
                      DateParsing.isValid(year: year, month: month, day: day) else { continue }
                return DateMatch(start: index + 1, end: cursor + dayDigits, year: year, month: month, day: day)
            }
            // 20191019, closed by a separator
            if let month = number(index + 5, 2), let day = number(index + 7, 2), !isDigit(index + 9),
               DateParsing.isValid(year: year, month: month, day: day) {
                return DateMatch(start: index + 1, end: index + 9, year: year, month: month, day: day)
            }
        }
        return nil
    }

    /// The first complete date in a short line of text: written ("19. Oktober 2019", "Oct 19, 2019") or numeric
    /// ("19.10.2019", "10/19/2019", "2019-10-19"). Numeric dates are read day first unless `monthFirst`
    /// (American English) or the reading is impossible otherwise.
    static func firstDate(inLine text: String, monthFirst: Bool = false) -> DateMatch? {
        let written = DateParsing.findDates(in: text, requireYear: true).first { $0.day != nil }
        let numeric = numericDates(in: text, monthFirst: monthFirst).first
        switch (written, numeric) {
        case let (written?, numeric?): return written.start <= numeric.start ? written : numeric
        case let (written?, nil): return written
        case let (nil, numeric?): return numeric
        default: return nil
        }
    }

    /// The date a title opens with, as a dateline: a few words at most, then a dash or a bar ("08.11.2021 | Online-Fachtag",
    /// "BERLIN, 27. Januar 2022 – …"). A date further into a sentence ("Am 27.1.2022 wurde …") is what the text is
    /// about, not when it was written.
    static func dateline(_ text: String, monthFirst: Bool = false) -> DateMatch? {
        let head = String(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(48))
        let dashes = [" - ", " – ", " — ", " | "].compactMap { head.range(of: $0)?.lowerBound }
        guard let dash = dashes.min() else { return nil }
        let before = head[..<dash]
        guard before.split(whereSeparator: \.isWhitespace).count <= 4 else { return nil }
        return firstDate(inLine: String(before), monthFirst: monthFirst)
    }

    /// Numeric dates with a four-digit year (or a two-digit one after dots, "19.10.19"), bounded by non-digits.
    static func numericDates(in text: String, monthFirst: Bool = false) -> [DateMatch] {
        let scalars = Array(text.unicodeScalars)
        var runs: [(start: Int, end: Int, value: Int)] = []
        var separators: [Unicode.Scalar] = []
        var index = 0
        var found: [DateMatch] = []
        func flush() {
            defer { runs.removeAll(); separators.removeAll() }
            guard runs.count >= 3 else { return }
            for first in 0...(runs.count - 3) {
                let a = runs[first], b = runs[first + 1], c = runs[first + 2]
                let sep1 = separators[first], sep2 = separators[first + 1]
                guard sep1 == sep2 else { continue }
                let lenA = a.end - a.start, lenB = b.end - b.start, lenC = c.end - c.start
                if lenA == 4, lenB <= 2, lenC <= 2, sep1 != "." || true {
                    if DateParsing.isValid(year: a.value, month: b.value, day: c.value) {
                        found.append(DateMatch(start: a.start, end: c.end, year: a.value, month: b.value, day: c.value))
                        return
                    }
                } else if lenA <= 2, lenB <= 2, lenC == 4 || (lenC == 2 && sep1 == ".") {
                    let year = lenC == 4 ? c.value : 2000 + c.value
                    let (day, month) = monthFirst && sep1 == "/" ? (b.value, a.value) : (a.value, b.value)
                    if DateParsing.isValid(year: year, month: month, day: day) {
                        found.append(DateMatch(start: a.start, end: c.end, year: year, month: month, day: day))
                        return
                    }
                    if DateParsing.isValid(year: year, month: day, day: month) {
                        found.append(DateMatch(start: a.start, end: c.end, year: year, month: day, day: month))
                        return
                    }
                }
            }
        }
        while index < scalars.count {
            let v = scalars[index].value
            if v >= 48 && v <= 57 {
                let start = index
                var value = 0
                while index < scalars.count, scalars[index].value >= 48 && scalars[index].value <= 57, index - start < 5 {
                    value = value * 10 + Int(scalars[index].value - 48)
                    index += 1
                }
                if index < scalars.count, scalars[index].value >= 48 && scalars[index].value <= 57 {
                    // A long number is no date part.
                    while index < scalars.count, scalars[index].value >= 48 && scalars[index].value <= 57 { index += 1 }
                    flush()
                    continue
                }
                runs.append((start, index, value))
                if index < scalars.count, [".", "/", "-"].contains(scalars[index]), index + 1 < scalars.count,
                   scalars[index + 1].value >= 48 && scalars[index + 1].value <= 57 {
                    separators.append(scalars[index])
                    index += 1
                    continue
                }
                separators.append(" ")
                flush()
                continue
            }
            index += 1
        }
        flush()
        return found
    }

    /// Whether numeric dates on a page in this language put the month first (American English).
    static func readsMonthFirst(language: String?) -> Bool {
        guard let language = language?.lowercased().replacingOccurrences(of: "_", with: "-") else { return false }
        return language == "en-us" || language == "en"
    }
}
