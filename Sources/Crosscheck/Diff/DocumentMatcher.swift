/// One document in one or both corpora, with its claims in document order.
struct DocumentPair {
    var old: Document?
    var new: Document?
    var oldClaims: [Claim]
    var newClaims: [Claim]
}

/// Pairs the documents of two corpora: by id (the same bytes), then by source path (a file edited in
/// place), then by claim overlap (a file renamed and edited), the rest added or removed.
enum DocumentMatcher {
    /// Documents sharing at least this share of their claims (2·shared / (a + b)) are one document.
    static let overlapThreshold = 0.5
    /// A sentence found in more leftover documents than this (boilerplate) says nothing about which is which.
    static let commonSentenceLimit = 64

    static func pairs(old: Corpus, new: Corpus) -> [DocumentPair] {
        let oldClaims = claimsByDocument(old.claims), newClaims = claimsByDocument(new.claims)
        var pairs: [DocumentPair] = []
        var leftOld: [Document] = []
        let newByID = Dictionary(new.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var matchedNew = Set<String>()
        for document in old.documents {
            if let counterpart = newByID[document.id], !matchedNew.contains(document.id) {
                matchedNew.insert(document.id)
                pairs.append(DocumentPair(old: document, new: counterpart, oldClaims: oldClaims[document.id] ?? [], newClaims: newClaims[document.id] ?? []))
            } else {
                leftOld.append(document)
            }
        }
        var leftNew = new.documents.filter { !matchedNew.contains($0.id) }
        let newByPath = Dictionary(leftNew.map { ($0.source.path, $0) }, uniquingKeysWith: { first, _ in first })
        var pathMatched = Set<String>()
        leftOld = leftOld.filter { document in
            guard let counterpart = newByPath[document.source.path], !pathMatched.contains(counterpart.id) else { return true }
            pathMatched.insert(counterpart.id)
            pairs.append(DocumentPair(old: document, new: counterpart, oldClaims: oldClaims[document.id] ?? [], newClaims: newClaims[counterpart.id] ?? []))
            return false
        }
        leftNew.removeAll { pathMatched.contains($0.id) }
        let (overlapping, restOld, restNew) = matchByOverlap(old: leftOld, new: leftNew, oldClaims: oldClaims, newClaims: newClaims)
        for (document, counterpart) in overlapping {
            pairs.append(DocumentPair(old: document, new: counterpart, oldClaims: oldClaims[document.id] ?? [], newClaims: newClaims[counterpart.id] ?? []))
        }
        for document in restOld { pairs.append(DocumentPair(old: document, new: nil, oldClaims: oldClaims[document.id] ?? [], newClaims: [])) }
        for document in restNew { pairs.append(DocumentPair(old: nil, new: document, oldClaims: [], newClaims: newClaims[document.id] ?? [])) }
        return pairs
    }

    private static func claimsByDocument(_ claims: [Claim]) -> [String: [Claim]] {
        var result: [String: [Claim]] = [:]
        for claim in claims { result[claim.document, default: []].append(claim) }
        return result
    }

    /// Pairs leftover documents whose sets of sentences overlap enough, most overlapping first.
    ///
    /// - Complexity: Linear in the leftover claims, plus the pairs that share a sentence found in at
    ///   most `commonSentenceLimit` documents.
    private static func matchByOverlap(old: [Document], new: [Document], oldClaims: [String: [Claim]], newClaims: [String: [Claim]])
        -> (pairs: [(Document, Document)], old: [Document], new: [Document])
    {
        guard !old.isEmpty, !new.isEmpty else { return ([], old, new) }
        let oldSentences = old.map { Set((oldClaims[$0.id] ?? []).map(\.text)) }
        var holders: [String: [Int]] = [:]
        for (index, sentences) in oldSentences.enumerated() { for sentence in sentences { holders[sentence, default: []].append(index) } }
        var candidates: [(score: Double, old: Int, new: Int)] = []
        for (newIndex, document) in new.enumerated() {
            let sentences = Set((newClaims[document.id] ?? []).map(\.text))
            var shared: [Int: Int] = [:]
            for sentence in sentences {
                guard let owners = holders[sentence], owners.count <= commonSentenceLimit else { continue }
                for owner in owners { shared[owner, default: 0] += 1 }
            }
            for (oldIndex, count) in shared {
                let score = Double(2 * count) / Double(oldSentences[oldIndex].count + sentences.count)
                if score >= overlapThreshold { candidates.append((score, oldIndex, newIndex)) }
            }
        }
        candidates.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            return (old[a.old].source.path, new[a.new].source.path) < (old[b.old].source.path, new[b.new].source.path)
        }
        var takenOld = Set<Int>(), takenNew = Set<Int>()
        var pairs: [(Document, Document)] = []
        for candidate in candidates where !takenOld.contains(candidate.old) && !takenNew.contains(candidate.new) {
            takenOld.insert(candidate.old)
            takenNew.insert(candidate.new)
            pairs.append((old[candidate.old], new[candidate.new]))
        }
        return (pairs, old.indices.filter { !takenOld.contains($0) }.map { old[$0] }, new.indices.filter { !takenNew.contains($0) }.map { new[$0] })
    }
}
