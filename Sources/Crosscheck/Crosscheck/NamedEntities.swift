/// The names a claim mentions (capitalised words past the first, acronyms), joined with the names its
/// document mentions most: two figures about different named things are never in conflict.
enum NamedEntities {
    /// Capitalised words that are not names.
    static let notNames: Set<String> = [
        "the", "a", "an", "in", "on", "at", "for", "and", "but", "or", "as", "by", "of", "to", "with", "from", "this", "that",
        "these", "those", "it", "its", "they", "their", "we", "our", "he", "she", "i", "cad", "usd", "eur", "gbp", "jpy", "aud",
        "am", "pm", "est", "et", "pt", "gmt", "utc", "us", "mr", "mrs", "ms", "dr",
    ]

    static func names(in text: String) -> Set<String> {
        let tokens = Tokenizer.tokens(text)
        var names = Set<String>()
        for (index, token) in tokens.enumerated() where token.isWord {
            let isAcronym = token.text.count >= 2 && token.text.allSatisfy { $0.isUppercase || $0.isNumber }
            guard index > 0 || isAcronym, token.isCapitalized || isAcronym else { continue }
            var word = token.lower
            if word.hasSuffix("’s") || word.hasSuffix("'s") { word = String(word.dropLast(2)) }
            if notNames.contains(word) || DateParsing.months[word] != nil || word.count < 2 { continue }
            names.insert(Terms.stem(word))
        }
        return names
    }

    /// Per claim: its own names and the three names its document uses most.
    static func sets(claims: [Claim], documentIndex: [String: Int], documentCount: Int) -> [Set<String>] {
        let own = claims.map { names(in: $0.text) }
        var counts = [[String: Int]](repeating: [:], count: documentCount)
        for (index, claim) in claims.enumerated() {
            guard let document = documentIndex[claim.document] else { continue }
            for name in own[index] { counts[document][name, default: 0] += 1 }
        }
        let key = counts.map { table in
            Set(table.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).filter { $0.value >= 2 }.map(\.key))
        }
        return claims.enumerated().map { index, claim in
            guard let document = documentIndex[claim.document] else { return own[index] }
            return own[index].union(key[document])
        }
    }

    static func overlap(_ a: Set<String>, _ b: Set<String>) -> Bool? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        return !a.isDisjoint(with: b)
    }
}
