/// Where the compared values stand in a relation's sentence, so a report can mark them.
enum Highlights {
    /// The spans of the values a relation compared within one side's sentence, in order, or none when the
    /// claims were related by their wording. A sum ("exports + imports") marks each of its addends.
    static func spans(of side: RelatedClaim, claim: Claim?) -> [TextSpan] {
        guard let value = side.value else { return [] }
        let scalars = Array(side.text.unicodeScalars)
        let parts = value.qualifier == "sum" ? value.text.components(separatedBy: " + ") : [value.text]
        var spans: [TextSpan] = []
        for part in parts where !part.isEmpty {
            if part == value.text, holds(value.span, part, in: scalars) {
                spans.append(value.span)
            } else if let quantity = claim?.quantities.first(where: { $0.text == part && holds($0.span, part, in: scalars) }) {
                spans.append(quantity.span)
            } else if let found = find(Array(part.unicodeScalars), in: scalars) {
                spans.append(found)
            }
        }
        return merged(spans)
    }

    /// The text cut at the spans: each piece with whether it is marked. Spans out of range are clamped.
    static func segments(of text: String, marking spans: [TextSpan]) -> [(text: Substring, isMarked: Bool)] {
        var pieces: [(text: Substring, isMarked: Bool)] = []
        forEachSegment(of: text, marking: spans) { pieces.append(($0, $1)) }
        return pieces
    }

    /// Calls `body` with each piece of the text cut at the spans, in order, and whether it is marked; empty
    /// pieces are skipped and spans out of range clamped.
    ///
    /// - Complexity: O(*n*) in the text's length, without copying it.
    static func forEachSegment(of text: String, marking spans: [TextSpan], _ body: (Substring, Bool) -> Void) {
        let spans = spans.count > 1 ? merged(spans) : spans.filter { $0.end > $0.start }
        guard !spans.isEmpty else {
            if !text.isEmpty { body(text[...], false) }
            return
        }
        // Offsets count Unicode scalars; in ASCII text they count bytes too, and an index is found at once.
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        let count = isASCII ? text.utf8.count : text.unicodeScalars.count
        var index = text.startIndex, offset = 0
        func advance(to target: Int) -> String.Index {
            if isASCII { return text.utf8.index(text.startIndex, offsetBy: target) }
            while offset < target {
                text.unicodeScalars.formIndex(after: &index)
                offset += 1
            }
            return index
        }
        var position = 0, positionIndex = text.startIndex
        func piece(to end: Int, _ isMarked: Bool) {
            guard end > position else { return }
            let endIndex = advance(to: end)
            body(text[positionIndex..<endIndex], isMarked)
            (position, positionIndex) = (end, endIndex)
        }
        for span in spans {
            let start = min(max(span.start, position), count), end = min(max(span.end, start), count)
            piece(to: start, false)
            piece(to: end, true)
        }
        piece(to: count, false)
    }

    /// Sorted, with overlapping or touching spans joined and empty ones dropped.
    static func merged(_ spans: [TextSpan]) -> [TextSpan] {
        var out: [TextSpan] = []
        for span in spans.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) where span.end > span.start {
            if let last = out.last, span.start <= last.end {
                out[out.count - 1].end = max(last.end, span.end)
            } else {
                out.append(span)
            }
        }
        return out
    }

    private static func holds(_ span: TextSpan, _ text: String, in scalars: [Unicode.Scalar]) -> Bool {
        guard span.start >= 0, span.start < span.end, span.end <= scalars.count else { return false }
        return scalars[span.start..<span.end].elementsEqual(text.unicodeScalars)
    }

    private static func find(_ needle: [Unicode.Scalar], in scalars: [Unicode.Scalar]) -> TextSpan? {
        guard !needle.isEmpty, needle.count <= scalars.count else { return nil }
        for start in 0...(scalars.count - needle.count) where scalars[start..<(start + needle.count)].elementsEqual(needle) {
            return TextSpan(start: start, end: start + needle.count)
        }
        return nil
    }
}
