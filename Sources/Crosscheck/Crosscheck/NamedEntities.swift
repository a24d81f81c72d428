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
    static func candidates(tokens: [Token]) -> (names: Set<String>, opening: String?) {
        var names = Set<String>()
        var opening: String?
        for (index, token) in tokens.enumerated() where token.isWord {
            let isAcronym = isAcronym(token.text)
            guard token.isCapitalized || isAcronym else { continue }
            var word = token.lower
            if word.utf8.last == UInt8(ascii: "s"), word.hasSuffix("’s") || word.hasSuffix("'s") { word = String(word.dropLast(2)) }
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


    /// For each claim, as ascending name ids: its names joined with the three names its document uses most
    /// (`entities`), and those of its own names that at most `uncommonLimit` claims use, counted in bands (`CountBand`)
    /// (`uncommon`: "Varquesszel", "Mitsubishi", not "Canada" in a Canada corpus). A sentence's first word counts as a name when the corpus uses it
    /// as one elsewhere ("Japan is …").
    ///
    /// Names are numbered in their sorted order, so ids do not depend on which thread met a name first, and a tie
    /// between names broken by id is broken by name; everything after the numbering counts ids, not strings.
    /// - Parameter documents: each claim's document index, or -1.
    /// - Returns: the two lists of each claim, and every name by its id.
    static func nameSets(candidates found: [(names: Set<String>, opening: String?)], documents: [Int], documentCount: Int,
                         uncommonLimit: Int, jobs: Int = 1) -> (entities: PackedLists<Int32>, uncommon: PackedLists<Int32>, names: [String]) {
        let slice = max(1, found.count / max(1, jobs * 8))
        let gathered = ParallelMap.map(Array(stride(from: 0, to: found.count, by: slice)), jobs: jobs, chunkSize: 1) { start in
            var names = Set<String>()
            for index in start..<min(found.count, start + slice) { names.formUnion(found[index].names) }
            return names
        }
        var known = Set<String>()
        for names in gathered { known.formUnion(names) }
        let names = known.sorted()
        let ids = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0)) })
        let own: [[Int32]] = ParallelMap.map(found, jobs: jobs) { names, opening in
            var result = names.map { ids[$0]! }
            if let opening, !names.contains(opening), let id = ids[opening] { result.append(id) }
            return result.sorted()
        }
        var claimsPerName = [Int](repeating: 0, count: ids.count)
        var perDocument = [[Int32: Int]](repeating: [:], count: documentCount)
        for (claim, names) in own.enumerated() {
            for id in names { claimsPerName[Int(id)] += 1 }
            if documents[claim] >= 0 { for id in names { perDocument[documents[claim]][id, default: 0] += 1 } }
        }
        let key: [[Int32]] = ParallelMap.map(perDocument, jobs: jobs) { table in
            table.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).filter { $0.value >= 2 }.map(\.key)
        }
        let entities = ParallelMap.map(Array(own.indices), jobs: jobs) { claim -> [Int32] in
            let document = documents[claim]
            guard document >= 0, !key[document].isEmpty else { return own[claim] }
            return Set(own[claim] + key[document]).sorted()
        }
        let frequency = claimsPerName.map(CountBand.floor)
        let uncommon = ParallelMap.map(own, jobs: jobs) { names in names.filter { frequency[Int($0)] <= uncommonLimit } }
        return (PackedLists(entities), PackedLists(uncommon), names)
    }
}
