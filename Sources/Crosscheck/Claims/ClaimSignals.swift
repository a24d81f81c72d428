/// A cheap first look at a sentence: could it state a checkable fact at all?
///
/// Most sentences have no digit and none of the words that make a claim without one (ordinals,
/// number words, superlatives, agreements, months, "year"); those skip tokenising entirely.
enum ClaimSignals {
    static let keywords: Set<String> = {
        var words: Set<String> = [
            "largest", "biggest", "greatest", "leading", "top", "year", "signed", "ratified", "force", "agreement", "treaty",
            "accord", "memorandum", "pact", "declaration", "convention", "dozen", "hundred", "thousands",
        ]
        words.formUnion(Lexicon.ordinals.keys)
        words.formUnion(Lexicon.numberWords.keys)
        words.formUnion(DateParsing.months.keys.filter { $0.count > 3 && $0.allSatisfy(\.isASCII) })
        return words
    }()

    static func mayHoldClaim(_ sentence: String) -> Bool {
        var word: [UInt8] = []
        word.reserveCapacity(16)
        var found = false
        var sentence = sentence
        sentence.withUTF8 { bytes in
            for byte in bytes {
                if byte >= 48 && byte <= 57 { found = true; return }
                if (byte | 0x20) >= 97 && (byte | 0x20) <= 122 {
                    word.append(byte | 0x20)
                    continue
                }
                if byte >= 0x80 {
                    // Non-ASCII letters (months like "février", digits in other scripts): look closer.
                    found = true
                    return
                }
                if !word.isEmpty {
                    if word.count <= 13 && keywords.contains(String(decoding: word, as: UTF8.self)) { found = true; return }
                    word.removeAll(keepingCapacity: true)
                }
            }
            if !word.isEmpty && word.count <= 13 && keywords.contains(String(decoding: word, as: UTF8.self)) { found = true }
        }
        return found
    }
}
