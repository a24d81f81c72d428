/// A word, number or symbol in a sentence, with its place in Unicode scalars.
struct Token: Hashable, Sendable {
    enum Kind: Hashable, Sendable { case word, number, symbol }

    var kind: Kind
    var text: String
    var start: Int
    var end: Int
    /// Lower-cased text, for comparisons.
    var lower: String
    /// True when white space separates this token from the previous one.
    var spaceBefore: Bool

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }
    var isCapitalized: Bool { text.unicodeScalars.first.map { $0.properties.isUppercase } ?? false }
}

/// Splits text into words, numbers (with thousands separators and decimals) and symbols.
enum Tokenizer {
    static func tokens(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 4)
        var index = 0
        var sawSpace = true
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
        func isLetter(_ s: Unicode.Scalar) -> Bool {
            if s.value < 128 { return (s.value | 0x20) >= 97 && (s.value | 0x20) <= 122 }
            return s.properties.isAlphabetic
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                sawSpace = true
                index += 1
                continue
            }
            let start = index
            let kind: Token.Kind
            if isDigit(scalar) {
                kind = .number
                index += 1
                while index < scalars.count {
                    let s = scalars[index]
                    if isDigit(s) { index += 1; continue }
                    // A separator counts only between digits: "129,425", "28.7"; not "2021." or "1, 2".
                    if (s == "," || s == ".") && index + 1 < scalars.count && isDigit(scalars[index + 1]) {
                        index += 1
                        continue
                    }
                    break
                }
            } else if isLetter(scalar) {
                kind = .word
                index += 1
                while index < scalars.count {
                    let s = scalars[index]
                    if isLetter(s) || isDigit(s) { index += 1; continue }
                    // Apostrophes and periods inside words: "Canada’s", "U.S", "e.g".
                    if (s == "’" || s == "'") && index + 1 < scalars.count && isLetter(scalars[index + 1]) {
                        index += 1
                        continue
                    }
                    break
                }
            } else {
                kind = .symbol
                index += 1
            }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[start..<index])
            let string = String(text)
            tokens.append(Token(kind: kind, text: string, start: start, end: index, lower: string.lowercased(), spaceBefore: sawSpace))
            sawSpace = false
        }
        return tokens
    }
}

extension String {
    /// The substring between two Unicode scalar offsets.
    func scalarSlice(_ start: Int, _ end: Int) -> String {
        let scalars = unicodeScalars
        let from = scalars.index(scalars.startIndex, offsetBy: start)
        let to = scalars.index(from, offsetBy: end - start)
        return String(scalars[from..<to])
    }

    /// The length in Unicode scalars, the unit of every span in the corpus.
    var scalarCount: Int { unicodeScalars.count }
}
