import Testing
@testable import Crosscheck

/// Word-level highlights and the word-token similarity that decides what counts as one claim changed.
@Suite struct DiffWordTests {
    @Test func editedNumberIsMarkedAsGitWordDiffDoes() {
        let edits = WordDiff.edits(from: "In 2021, trade reached CAD 28.7 billion.", to: "In 2021, trade reached CAD 29.1 billion.")
        #expect(WordDiff.marked(edits) == "In 2021, trade reached CAD [-28.7-]{+29.1+} billion.")
        #expect(edits.map(\.kind) == [.same, .removed, .added, .same])
    }

    @Test func wordsOnlyRemovedOrOnlyAddedKeepTheirSpacing() {
        #expect(WordDiff.marked(WordDiff.edits(from: "Exports rose sharply in 2023.", to: "Exports rose in 2023.")) == "Exports rose [-sharply-] in 2023.")
        #expect(WordDiff.marked(WordDiff.edits(from: "Exports rose in 2023.", to: "Exports rose sharply in 2023.")) == "Exports rose {+sharply+} in 2023.")
        #expect(WordDiff.marked(WordDiff.edits(from: "Exports rose 5% last year.", to: "Exports rose 5%.")) == "Exports rose 5% [-last year-].")
    }

    @Test func keptRunsSpellTheNewSentenceAndRemovedRunsTheOld() {
        let pairs = [
            ("Trade reached C$35 billion in 2023.", "Two-way trade reached C$36.5 billion in 2023, up 4 per cent."),
            ("  Odd   spacing 12 here.", "Odd spacing 13 here  "),
            ("", "Something new in 2024."),
            ("Gone in 2020.", ""),
        ]
        for (old, new) in pairs {
            let edits = WordDiff.edits(from: old, to: new)
            #expect(edits.filter { $0.kind != .removed }.map(\.text).joined() == new)
            let oldWords = Tokenizer.tokens(old).map(\.text), keptAndRemoved = edits.filter { $0.kind != .added }.map(\.text).joined()
            #expect(Tokenizer.tokens(keptAndRemoved).map(\.text) == oldWords)
        }
    }

    @Test func similarityTellsEditsFromDifferentClaims() {
        func score(_ a: String, _ b: String) -> Double {
            var interner = TokenInterner()
            return TokenSimilarity.ratio(interner.intern(TokenSimilarity.words(a)), interner.intern(TokenSimilarity.words(b)))
        }
        let threshold = TokenSimilarity.threshold
        #expect(score("In 2021, for example, trade reached CAD 28.7 billion.", "In 2021, for example, trade reached CAD 29.1 billion.") >= threshold)
        #expect(score("The agreement was signed on 12 March 2019 in Ottawa.", "The agreement was signed on 21 March 2019 in Ottawa.") >= threshold)
        #expect(score("Canada’s exports to Japan totaled $15.8 billion in 2023.", "Canada’s exports to Japan totalled $15.8 billion in 2023.") >= threshold)
        #expect(score("Q1 sales $5.1m.", "Q2 sales $6.3m.") < threshold)
        #expect(score("Revenue grew 12% in 2024.", "A new office opened in Lyon in 2024.") < threshold)
    }

    @Test func candidateFilterFindsEveryPairOverTheThreshold() {
        // The prefix filter must not lose a pair: compare it with scoring every pair.
        let sentences = (0..<40).map { index in
            "In \(2000 + index % 7), exports of item \(index % 5) to region \(index % 3) reached C$\(index % 4).\(index % 9) billion, officials said."
        }
        let old = Array(sentences.prefix(25)), new = Array(sentences.suffix(25))
        let found = Set(ClaimMatcher.candidates(old: old, new: new).map { "\($0.old)-\($0.new)" })
        var expected = Set<String>()
        var interner = TokenInterner()
        for (i, a) in old.enumerated() {
            for (j, b) in new.enumerated() where TokenSimilarity.ratio(interner.intern(TokenSimilarity.words(a)), interner.intern(TokenSimilarity.words(b))) >= TokenSimilarity.threshold {
                expected.insert("\(i)-\(j)")
            }
        }
        #expect(!expected.isEmpty)
        #expect(found == expected)
    }
}
