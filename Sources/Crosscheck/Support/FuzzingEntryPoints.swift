import Foundation

/// Entry points for the fuzz harnesses in `Fuzz/` and their regression tests; not for other use.
///
/// Each function takes arbitrary bytes, runs one stage of the pipeline on them exactly as a build
/// would, and checks what came out. It returns the invariants the output broke, in words (empty when
/// all is well); a crash, a hang or a memory blow-up is a finding too, caught by the fuzzer itself.
/// Rejecting bad input (a thrown `SourceProblem`, `ReadFailure` or `CrosscheckError`) is never a finding.
public enum FuzzingEntryPoints {
    /// The HTML reader: decode as HTML (BOM, `<meta charset>`, UTF-8, Windows-1252), parse with
    /// libxml2, extract the blocks and the metadata.
    ///
    /// - Parameter bytes: The file's bytes.
    /// - Returns: The broken invariants; empty when the output is sane.
    public static func readHTML(_ bytes: [UInt8]) -> [String] {
        guard let decoded = try? TextDecoding.decode(bytes, isHTML: true) else { return [] }
        guard let read = try? HTMLReader.read(decoded.text) else { return [] }
        return readProblems(read, inputBytes: bytes.count)
    }

    /// The text reader and the section finder: decode as text, read lines into blocks, group them
    /// under headings and split each section into sentences.
    ///
    /// - Parameters:
    ///   - bytes: The file's bytes.
    ///   - markdown: Read the text as Markdown (`#` headings).
    /// - Returns: The broken invariants; empty when the output is sane.
    public static func readText(_ bytes: [UInt8], markdown: Bool) -> [String] {
        guard let decoded = try? TextDecoding.decode(bytes, isHTML: false) else { return [] }
        let read = TextReader.read(decoded.text, markdown: markdown)
        var problems = readProblems(read, inputBytes: bytes.count)
        for segmented in SectionBuilder.sections(from: read.blocks, title: read.metadata.title?.value, documentID: "d0") {
            problems += spanProblems(segmented.sentences, in: segmented.section.text, what: "sentence of section \(segmented.section.id)")
        }
        return problems
    }

    /// The sentence splitter on the bytes read as UTF-8 (invalid sequences replaced).
    ///
    /// - Returns: The broken invariants; empty when the output is sane.
    public static func splitSentences(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        let spans = SentenceSplitter.split(text)
        var problems = spanProblems(spans, in: text, what: "sentence")
        let scalars = Array(text.unicodeScalars)
        for span in spans where span.start < span.end && span.end <= scalars.count {
            if Tokenizer.isSpace(scalars[span.start]) || Tokenizer.isSpace(scalars[span.end - 1]) {
                problems.append("sentence \(span.start)..<\(span.end) is not trimmed of white space")
            }
        }
        return problems
    }

    /// The quantity and date parser on the bytes read as UTF-8, as one sentence.
    ///
    /// - Returns: The broken invariants; empty when the output is sane.
    public static func parseQuantities(_ bytes: [UInt8]) -> [String] {
        let sentence = String(decoding: bytes, as: UTF8.self)
        var problems: [String] = []
        for defaultDollar in ["USD", "CAD"] {
            problems += quantityProblems(QuantityParser(defaultDollar: defaultDollar).quantities(in: sentence), in: sentence)
        }
        let count = sentence.scalarCount
        for match in DateParsing.findDates(in: sentence) {
            if !(0 <= match.start && match.start < match.end && match.end <= count) {
                problems.append("date \(match.start)..<\(match.end) is outside the text of \(count) scalars")
            }
            if let month = match.month, !(1...12).contains(month) { problems.append("date with month \(month)") }
            if let day = match.day, !(1...31).contains(day) { problems.append("date with day \(day)") }
        }
        return problems
    }

