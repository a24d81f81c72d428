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
    static let spellings = WordTable<String>([
        "programme": "program", "programmes": "programs", "centre": "center", "centres": "centers", "defence": "defense",
        "labour": "labor", "organisation": "organization", "organisations": "organizations", "cooperation": "cooperation",
        "co-operation": "cooperation", "favour": "favor", "colour": "color", "licence": "license", "travelled": "traveled",
        "totalled": "totaled", "modelling": "modeling", "analyse": "analyze",
    ])

    static func stem(_ word: String) -> String {
        let word = spellings[word] ?? word
        // Every ending folded below ends in "s": any other word is its own stem, known before counting its characters.
        guard word.utf8.last == UInt8(ascii: "s"), word.count > 3 else { return word }
        if word.hasSuffix("ies") && word.count > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") || word.hasSuffix("ches") || word.hasSuffix("shes") || word.hasSuffix("xes") { return String(word.dropLast(2)) }
        if word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is") { return String(word.dropLast()) }
        return word
    }

    /// For similarity only: also folds verb endings ("deploying", "deployed" → "deploy").
    static func similarityStem(_ word: String) -> String {
        let word = stem(word)
        let last = word.utf8.last
        if last == UInt8(ascii: "g"), word.count > 6 && word.hasSuffix("ing") { return String(word.dropLast(3)) }
        if last == UInt8(ascii: "d"), word.count > 5 && word.hasSuffix("ed") && !word.hasSuffix("eed") { return String(word.dropLast(2)) }
        return word
    }

    /// The content term of a lower-case word, or nil for a stop word, a number word or a single letter.
    static func term(_ lower: String) -> String? {
        var word = lower
        if word.utf8.last == UInt8(ascii: "s"), word.hasSuffix("’s") || word.hasSuffix("'s") { word = String(word.dropLast(2)) }
        guard word.count > 1, !stopWords.contains(word), !Lexicon.numberWords.keys.contains(word) else { return nil }
        return similarityStem(word)
    }
}

/// Numbers the content terms of a run of claims in the order the run first meets them, looking each distinct word
/// up once (a corpus repeats its words endlessly). Runs are numbered on many threads; `SimilarityIndex` then numbers
/// their distinct terms for the whole corpus.
struct TermNumbering {
    /// What a run of claims hands over: its distinct terms, and each claim's terms as indices into them.
    struct Run: Sendable {
        var terms: [String]
        var rows: [[Int32]]
    }

    private(set) var terms: [String] = []
    private var idOfTerm: [String: Int32] = [:]
    /// -1 for a word that is not a term.
    private var idOfWord: [String: Int32] = [:]

    private mutating func id(ofTerm term: String) -> Int32 {
        if let id = idOfTerm[term] { return id }
        let id = Int32(terms.count)
        idOfTerm[term] = id
        terms.append(term)
        return id
    }

    /// The ids of the tokens' content terms (`Terms.term`), in order, with repeats.
    mutating func ids(of tokens: [Token]) -> [Int32] {
        var row: [Int32] = []
        for token in tokens where token.isWord {
            let number: Int32
            if let known = idOfWord[token.lower] {
                number = known
            } else {
                number = Terms.term(token.lower).map { id(ofTerm: $0) } ?? -1
                idOfWord[token.lower] = number
            }
            if number >= 0 { row.append(number) }
        }
        return row
    }
}
