import Foundation

/// Gives every document a citation key like `doe2026carney` or `globalaffairs2024canada`:
/// who, year, first significant title word; `a`, `b` … after it when two documents would share one.
enum CitationKeys {
    private static let stopWords: Set<String> = [
        "the", "a", "an", "of", "and", "in", "on", "for", "to", "with", "what", "is", "how", "why", "who", "are", "as", "at", "by",
        "from", "its", "this", "that", "be", "has", "have", "between", "le", "la", "les", "de", "du", "des", "et", "un", "une",
    ]

    /// - Parameter memo: bases worked out before (a watcher's, kept from update to update), used and brought up to date;
    ///   it is left holding the bases of these documents only.
    static func assign(to documents: inout [Document], memo: Memo? = nil) {
        let bases = memo?.bases(of: documents) ?? documents.map(base(for:))
        var groups: [String: [Int]] = [:]
        for (index, base) in bases.enumerated() { groups[base, default: []].append(index) }
        for (base, indices) in groups {
            if indices.count == 1 {
                documents[indices[0]].citationKey = base
                continue
            }
            // Order within a clash by document id, so keys never depend on file names or run order.
            let ordered = indices.sorted { documents[$0].id < documents[$1].id }
            for (position, index) in ordered.enumerated() {
                documents[index].citationKey = base + suffix(position)
            }
        }
    }

    /// The base keys of the documents last given, by everything a base is made from: a base is worked out again only
    /// for a document whose metadata is new (folding and splitting the names and titles of a thousand documents was
    /// most of putting a watcher's corpus together).
    final class Memo: @unchecked Sendable {
        /// What `base(for:)` reads of a document.
        struct Basis: Hashable {
            var author: String?
            var site: String?
            var url: String?
            var date: String?
            var title: String?

            init(_ document: Document) {
                (author, site, url, title) = (document.authors.first, document.site, document.url, document.title)
                date = (document.published ?? document.modified)?.date
            }
        }

        private var bases: [Basis: String] = [:]
        private let lock = NSLock()

        init() {}

        func bases(of documents: [Document]) -> [String] {
            lock.withLock {
                var kept: [Basis: String] = Dictionary(minimumCapacity: documents.count)
                let result = documents.map { document in
                    let basis = Basis(document)
                    let base = kept[basis] ?? bases[basis] ?? CitationKeys.base(for: document)
                    kept[basis] = base
                    return base
                }
                bases = kept
                return result
            }
        }
    }

    private static func suffix(_ position: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return position < 26 ? String(letters[position]) : "\(position + 1)"
    }

    static func base(for document: Document) -> String {
        let who: String
        if let author = document.authors.first, let family = PersonName(author).family {
            who = slug(family, words: 1)
        } else if let site = document.site {
            who = slug(site, words: 2)
        } else if let host = document.url.flatMap({ URL(string: $0)?.host }) {
            who = slug(host.replacingOccurrences(of: "www.", with: "").components(separatedBy: ".").first ?? host, words: 1)
        } else {
            who = "anon"
        }
        let year = (document.published ?? document.modified).map { String($0.date.prefix(4)) } ?? "nd"
        let word = document.title.flatMap { title in
            title.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
                .first { !stopWords.contains($0) && $0.count > 2 }
        }.map { slug($0, words: 1) } ?? "untitled"
        return (who.isEmpty ? "anon" : who) + year + word
    }

    /// Lower-case ASCII letters and digits of the first `words` significant words.
    static func slug(_ text: String, words: Int) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX")).lowercased()
        let parts = folded.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
            .map(String.init).filter { !stopWords.contains($0) }
        return parts.prefix(words).joined()
    }
}

/// A person's name split for citation: "Jane Doe" → family "Doe", given "Jane". Organisations have no family name.
struct PersonName {
    var family: String?
    var given: String?
    var literal: String

    private static let organisationWords: Set<String> = [
        "government", "agency", "ministry", "department", "office", "council", "foundation", "institute", "university",
        "association", "group", "team", "staff", "editorial", "editors", "news", "press", "inc", "ltd", "corporation", "bureau",
        "affairs", "reuters", "service", "services", "committee", "centre", "center", "society", "chamber", "rédaction", "board",
        "statistics", "development", "commission", "authority", "embassy", "parliament", "ministère", "ministerium",
        "bundesamt", "agence", "secretariat", "organization", "organisation", "company",
    ]

    init(_ name: String) {
        literal = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let words = literal.split(separator: " ").map(String.init)
        guard (2...4).contains(words.count), words.allSatisfy({ $0.first?.isUppercase ?? false }),
              !words.contains(where: { Self.organisationWords.contains($0.lowercased()) }) else { return }
        family = words.last
        given = words.dropLast().joined(separator: " ")
    }
}
