/// Word-token similarity: how much of two sentences is the same words in the same order.
///
/// Words and numbers count, and symbols that carry meaning (`$`, `%`, `€`); punctuation does not, so
/// "Q1 $5.1m" and "Q2 $6.3m" stay apart while an edited number in a long sentence stays close.
enum TokenSimilarity {
    /// Two claims at least this similar, in the same document, are one claim changed.
    static let threshold = 0.75

    /// 2 · (longest common subsequence) / (total tokens), in [0, 1]; 1 for two empty sentences.
    static func ratio(_ a: [Int], _ b: [Int]) -> Double {
        let total = a.count + b.count
        guard total > 0 else { return 1 }
        return Double(2 * longestCommonSubsequence(a, b)) / Double(total)
    }

    /// The length of the longest common subsequence, in O(n · m) time and O(m) space.
    static func longestCommonSubsequence(_ a: [Int], _ b: [Int]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for (index, y) in b.enumerated() {
                current[index + 1] = x == y ? previous[index] + 1 : max(previous[index + 1], current[index])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The lower-cased tokens of a sentence that count for similarity.
    static func words(_ text: String) -> [String] {
        Tokenizer.tokens(text).compactMap { token in
            switch token.kind {
            case .word, .number: token.lower
            case .symbol: isMeaningful(token.text) ? token.text : nil
            }
        }
    }

    private static func isMeaningful(_ symbol: String) -> Bool {
        guard let scalar = symbol.unicodeScalars.first else { return false }
        switch scalar.properties.generalCategory {
        case .currencySymbol, .mathSymbol, .otherSymbol: return true
        default: return scalar == "%" || scalar == "‰"
        }
    }
}

/// Numbers for words, so that similarity compares integers.
struct TokenInterner {
    private var ids: [String: Int] = [:]

    mutating func intern(_ words: [String]) -> [Int] {
        words.map { word in
            if let id = ids[word] { return id }
            let id = ids.count
            ids[word] = id
            return id
        }
    }
}
