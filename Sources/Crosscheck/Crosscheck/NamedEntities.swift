/// The names a claim mentions (capitalised words past the first, acronyms), joined with the names its
/// document mentions most: two figures about different named things are never in conflict.
enum NamedEntities {
    /// Capitalised words that are not names.
    static let notNames: Set<String> = [
        "the", "a", "an", "in", "on", "at", "for", "and", "but", "or", "as", "by", "of", "to", "with", "from", "this", "that",
        "these", "those", "it", "its", "they", "their", "we", "our", "he", "she", "i", "cad", "usd", "eur", "gbp", "jpy", "aud",
        "am", "pm", "est", "et", "pt", "gmt", "utc", "us", "mr", "mrs", "ms", "dr",
    ]

    /// Names in a sentence; `opening` is the first word when it may be a name but is capitalised only for being first.
    static func candidates(in text: String) -> (names: Set<String>, opening: String?) { candidates(tokens: Tokenizer.tokens(text)) }

    static func candidates(tokens: [Token]) -> (names: Set<String>, opening: String?) {
        var names = Set<String>()
        var opening: String?
        for (index, token) in tokens.enumerated() where token.isWord {
            let isAcronym = isAcronym(token.text)
            guard token.isCapitalized || isAcronym else { continue }
            var word = token.lower
            if word.hasSuffix("’s") || word.hasSuffix("'s") { word = String(word.dropLast(2)) }
            if notNames.contains(word) || DateParsing.months[word] != nil || word.count < 2 { continue }
            if index == 0 && !isAcronym {
                if Terms.stopWords.contains(word) || SentenceSplitter.sentenceOpeners.contains(word) { continue }
                // "Nevpramir Software operates …": followed by another capitalised word, it is a name.
                if index + 1 < tokens.count, tokens[index + 1].isWord, tokens[index + 1].isCapitalized {
                    names.insert(Terms.stem(word))
                } else {
                    opening = Terms.stem(word)
                }
                continue
            }
            names.insert(Terms.stem(word))
        }
        return (names, opening)
    }

    /// Two or more capitals and digits ("NEON", "G7"); ASCII is checked by byte, as most words are.
    static func isAcronym(_ text: String) -> Bool {
        var count = 0
        for byte in text.utf8 {
            if byte >= 0x80 { return text.count >= 2 && text.allSatisfy { $0.isUppercase || $0.isNumber } }
            guard (65...90).contains(byte) || (48...57).contains(byte) else { return false }
            count += 1
        }
        return count >= 2
    }

    static func names(in text: String) -> Set<String> { candidates(in: text).names }

    /// Names of each sentence; a first word counts when the corpus uses it as a name elsewhere ("Japan is …").
    static func ownNames(candidates found: [(names: Set<String>, opening: String?)], jobs: Int = 1) -> [Set<String>] {
        var names = Set<String>()
        for entry in found { names.formUnion(entry.names) }
        let known = names
        return ParallelMap.map(found, jobs: jobs) { names, opening in
            guard let opening, known.contains(opening) else { return names }
            return names.union([opening])
        }
    }

    /// Per claim: its own names and the three names its document uses most.
    static func sets(claims: [Claim], own: [Set<String>], documentIndex: [String: Int], documentCount: Int, jobs: Int = 1) -> [Set<String>] {
        var counts = [[String: Int]](repeating: [:], count: documentCount)
        for (index, claim) in claims.enumerated() {
            guard let document = documentIndex[claim.document] else { continue }
            for name in own[index] { counts[document][name, default: 0] += 1 }
        }
        let key = ParallelMap.map(counts, jobs: jobs) { table in
            Set(table.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).filter { $0.value >= 2 }.map(\.key))
        }
        return ParallelMap.map(Array(claims.indices), jobs: jobs) { index in
            guard let document = documentIndex[claims[index].document] else { return own[index] }
            return own[index].union(key[document])
        }
    }

    /// Names of each claim's own sentence that few claims use ("Varquesszel", "Mitsubishi"), not "Canada" in a Canada corpus.
    static func uncommonOwnNames(own: [Set<String>], limit: Int, jobs: Int = 1) -> [Set<String>] {
        var counts: [String: Int] = [:]
        for set in own { for name in set { counts[name, default: 0] += 1 } }
        let frequency = counts
        return ParallelMap.map(own, jobs: jobs) { $0.filter { frequency[$0, default: 0] <= limit } }
    }

    /// Sets of names as sorted ids, for overlap tests on every candidate pair without hashing strings.
    /// Ids follow the names' sorted order, so that they do not depend on which thread met a name first.
    static func intern(_ sets: [Set<String>], jobs: Int = 1) -> [[Int32]] {
        var names = Set<String>()
        for set in sets { names.formUnion(set) }
        let ids = Dictionary(uniqueKeysWithValues: names.sorted().enumerated().map { ($1, Int32($0)) })
        return ParallelMap.map(sets, jobs: jobs) { set in set.map { ids[$0]! }.sorted() }
    }

    static func overlap(_ a: [Int32], _ b: [Int32]) -> Bool? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        var found = false
        SortedMerge.forEachCommon(a, b) { _, _ in
            found = true
            return false
        }
        return found
    }

    static func overlap(_ a: Set<String>, _ b: Set<String>) -> Bool? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        return !a.isDisjoint(with: b)
    }
}
