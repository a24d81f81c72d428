import Foundation

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


    /// A claim's names as ids of a `NameTable`: the names it writes as names, ascending, and its first word when that
    /// may be a name (`candidates(tokens:)`).
    struct ClaimNames: Sendable {
        var own: [Int32]
        var opening: Int32?

        static let none = ClaimNames(own: [], opening: nil)

        init(own: [Int32], opening: Int32?) {
            (self.own, self.opening) = (own, opening)
        }

        /// The names of a sentence's tokens, numbered in `table`.
        init(tokens: [Token], table: NameTable) {
            let (names, opening) = candidates(tokens: tokens)
            (own, self.opening) = table.ids(of: names, opening: opening)
        }
    }

    /// For each claim, as ascending name ids: its names joined with the three names its document uses most
    /// (`entities`), and those of its own names that at most `uncommonLimit` claims use, counted in bands (`CountBand`)
    /// (`uncommon`: "Varquesszel", "Mitsubishi", not "Canada" in a Canada corpus). A sentence's first word counts as a
    /// name when the corpus uses it as one elsewhere ("Japan is …").
    ///
    /// What is found does not depend on how `table` numbered the names: lists are only compared for a shared name, and a
    /// tie between two names a document uses equally often is broken by the names themselves.
    /// - Parameter documents: each claim's document index, or -1.
    /// - Returns: the two lists of each claim, and how many names the claims use.
    static func nameSets(claims found: [ClaimNames], documents: [Int], documentCount: Int, table: NameTable,
                         uncommonLimit: Int, jobs: Int = 1) -> (entities: PackedLists<Int32>, uncommon: PackedLists<Int32>, liveNames: Int) {
        let names = table.names
        // Which names some claim writes as a name: a first word is one only then.
        var isName = [Bool](repeating: false, count: names.count)
        for claim in found { for id in claim.own { isName[Int(id)] = true } }
        let known = isName
        let own: [[Int32]] = ParallelMap.map(found, jobs: jobs) { claim in
            guard let opening = claim.opening, known[Int(opening)], !claim.own.contains(opening) else { return claim.own }
            return (claim.own + [opening]).sorted()
        }
        var claimsPerName = [Int](repeating: 0, count: names.count)
        var perDocument = [[Int32: Int]](repeating: [:], count: documentCount)
        for (claim, ids) in own.enumerated() {
            for id in ids { claimsPerName[Int(id)] += 1 }
            if documents[claim] >= 0 { for id in ids { perDocument[documents[claim]][id, default: 0] += 1 } }
        }
        let key: [[Int32]] = ParallelMap.map(perDocument, jobs: jobs) { table in
            table.sorted { $0.value != $1.value ? $0.value > $1.value : names[Int($0.key)] < names[Int($1.key)] }
                .prefix(3).filter { $0.value >= 2 }.map(\.key)
        }
        let entities = ParallelMap.map(Array(own.indices), jobs: jobs) { claim -> [Int32] in
            let document = documents[claim]
            guard document >= 0, !key[document].isEmpty else { return own[claim] }
            return Set(own[claim] + key[document]).sorted()
        }
        let frequency = claimsPerName.map(CountBand.floor)
        let uncommon = ParallelMap.map(own, jobs: jobs) { names in names.filter { frequency[Int($0)] <= uncommonLimit } }
        return (PackedLists(entities), PackedLists(uncommon), claimsPerName.count { $0 > 0 })
    }
}

/// Names numbered as they are first met, for as long as a build or a watcher runs: a name keeps its id from one update
/// to the next, so that a document's names read once are read again as they were. Thread-safe.
final class NameTable: @unchecked Sendable {
    private var ids: [String: Int32] = [:]
    private var all: [String] = []
    private let lock = NSLock()

    /// Every name met so far, by id.
    var names: [String] { lock.withLock { all } }

    var count: Int { lock.withLock { all.count } }

    /// The ids of `names` (ascending) and of `opening`, numbering the names not met before.
    func ids(of names: Set<String>, opening: String?) -> (own: [Int32], opening: Int32?) {
        lock.withLock {
            func id(_ name: String) -> Int32 {
                if let id = ids[name] { return id }
                let id = Int32(all.count)
                ids[name] = id
                all.append(name)
                return id
            }
            return (names.map(id).sorted(), opening.map(id))
        }
    }
}
