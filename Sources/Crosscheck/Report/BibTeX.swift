/// `citations.bib`: one entry per source for LaTeX users, keyed by the same citation key as `citations.json`,
/// `report.md` and every claim. Sources with a web URL are `@online`, the others `@misc` (biblatex types; classic
/// BibTeX reads both). Field text is escaped for TeX; non-ASCII stays UTF-8, as biber and modern LaTeX read it.
enum BibTeX {
    static func render(_ documents: [Document]) -> String {
        var out = "% Written by crosscheck \(CrosscheckVersion.current): one entry per source, keyed as in citations.json and report.md.\n"
        for document in documents { out += "\n" + entry(document) }
        return out
    }

    static func entry(_ document: Document) -> String {
        let url = WebLink.url(document.url)
        var fields: [(String, String)] = []
        if let title = document.title {
            // Double braces keep the title's capitals under styles that lower-case titles.
            fields.append(("title", "{\(Escaping.bibTeX(title))}"))
        }
        if !document.authors.isEmpty { fields.append(("author", document.authors.map(name).joined(separator: " and "))) }
        if let site = document.site { fields.append(("organization", Escaping.bibTeX(site))) }
        if let date = document.published ?? document.modified {
            fields.append(("date", Escaping.bibTeX(date.date)))
            fields.append(("year", Escaping.bibTeX(String(date.date.prefix(4)))))
        }
        if let url { fields.append(("url", verbatimURL(url))) }
        fields.append(("note", Escaping.bibTeX("Source file: \(document.source.path) (sha256 \(document.source.sha256.prefix(12)))")))
        var out = "@\(url == nil ? "misc" : "online"){\(document.citationKey),\n"
        for (name, value) in fields { out += "  \(name) = {\(value)},\n" }
        return out + "}\n"
    }

    /// A person as `Family, Given`; an organisation (or any name BibTeX could split wrongly) in braces, taken whole.
    static func name(_ author: String) -> String {
        let person = PersonName(author)
        if let family = person.family, let given = person.given, !author.contains(","), !author.lowercased().contains(" and ") {
            return "\(Escaping.bibTeX(family)), \(Escaping.bibTeX(given))"
        }
        return "{\(Escaping.bibTeX(person.literal))}"
    }

    /// biblatex reads `url` verbatim, so TeX escapes would end up in the link: braces, backslashes and
    /// spaces are percent-encoded instead, which leaves the URL the same and the field balanced.
    static func verbatimURL(_ url: String) -> String {
        Escaping.rewrite(url) { scalar in
            switch scalar {
            case "{": "%7B"
            case "}": "%7D"
            case "\\": "%5C"
            case " ": "%20"
            default: nil
            }
        }
    }
}
