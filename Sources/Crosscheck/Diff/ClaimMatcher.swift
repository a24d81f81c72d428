/// Pairs the claims of two versions of one document: the same sentence first, then the most similar.
enum ClaimMatcher {
    /// Two claims taken for one: by index into the old and the new claims.
    struct Match: Hashable {
        var old: Int
        var new: Int
        /// Word-token similarity for an edited sentence; nil when the sentences are the same.
        var similarity: Double?
    }

    struct Outcome {
        var matches: [Match] = []
        var removed: [Int] = []
        var added: [Int] = []
    }

    /// Matches claims one to one: identical sentences in order of appearance, then the remaining pairs
    /// at least `TokenSimilarity.threshold` alike, best first (nearer in the document on a tie).
    ///
    /// - Complexity: Linear in the claims for identical sentences; the rest are compared only with
    ///   claims sharing one of their rarest words (a prefix filter that cannot miss a pair over the
    ///   threshold), each comparison O(n · m) in their tokens.
    static func match(old: [Claim], new: [Claim]) -> Outcome {
        var outcome = Outcome()
        var unmatchedOld = [Bool](repeating: true, count: old.count)
        var byText: [String: [Int]] = [:]
        byText.reserveCapacity(old.count)
        for index in old.indices.reversed() { byText[old[index].text, default: []].append(index) }
        var leftNew: [Int] = []
        for (index, claim) in new.enumerated() {
            if let oldIndex = byText[claim.text]?.popLast() {
                outcome.matches.append(Match(old: oldIndex, new: index, similarity: nil))
                unmatchedOld[oldIndex] = false
            } else {
                leftNew.append(index)
            }
        }
        let leftOld = old.indices.filter { unmatchedOld[$0] }
        var taken = (old: Set<Int>(), new: Set<Int>())
        if !leftOld.isEmpty && !leftNew.isEmpty {
            let ranked = candidates(old: leftOld.map { old[$0].text }, new: leftNew.map { new[$0].text })
                .map { Candidate(old: leftOld[$0.old], new: leftNew[$0.new], similarity: $0.similarity) }
                .sorted(by: Candidate.ranksBefore)
            for candidate in ranked where !taken.old.contains(candidate.old) && !taken.new.contains(candidate.new) {
                taken.old.insert(candidate.old)
                taken.new.insert(candidate.new)
                outcome.matches.append(Match(old: candidate.old, new: candidate.new, similarity: candidate.similarity))
            }
        }
        outcome.removed = leftOld.filter { !taken.old.contains($0) }
        outcome.added = leftNew.filter { !taken.new.contains($0) }
        return outcome
    }

    /// A possible pair of an old and a new sentence, with their similarity.
    struct Candidate {
        var old: Int
        var new: Int
        var similarity: Double

        /// Best first; on a tie, the pair nearer in the document, then the earlier.
        static func ranksBefore(_ a: Candidate, _ b: Candidate) -> Bool {
            if a.similarity != b.similarity { return a.similarity > b.similarity }
            let aDistance = abs(a.old - a.new), bDistance = abs(b.old - b.new)
            if aDistance != bDistance { return aDistance < bDistance }
            return (a.old, a.new) < (b.old, b.new)
        }
    }

    /// Every pair of sentences at least `TokenSimilarity.threshold` alike, by index into the two lists.
    static func candidates(old: [String], new: [String]) -> [Candidate] {
        var interner = TokenInterner()
        let oldTokens = old.map { interner.intern(TokenSimilarity.words($0)) }
        let newTokens = new.map { interner.intern(TokenSimilarity.words($0)) }
        var frequency: [Int: Int] = [:]
        var postings: [Int: [Int]] = [:]
        for (index, tokens) in oldTokens.enumerated() {
            for token in Set(tokens) {
                frequency[token, default: 0] += 1
                postings[token, default: []].append(index)
            }
        }
        for tokens in newTokens { for token in Set(tokens) { frequency[token, default: 0] += 1 } }
        let threshold = TokenSimilarity.threshold
        // 2·L/(a+b) ≥ t with L ≤ a gives L ≥ t·b/(2−t): a pair over the threshold shares one of b's rarest b − that + 1 tokens.
        let overlapShare = threshold / (2 - threshold)
        var seen = [Int](repeating: -1, count: old.count)
        var found: [Candidate] = []
        for (newIndex, tokens) in newTokens.enumerated() where !tokens.isEmpty {
            let needed = Int((overlapShare * Double(tokens.count) - 1e-9).rounded(.up))
            let probes = tokens.sorted { (frequency[$0, default: 0], $0) < (frequency[$1, default: 0], $1) }.prefix(tokens.count - needed + 1)
            for token in Set(probes) {
                for oldIndex in postings[token] ?? [] where seen[oldIndex] != newIndex {
                    seen[oldIndex] = newIndex
                    let a = oldTokens[oldIndex].count, b = tokens.count
                    guard Double(2 * min(a, b)) >= threshold * Double(a + b) else { continue }
                    let similarity = TokenSimilarity.ratio(oldTokens[oldIndex], tokens)
                    if similarity >= threshold { found.append(Candidate(old: oldIndex, new: newIndex, similarity: similarity)) }
                }
            }
        }
        return found
    }
}
