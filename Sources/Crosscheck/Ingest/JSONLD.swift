import Foundation

/// The schema.org objects of a page's JSON-LD, searched article-first.
struct JSONLD {
    var objects: [[String: Any]]

    private static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "report", "scholarlyarticle", "techarticle", "webpage", "liveblogposting", "socialmediaposting", "pressrelease",
    ]

    /// Flattens arrays and `@graph` into a list of objects.
    static func collectObjects(_ value: Any, into objects: inout [[String: Any]], depth: Int = 0) {
        guard depth < 8 else { return }
        if let array = value as? [Any] {
            for item in array { collectObjects(item, into: &objects, depth: depth + 1) }
        } else if let object = value as? [String: Any] {
            objects.append(object)
            // Objects nest: `@graph`, `mainEntity`, `itemListElement`… each may be the article.
            for key in object.keys.sorted() where key != "@context" {
                guard let nested = object[key], nested is [Any] || nested is [String: Any] else { continue }
                collectObjects(nested, into: &objects, depth: depth + 1)
            }
        }
    }

    /// Date properties read straight from JSON-LD text that does not parse (a trailing comma, a stray
    /// control character): `"datePublished": "2019-10-19T…"` becomes one object without a type.
    static func salvageDates(from text: String) -> [String: Any]? {
        var object: [String: Any] = [:]
        for key in ["datePublished", "dateCreated", "dateModified"] {
            guard let keyRange = text.range(of: "\"\(key)\"") else { continue }
            let rest = text[keyRange.upperBound...].drop { $0 == " " || $0 == ":" || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            guard rest.first == "\"" else { continue }
            let value = rest.dropFirst().prefix { $0 != "\"" }
            if !value.isEmpty && value.count < 60 { object[key] = String(value) }
        }
        return object.isEmpty ? nil : object
    }

    private func types(_ object: [String: Any]) -> [String] {
        if let type = object["@type"] as? String { return [type.lowercased()] }
        if let types = object["@type"] as? [String] { return types.map { $0.lowercased() } }
        return []
    }

    private var articles: [[String: Any]] {
        let found = objects.filter { types($0).contains(where: Self.articleTypes.contains) }
        // Prefer real articles over generic WebPage objects.
        return found.sorted { (types($0).contains("webpage") ? 1 : 0) < (types($1).contains("webpage") ? 1 : 0) }
    }

    func string(_ key: String, articleOnly: Bool = false) -> String? {
        for object in articles + (articleOnly ? [] : objects) {
            if let value = object[key] as? String, !value.isEmpty { return value.trimmingCharacters(in: .whitespacesAndNewlines) }
            if let values = object[key] as? [String], let first = values.first { return first }
            if let value = object[key] as? [String: Any], let id = value["@id"] as? String, key == "url" { return id }
        }
        return nil
    }

    var authors: [String] {
        for object in articles {
            guard let author = object["author"] ?? object["creator"] else { continue }
            var names: [String] = []
            func add(_ value: Any) {
                if let name = value as? String { names.append(name) }
                else if let object = value as? [String: Any], let name = object["name"] as? String { names.append(name) }
                else if let array = value as? [Any] { array.forEach(add) }
            }
            add(author)
            let cleaned = names.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            if !cleaned.isEmpty { return cleaned }
        }
        return []
    }

    var publisherName: String? {
        for object in articles + objects {
            if let publisher = object["publisher"] as? [String: Any], let name = publisher["name"] as? String, !name.isEmpty { return name }
        }
        return objects.first { types($0).contains("organization") || types($0).contains("newsmediaorganization") }?["name"] as? String
    }
}