    /// The corpus reader used by `crosscheck diff`: the bytes written to `corpus.sqlite` in `folder`,
    /// then loaded through `CorpusLocation.load`.
    ///
    /// - Parameters:
    ///   - bytes: The database file's bytes.
    ///   - folder: A scratch folder that exists; its `corpus.sqlite` is overwritten.
    /// - Returns: The broken invariants; empty when the file loaded or was refused with `corpusUnreadable`.
    public static func loadCorpus(_ bytes: [UInt8], in folder: URL) -> [String] {
        let file = folder.appendingPathComponent("corpus.sqlite")
        for suffix in ["-journal", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: file.path + suffix)
        }
        do {
            try Data(bytes).write(to: file)
        } catch {
            return ["could not write the scratch corpus.sqlite: \(error)"]
        }
        do {
            let corpus = try CorpusLocation.load(folder.path)
            var problems: [String] = []
            let claimIDs = Set(corpus.claims.map(\.id))
            for relation in corpus.relations where relation.claims.contains(where: { !claimIDs.contains($0.id) }) {
                problems.append("relation \(relation.id) loaded with a claim that is not in the corpus")
            }
            return problems
        } catch CrosscheckError.corpusUnreadable {
            return []
        } catch {
            return ["loading failed with an error other than corpusUnreadable: \(error)"]
        }
    }

    /// The whole per-file pipeline (`SourceProcessor.process`: decode, read, segment, claims) on the
    /// bytes as a file of sniffed format, then the JSON encoding the corpus files use.
    ///
    /// - Returns: The broken invariants; empty when the file was processed sanely or refused with a reason.
    public static func processSource(_ bytes: [UInt8]) -> [String] {
        let processed: SourceProcessor.Processed
        do {
            processed = try SourceProcessor.process(bytes: bytes, path: "fuzz-input", declaredFormat: nil)
        } catch {
            return error.reason.isEmpty ? ["a refused file has no reason"] : []
        }
        var problems: [String] = []
        let sections = Dictionary(processed.document.sections.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        if sections.count != processed.document.sections.count { problems.append("two sections share an id") }
        for claim in processed.claims {
            guard let section = sections[claim.section] else {
                problems.append("claim \(claim.id) names section \(claim.section), which the document lacks")
                continue
            }
            let count = section.text.scalarCount
            guard 0 <= claim.span.start, claim.span.start < claim.span.end, claim.span.end <= count else {
                problems.append("claim \(claim.id) spans \(claim.span.start)..<\(claim.span.end) outside its section of \(count) scalars")
                continue
            }
            if section.text.scalarSlice(claim.span.start, claim.span.end) != claim.text {
                problems.append("claim \(claim.id)'s text is not the text at its span")
            }
            problems += quantityProblems(claim.quantities, in: claim.text)
        }
        let encoder = JSONExport.encoder(pretty: false)
        do {
            _ = try encoder.encode(processed.document)
            _ = try encoder.encode(processed.claims)
        } catch {
            problems.append("the document or its claims cannot be encoded as JSON: \(error)")
        }
        return problems
    }

    // MARK: - Invariants

    /// No block is empty, and the output is not out of all proportion to the input.
    private static func readProblems(_ read: ReadSource, inputBytes: Int) -> [String] {
        var problems: [String] = []
        var total = 0
        for block in read.blocks {
            total += block.text.utf8.count
            if case .heading(let level) = block.kind, !(1...6).contains(level) { problems.append("heading of level \(level)") }
        }
        // Entities and inserted separators can grow text a little; a multiple of the input is a blow-up.
        if total > 8 * inputBytes + 4096 { problems.append("\(total) bytes of block text from \(inputBytes) bytes of input") }
        return problems
    }

    /// Spans are inside the text, not empty, and in order without overlap.
    private static func spanProblems(_ spans: [TextSpan], in text: String, what: String) -> [String] {
        let count = text.scalarCount
        var problems: [String] = []
        var previousEnd = 0
        for span in spans {
            if !(0 <= span.start && span.start < span.end && span.end <= count) {
                problems.append("\(what) \(span.start)..<\(span.end) is empty or outside the text of \(count) scalars")
            } else if span.start < previousEnd {
                problems.append("\(what) \(span.start)..<\(span.end) overlaps or precedes the one before it")
            }
            previousEnd = max(previousEnd, span.end)
        }
        return problems
    }

    /// Each quantity's span is inside the sentence and holds its text; its numbers are finite (JSON has no infinity).
    private static func quantityProblems(_ quantities: [Quantity], in sentence: String) -> [String] {
        let count = sentence.scalarCount
        var problems: [String] = []
        for quantity in quantities {
            guard 0 <= quantity.span.start, quantity.span.start < quantity.span.end, quantity.span.end <= count else {
                problems.append("\(quantity.kind.rawValue) \(quantity.span.start)..<\(quantity.span.end) is outside the sentence of \(count) scalars")
                continue
            }
            if sentence.scalarSlice(quantity.span.start, quantity.span.end) != quantity.text {
                problems.append("\(quantity.kind.rawValue) \"\(quantity.text)\" is not the text at its span")
            }
            for number in [quantity.value, quantity.low, quantity.high].compactMap({ $0 }) where !number.isFinite {
                problems.append("\(quantity.kind.rawValue) \"\(quantity.text)\" has the value \(number)")
            }
        }
        return problems
    }
}
