/// Finding one claim, relation or document in a corpus, and what stands around a claim.
///
/// Lookups walk the arrays: meant for a person asking about one id (`crosscheck explain`), not for inner loops.
extension Corpus {
    /// The claim with this id, if the corpus holds it.
    ///
    /// - Complexity: O(*n*) in the number of claims.
    public func claim(id: String) -> Claim? { claims.first { $0.id == id } }

    /// The relation with this id, if the corpus holds it.
    ///
    /// - Complexity: O(*n*) in the number of relations.
    public func relation(id: String) -> Relation? { relations.first { $0.id == id } }

    /// The document with this id, if the corpus holds it.
    public func document(id: String) -> Document? { documents.first { $0.id == id } }

    /// The section a claim stands in, if its document is in the corpus.
    public func section(of claim: Claim) -> Section? {
        document(id: claim.document)?.sections.first { $0.id == claim.section }
    }

    /// The relations a claim takes part in, on either side, in the corpus's order (by kind, then id).
    public func relations(involving claimID: String) -> [Relation] {
        relations.filter { relation in relation.first.id == claimID || relation.second.id == claimID }
    }

    /// The ids of claims, relations and documents that begin with `prefix`, sorted.
    ///
    /// - Parameter prefix: The start of an id (`c…` claim, `r…` relation, `d…` document); an empty prefix matches nothing.
    /// - Complexity: O(*n*) in the size of the corpus.
    public func ids(startingWith prefix: String) -> [String] {
        guard !prefix.isEmpty else { return [] }
        let claimIDs = claims.lazy.map(\.id).filter { $0.hasPrefix(prefix) }
        let relationIDs = relations.lazy.map(\.id).filter { $0.hasPrefix(prefix) }
        let documentIDs = documents.lazy.map(\.id).filter { $0.hasPrefix(prefix) }
        return (Array(claimIDs) + relationIDs + documentIDs).sorted()
    }

    /// The sentences just before and just after a claim in its section's text (in the same paragraph or the one next
    /// to it), nil where the claim opens or closes its section or the section is not in the corpus.
    public func neighbouringSentences(of claim: Claim) -> (before: String?, after: String?) {
        guard let text = section(of: claim)?.text else { return (nil, nil) }
        let scalars = Array(text.unicodeScalars)
        let sentences = Self.sentenceSpans(of: scalars)
        let before = sentences.last { $0.end <= claim.span.start }
        let after = sentences.first { $0.start >= claim.span.end }
        func words(_ span: TextSpan?) -> String? {
            guard let span, span.start >= 0, span.end <= scalars.count, span.start < span.end else { return nil }
            return String(String.UnicodeScalarView(scalars[span.start..<span.end]))
        }
        return (words(before), words(after))
    }

    /// Sentence spans of a section's text, split paragraph by paragraph as the build splits them.
    private static func sentenceSpans(of scalars: [Unicode.Scalar]) -> [TextSpan] {
        var spans: [TextSpan] = []
        var start = 0
        var index = 0
        func splitParagraph(upTo end: Int) {
            guard start < end else { return }
            let paragraph = String(String.UnicodeScalarView(scalars[start..<end]))
            spans += SentenceSplitter.split(paragraph).map { TextSpan(start: $0.start + start, end: $0.end + start) }
        }
        while index + 1 < scalars.count {
            if scalars[index] == "\n" && scalars[index + 1] == "\n" {
                splitParagraph(upTo: index)
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        splitParagraph(upTo: scalars.count)
        return spans
    }
}
