/// Splits a paragraph into sentences, surviving abbreviations ("U.S.", "Mar. 6", "No. 1", initials),
/// decimals and currency ("C$35 billion", "$5.7 trillion"), quotes and parentheses.
public enum SentenceSplitter {
    /// Abbreviations after which a period never ends a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "mt", "jr", "sr", "vs", "e.g", "i.e", "cf", "al", "approx", "ca", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov", "sen", "hon", "rt", "lt", "sgt", "capt", "cmdr", "adm",
        "pres", "tues", "thur", "thurs", "dept", "univ", "assn", "bros", "ave", "blvd", "govt", "ph.d", "b.a", "m.a", "b.sc",
        "m.sc", "ibid", "viz", "mme", "mlle", "messrs", "esp", "incl",
    ]

    /// Short forms that are also ordinary words ("no", "art", "fig"): abbreviations only before a number ("No. 1", "Art. 5").
    static let numberedAbbreviations: Set<String> = ["no", "nos", "art", "sec", "vol", "fig", "figs", "p", "pp", "op", "ch", "para", "ed", "rev", "tel"]

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

        func isSpace(_ s: Unicode.Scalar) -> Bool { Tokenizer.isSpace(s) }
        func isClosing(_ s: Unicode.Scalar) -> Bool { "\"'”’»)]".unicodeScalars.contains(s) }
        func isOpening(_ s: Unicode.Scalar) -> Bool { "\"'“‘«([".unicodeScalars.contains(s) }

        // The first non-space scalars of the current sentence (four at most: enough to tell a list marker), and how far
        // they were looked for. Scanning on from there keeps a long run of abbreviations linear, not quadratic.
        var opening: [Unicode.Scalar] = []
        var openingScanned = 0

        func emit(_ end: Int) {
            var from = start
            var to = end
            while from < to, isSpace(scalars[from]) { from += 1 }
            while to > from, isSpace(scalars[to - 1]) { to -= 1 }
            if from < to { spans.append(TextSpan(start: from, end: to)) }
            start = end
            opening.removeAll(keepingCapacity: true)
            openingScanned = end
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
            // A line break ends a sentence: lines of a list or a poem never run together.
            if scalar == "\n" {
                emit(index)
                index += 1
                continue
            }
            // Ideographic stops need no space after them.
            if scalar == "。" || scalar == "！" || scalar == "？" {
                var end = index + 1
                while end < count, isClosing(scalars[end]) || scalars[end] == "」" || scalars[end] == "』" { end += 1 }
                emit(end)
                index = end
                continue
            }
            guard scalar == "." || scalar == "!" || scalar == "?" || scalar == "…" else {
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
                var wordEnd = next
                while wordEnd < count, scalars[wordEnd].properties.isAlphabetic { wordEnd += 1 }
                var nextWordScalars = String.UnicodeScalarView()
                nextWordScalars.append(contentsOf: scalars[next..<wordEnd])
                let nextWord = String(nextWordScalars).lowercased()
                let nextIsNumber = following.properties.numericType != nil
                // A list marker at the start of a sentence: "1. Institutionalizing …", "a. …".
                while openingScanned < index, opening.count <= 3 {
                    if !isSpace(scalars[openingScanned]) { opening.append(scalars[openingScanned]) }
                    openingScanned += 1
                }
                let sinceStart = opening
                if (1...3).contains(sinceStart.count) && sinceStart.allSatisfy({ $0.properties.numericType != nil })
                    || (sinceStart.count == 1 && sinceStart[0].properties.isLowercase) {
                    index = end
                    continue
                }
                // Initials ("J. Smith", "Donald J. Trump"), unless a sentence plainly starts after them ("Plan B. The rest").
                if bare.unicodeScalars.count == 1, bare.unicodeScalars.first!.properties.isAlphabetic, word.unicodeScalars.count == 1,
                   scalars[index - 1].properties.isUppercase, !sentenceOpeners.contains(nextWord) {
                    index = end
                    continue
                }
                if abbreviations.contains(bare) || (numberedAbbreviations.contains(bare) && nextIsNumber) {
                    index = end
                    continue
                }
                if sentenceFinalAbbreviations.contains(bare) && !sentenceOpeners.contains(nextWord) {
                    index = end
                    continue
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
