/// Content words of a text for lexical similarity: lower case, stop words out, plurals folded.
enum Terms {
    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is", "are", "was", "were",
        "be", "been", "being", "has", "have", "had", "it", "its", "this", "that", "these", "those", "their", "they", "them", "there",
        "which", "who", "whom", "what", "when", "where", "while", "than", "then", "also", "into", "over", "under", "about", "after",
        "before", "between", "both", "each", "more", "most", "other", "such", "some", "any", "all", "not", "no", "can", "could", "will",
        "would", "should", "may", "might", "must", "do", "does", "did", "so", "if", "per", "cent", "percent", "our", "we", "us", "he",
        "she", "his", "her", "s", "one", "two", "new", "well", "including", "through", "up", "out", "now", "just", "very", "many",
        "much", "since", "during", "within", "among", "across", "around", "according", "said", "says", "year", "years",
    ]

    /// Singular, lower-case form of a word: "relationships" → "relationship", "countries" → "country".
    /// British and American spellings fold together.
    static let spellings: [String: String] = [
        "programme": "program", "programmes": "programs", "centre": "center", "centres": "centers", "defence": "defense",
        "labour": "labor", "organisation": "organization", "organisations": "organizations", "cooperation": "cooperation",
        "co-operation": "cooperation", "favour": "favor", "colour": "color", "licence": "license", "travelled": "traveled",
        "totalled": "totaled", "modelling": "modeling", "analyse": "analyze",
    ]

    static func stem(_ word: String) -> String {
        let word = spellings[word] ?? word
        guard word.count > 3 else { return word }
        if word.hasSuffix("ies") && word.count > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") || word.hasSuffix("ches") || word.hasSuffix("shes") || word.hasSuffix("xes") { return String(word.dropLast(2)) }
        if word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is") { return String(word.dropLast()) }
        return word
    }

    /// For similarity only: also folds verb endings ("deploying", "deployed" → "deploy").
    static func similarityStem(_ word: String) -> String {
        let word = stem(word)
        if word.count > 6 && word.hasSuffix("ing") { return String(word.dropLast(3)) }
        if word.count > 5 && word.hasSuffix("ed") && !word.hasSuffix("eed") { return String(word.dropLast(2)) }
        return word
    }

    /// Content terms of tokens, in order, with repeats.
    static func terms(_ tokens: [Token]) -> [String] {
        var memo = Memo()
        return terms(tokens, memo: &memo)
    }

    /// The same, looking each distinct word up once per memo (a corpus repeats its words endlessly).
    static func terms(_ tokens: [Token], memo: inout Memo) -> [String] {
        var result: [String] = []
        for token in tokens where token.isWord {
            if let term = memo.term(token.lower) { result.append(term) }
        }
        return result
    }

    /// The content term of a lower-case word, or nil for a stop word, a number word or a single letter.
    static func term(_ lower: String) -> String? {
        var word = lower
        if word.hasSuffix("’s") || word.hasSuffix("'s") { word = String(word.dropLast(2)) }
        guard word.count > 1, !stopWords.contains(word), !Lexicon.numberWords.keys.contains(word) else { return nil }
        return similarityStem(word)
    }

    /// Terms of the words seen so far.
    struct Memo {
        private var known: [String: String?] = [:]

        mutating func term(_ lower: String) -> String? {
            if let known = known[lower] { return known }
            let term = Terms.term(lower)
            known[lower] = .some(term)
            return term
        }
    }
}
