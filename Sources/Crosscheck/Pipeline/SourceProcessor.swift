import Foundation

/// One source taken through every stage: decode → read → segment → claims. A pure function of the
/// file's bytes and its path in the inbox.
struct SourceProcessor: Sendable {
    /// A document and its claims, before the corpus-wide citation keys are given.
    struct Processed: Sendable {
        var document: Document
        var claims: [Claim]
        var warnings: [String]
        var timings = StageTimings()
    }

    /// - Parameter sha256: the bytes' hash when the caller has it already.
    static func process(bytes: [UInt8], path: String, declaredFormat: SourceFormat?, sha256 known: String? = nil) throws(SourceProblem) -> Processed {
        var timings = StageTimings()
        let sha256 = known ?? timings.measure(.decode) { Hashing.sha256Hex(bytes) }
        let documentID = "d" + sha256.prefix(Hashing.idDigits)
        let format = declaredFormat ?? FormatSniffer.format(of: bytes)
        let decoded: DecodedText
        do {
            decoded = try timings.measure(.decode) { () throws(TextDecoding.Failure) -> DecodedText in
                let decoded = try TextDecoding.decode(bytes, isHTML: format == .html)
                try TextDecoding.requireContent(decoded.text)
                return decoded
            }
        } catch {
            throw SourceProblem(path: path, reason: error.reason)
        }

        var read: ReadSource
        switch format {
        case .html:
            do {
                let page = try timings.measure(.parse) { () throws(ReadFailure) in try HTMLReader.parse(decoded.text) }
                read = timings.measure(.extract) { HTMLReader.read(page, text: decoded.text) }
            } catch {
                throw SourceProblem(path: path, reason: error.reason)
            }
        case .text, .markdown:
            read = timings.measure(.extract) { TextReader.read(decoded.text, markdown: format == .markdown) }
        }
        if let warning = decoded.warning { read.warnings.insert(warning, at: 0) }
        guard read.blocks.contains(where: { !$0.isHeading }) || read.blocks.count > 1 else {
            throw SourceProblem(path: path, reason: ReadFailure.noText.reason)
        }

        let metadata = read.metadata
        var title = metadata.title
        let segmented = timings.measure(.segment) { SectionBuilder.sections(from: read.blocks, title: title?.value, documentID: documentID) }
        if title == nil, let first = segmented.first, let span = first.sentences.first {
            // No title line (an op-ed copied without its headline): the first sentence stands in, and says so.
            let sentence = first.section.text.scalarSlice(span.start, span.end)
            title = Found(value: sentence.count > 160 ? String(sentence.prefix(157)) + "…" : sentence, evidence: "first sentence (the source has no title line)")
        }

        var evidence: [String: String] = [:]
        evidence["title"] = title?.evidence
        evidence["authors"] = metadata.authors?.evidence
        evidence["site"] = metadata.site?.evidence
        evidence["url"] = metadata.url?.evidence
        evidence["language"] = metadata.language?.evidence

        let document = Document(
            id: documentID,
            source: SourceInfo(path: path, format: format, sha256: sha256, bytes: bytes.count, encoding: decoded.encoding),
            url: metadata.url?.value, title: title?.value, authors: metadata.authors?.value ?? [], site: metadata.site?.value,
            language: metadata.language?.value, published: metadata.published, modified: metadata.modified,
            evidence: evidence, citationKey: "", sections: segmented.map(\.section))

        let claims = timings.measure(.claims) {
            let parser = QuantityParser(defaultDollar: CurrencyContext.defaultDollar(for: segmented.map(\.section.text), url: metadata.url?.value, site: metadata.site?.value))
            return ClaimExtractor.claims(
                in: segmented, documentID: documentID, sourcePath: path, citationKey: "",
                published: metadata.published ?? metadata.modified, parser: parser)
        }
        return Processed(document: document, claims: claims, warnings: read.warnings, timings: timings)
    }
}

/// Decides the format of a file without a telling extension, from its first bytes.
enum FormatSniffer {
    static func format(of bytes: [UInt8]) -> SourceFormat {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || trimmed.hasPrefix("<?xml") && head.contains("<html")
            || head.contains("<head") || head.contains("<body") || (trimmed.hasPrefix("<") && head.contains("<p")) {
            return .html
        }
        if trimmed.hasPrefix("# ") || head.contains("\n## ") { return .markdown }
        return .text
    }
}

/// The currency a bare "$" means in a document: the one it states most, else its country's.
enum CurrencyContext {
    static func defaultDollar(for texts: [String], url: String?, site: String?) -> String {
        let bytes: [UInt8] = texts.flatMap { Array($0.utf8) + [UInt8(0x0A)] }
        func count(_ marker: String) -> Int { ByteSearch.count(of: Array(marker.utf8), in: bytes) }
        var counts: [String: Int] = [:]
        for (marker, code) in [("C$", "CAD"), ("CAD", "CAD"), ("Can$", "CAD"), ("US$", "USD"), ("USD", "USD"), ("A$", "AUD"), ("AUD", "AUD"), ("NZ$", "NZD")] {
            counts[code, default: 0] += count(marker)
        }
        if let (code, total) = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), total > 0 { return code }
        if let host = url.flatMap({ URL(string: $0)?.host?.lowercased() }) {
            for (suffix, code) in [(".ca", "CAD"), (".au", "AUD"), (".nz", "NZD"), (".sg", "SGD"), (".hk", "HKD")] where host.hasSuffix(suffix) { return code }
        }
        let siteBytes = Array((site ?? "").utf8)
        func mentions(_ word: String) -> Int { count(word) + ByteSearch.count(of: Array(word.utf8), in: siteBytes) }
        let byCountry = [("CAD", mentions("Canad")), ("AUD", mentions("Australia")), ("USD", mentions("United States") + mentions("American"))]
        if let (code, total) = byCountry.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }), total >= 3 { return code }
        return "USD"
    }
}
