import Crypto
import Foundation

/// Turns the sentences of a document into claims: every sentence that states a checkable fact.
enum ClaimExtractor {
    static let agreementNouns: Set<String> = [
        "agreement", "agreements", "treaty", "treaties", "memorandum", "accord", "accords", "declaration", "convention", "pact",
        "mou", "protocol", "arrangement", "arrangements", "charter", "partnership",
    ]
    static let agreementVerbs: Set<String> = ["signed", "ratified", "concluded", "entered", "enter", "came", "took", "sign", "signing", "ratify", "implemented"]

    static func claims(
        in sections: [SegmentedSection], documentID: String, sourcePath: String, citationKey: String,
        published: DatedValue?, parser: QuantityParser
    ) -> [Claim] {
        var claims: [Claim] = []
        var seen: [String: Int] = [:]
        for segmented in sections {
            let section = segmented.section
            let view = section.text.unicodeScalars
            var cursor = view.startIndex
            var cursorOffset = 0
            for span in segmented.sentences {
                // Sentences come in order: walk one index forward instead of counting from the start each time.
                let from = view.index(cursor, offsetBy: span.start - cursorOffset)
                let to = view.index(from, offsetBy: span.end - span.start)
                cursor = to
                cursorOffset = span.end
                let sentence = String(view[from..<to])
                guard isCandidate(sentence) else { continue }
                let tokens = Tokenizer.tokens(sentence)
                // Most sentences have no digit and no claim keyword: the quantity parser has nothing to find there.
                let quantities = ClaimSignals.mayHoldClaim(sentence) ? parser.quantities(tokens: tokens, sentence: sentence) : []
                let isAgreement = mentionsAgreement(tokens)
                let date = ClaimDating.date(tokens: tokens, quantities: quantities, sentence: sentence, published: published)
                // "Last year, Tokyo began importing LNG": a period stated relative to the publication date is checkable too.
                let hasRelativeDate = date.basis == .relative
                let isStatement = quantities.isEmpty && !isAgreement && !hasRelativeDate && StatementDetector.isStatement(tokens, sentence: sentence)
                guard !quantities.isEmpty || isAgreement || hasRelativeDate || isStatement else { continue }
                var kinds = Set(quantities.map(\.kind.rawValue))
                if isAgreement { kinds.insert("agreement") }
                if hasRelativeDate { kinds.insert("date") }
                if isStatement { kinds.insert("statement") }
                let occurrence = seen[sentence, default: 0]
                seen[sentence] = occurrence + 1
                claims.append(Claim(
                    id: claimID(documentID: documentID, sentence: sentence, occurrence: occurrence),
                    document: documentID, source: sourcePath, section: section.id, sectionPath: section.path,
                    text: sentence, span: span, kinds: kinds.sorted(), quantities: quantities,
                    date: date,
                    citationKey: citationKey))
            }
        }
        return claims
    }

    /// The longest sentence taken as a claim, in Unicode scalars. Real sentences stay far below it (the longest
    /// in the sample inbox has 422); longer "sentences" are text without punctuation (a flattened table, a page
    /// on one line), kept in their section but not cited as one claim, which would cost time in every later stage
    /// (the quantity parser's time grows with the square of a sentence's length: 64 KB of dates on one line took 25 s).
    static let maximumLength = 2_000

    /// Questions, fragments and runs of text too long to be one sentence state nothing checkable.
    static func isCandidate(_ sentence: String) -> Bool {
        let bytes = sentence.utf8.count  // a scalar takes 1 to 4 bytes: count scalars only when the bytes leave it open
        guard bytes <= maximumLength || (bytes <= 4 * maximumLength && sentence.unicodeScalars.count <= maximumLength) else { return false }
        // At least 12 characters, counting no further than that; a space as a byte (`contains(" ")` went through
        // Foundation's substring search for every sentence).
        guard let last = sentence.last, last != "?", !sentence.dropFirst(11).isEmpty else { return false }
        return sentence.utf8.contains(UInt8(ascii: " "))
    }

    /// "signed an Acquisition and Cross-Servicing Agreement", "entered into force", "the 2023 … Cooperation Agreement".
    static func mentionsAgreement(_ tokens: [Token]) -> Bool {
        let words = tokens.filter(\.isWord).map(\.lower)
        guard words.contains(where: agreementNouns.contains) else { return false }
        if words.contains(where: { $0 == "signed" || $0 == "ratified" || $0 == "concluded" }) { return true }
        for (index, word) in words.enumerated() where index + 2 < words.count {
            if ["entered", "enter", "came", "come", "entry"].contains(word) && words[index + 1] == "into" && words[index + 2] == "force" { return true }
            if word == "in" && words[index + 1] == "force" { return true }
        }
        return false
    }

    static func claimID(documentID: String, sentence: String, occurrence: Int) -> String {
        "c" + Hashing.hexPrefix(of: "\(documentID)\u{1F}\(sentence)\u{1F}\(occurrence)", length: Hashing.idDigits)
    }
}
