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
    /// Whether the first letter is upper case; an ASCII first byte is checked without Unicode properties.
    var isCapitalized: Bool {
        guard let first = text.utf8.first else { return false }
        if first < 0x80 { return (65...90).contains(first) }
        return text.unicodeScalars.first!.properties.isUppercase
    }
}

/// Splits text into words, numbers (with thousands separators and decimals) and symbols.
enum Tokenizer {
    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    @inline(__always)
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return (s.value | 0x20) >= 97 && (s.value | 0x20) <= 122 }
        return s.properties.isAlphabetic
    }

    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return s.value == 32 || (s.value >= 9 && s.value <= 13) }
        return s.properties.isWhitespace
    }

    static func tokens(_ text: String) -> [Token] {
        let view = text.unicodeScalars
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 5)
        var index = view.startIndex
        var offset = 0
        var sawSpace = true
        while index < view.endIndex {
            let scalar = view[index]
            if isSpace(scalar) {
                sawSpace = true
                view.formIndex(after: &index)
                offset += 1
                continue
            }
            let start = index
            let startOffset = offset
            let kind: Token.Kind
            view.formIndex(after: &index)
            offset += 1
            if isDigit(scalar) {
                kind = .number
                while index < view.endIndex {
                    let s = view[index]
                    if isDigit(s) {
                        view.formIndex(after: &index)
                        offset += 1
                        continue
                    }
                    // A separator counts only between digits: "129,425", "28.7"; not "2021." or "1, 2".
                    if s == "," || s == "." {
                        let after = view.index(after: index)
                        if after < view.endIndex, isDigit(view[after]) {
                            index = after
                            offset += 1
                            continue
                        }
                    }
                    break
                }
            } else if isLetter(scalar) {
                kind = .word
                while index < view.endIndex {
                    let s = view[index]
                    if isLetter(s) || isDigit(s) {
                        view.formIndex(after: &index)
                        offset += 1
                        continue
                    }
                    // Apostrophes inside words: "Canada’s".
                    if s == "’" || s == "'" {
                        let after = view.index(after: index)
                        if after < view.endIndex, isLetter(view[after]) {
                            index = after
                            offset += 1
                            continue
                        }
                    }
                    break
                }
            } else {
                kind = .symbol
            }
            let string = String(view[start..<index])
            tokens.append(Token(kind: kind, text: string, start: startOffset, end: offset, lower: lowercase(string), spaceBefore: sawSpace))
            sawSpace = false
        }
        return tokens
    }

    /// Lower case, without the Unicode tables for ASCII text.
    static func lowercase(_ text: String) -> String {
        var isASCII = true
        var hasUpper = false
        for byte in text.utf8 {
            if byte >= 0x80 { isASCII = false; break }
            if byte >= 65 && byte <= 90 { hasUpper = true }
        }
        if !isASCII { return text.lowercased() }
        if !hasUpper { return text }
        return String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
            var written = 0
            for byte in text.utf8 {
                buffer[written] = byte >= 65 && byte <= 90 ? byte | 0x20 : byte
                written += 1
            }
            return written
        }
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
