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
            if let graph = object["@graph"] { collectObjects(graph, into: &objects, depth: depth + 1) }
        }
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
