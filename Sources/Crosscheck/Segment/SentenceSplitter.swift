/// Splits a paragraph into sentences, surviving abbreviations ("U.S.", "Mar. 6", "No. 1", initials),
/// decimals and currency ("C$35 billion", "$5.7 trillion"), quotes and parentheses.
public enum SentenceSplitter {
    /// Abbreviations after which a period never ends a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "mt", "jr", "sr", "no", "nos", "vs", "v", "e.g", "i.e", "cf", "al", "approx", "fig", "figs",
        "ca", "c", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov", "gen", "sen", "rep",
        "hon", "rt", "rev", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "pres", "mon", "tue", "tues", "wed", "thu", "thur",
        "thurs", "fri", "sat", "sun", "art", "sec", "vol", "pp", "p", "est", "dept", "univ", "assn", "bros", "ave", "blvd", "rd",
        "govt", "ph.d", "b.a", "m.a", "b.sc", "m.sc", "op", "ed", "eds", "cit", "ibid", "viz", "ft", "mme", "mlle", "hr", "min",
    ]

    /// Abbreviations that also end sentences: they end one when a typical sentence opener follows.
    static let sentenceFinalAbbreviations: Set<String> = [
        "u.s", "u.k", "u.n", "e.u", "etc", "inc", "ltd", "co", "corp", "a.m", "p.m", "u.s.a", "d.c", "plc", "llc", "jr", "sr",
    ]

    static let sentenceOpeners: Set<String> = [
        "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "in", "on", "at", "for", "but",
        "and", "however", "a", "an", "there", "as", "if", "when", "while", "after", "before", "since", "both", "some", "many",
        "most", "according", "his", "her", "their", "our", "meanwhile", "yet", "so", "still", "also", "then", "today", "last",
    ]

    /// Sentence spans in Unicode scalar offsets, trimmed of surrounding white space.
    public static func split(_ text: String) -> [TextSpan] {
        let scalars = Array(text.unicodeScalars)
        var spans: [TextSpan] = []
        var start = 0
        var index = 0
        let count = scalars.count

        func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }
        func isClosing(_ s: Unicode.Scalar) -> Bool { "\"'”’»)]".unicodeScalars.contains(s) }
        func isOpening(_ s: Unicode.Scalar) -> Bool { "\"'“‘«([".unicodeScalars.contains(s) }

        func emit(_ end: Int) {
            var from = start
            var to = end
            while from < to, isSpace(scalars[from]) { from += 1 }
            while to > from, isSpace(scalars[to - 1]) { to -= 1 }
            if from < to { spans.append(TextSpan(start: from, end: to)) }
            start = end
        }

        /// The word before a period at `index`, with its inner periods ("u.s", "e.g", "mar").
        func wordBefore(_ index: Int) -> String {
            var from = index
            while from > 0, scalars[from - 1].properties.isAlphabetic || scalars[from - 1] == "." { from -= 1 }
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[from..<index])
            return String(word).lowercased()
        }

        while index < count {
            let scalar = scalars[index]
            guard scalar == "." || scalar == "!" || scalar == "?" || scalar == "…" || scalar == "。" else {
                index += 1
                continue
            }
            var end = index + 1
            while end < count, scalars[end] == "." || scalars[end] == "!" || scalars[end] == "?" || scalars[end] == "…" { end += 1 }
            while end < count, isClosing(scalars[end]) { end += 1 }
            if end >= count {
                index = end
                break
            }
            guard isSpace(scalars[end]) else {
                index = end
                continue
            }
            var next = end
            while next < count, isSpace(scalars[next]) { next += 1 }
            guard next < count else { index = next; break }
            let following = scalars[next]
            // A lower-case continuation never starts a sentence ("values … such as", "U.S. congressional").
            if following.properties.isLowercase {
                index = end
                continue
            }
            if scalar == "." && end == index + 1 {
                let word = wordBefore(index)
                let bare = word.hasSuffix(".") ? String(word.dropLast()) : word
                let letters = bare.unicodeScalars.filter { $0 != "." }
                // Initials: "J. Smith", "Donald J. Trump".
                if letters.count == 1, letters.first!.properties.isUppercase || bare.count == 1, wordBefore(index).count == 1,
                   !(index >= 1 && scalars[index - 1].properties.isLowercase) {
                    index = end
                    continue
                }
                if abbreviations.contains(bare) {
                    index = end
                    continue
                }
                if sentenceFinalAbbreviations.contains(bare) {
                    var wordEnd = next
                    while wordEnd < count, scalars[wordEnd].properties.isAlphabetic { wordEnd += 1 }
                    var nextWord = String.UnicodeScalarView()
                    nextWord.append(contentsOf: scalars[next..<wordEnd])
                    if !sentenceOpeners.contains(String(nextWord).lowercased()) {
                        index = end
                        continue
                    }
                }
            }
            guard following.properties.isUppercase || following.properties.numericType != nil || isOpening(following)
                || !following.properties.isAlphabetic
            else {
                index = end
                continue
            }
            emit(end)
            index = end
        }
        emit(count)
        return spans
    }
}
