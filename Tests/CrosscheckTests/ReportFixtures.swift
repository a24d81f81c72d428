import Foundation
@testable import Crosscheck

/// Corpora for the report tests: a small real one with every kind of finding, and a hostile one.
enum ReportFixtures {
    /// The library sources of the relation tests plus a news page with a URL and a page with no text:
    /// contradictions, changes, agreements, a differently qualified pair and a problem, through the real pipeline.
    static let corpus: Corpus = {
        let folders = ["relations", "report"].map { TestSupport.fixtures.appendingPathComponent($0) }
        let files = folders.flatMap { (try? Discovery(inbox: $0).scan().files) ?? [] }
        return RelationEngine.relate(BatchBuild.makeCorpus(files: files, jobs: 1, maxFileSize: 1 << 20))
    }()

    static let goldenFolder = TestSupport.fixtures.appendingPathComponent("report-golden")

    /// A page whose every field tries to become markup, script or a dangerous link, contradicted by a plain one.
    static let hostile: Corpus = {
        let evilText = "Revenue was <img src=x onerror=alert(1)> $5 million & \"rising\" in 2024 <script>alert('x')</script>."
        let plainText = "Revenue was $6 million in 2024."
        let evil = document(id: "d0000000000000001", key: "evil2024revenue", path: "pages/<b>evil</b>.html", title: "<script>alert(\"title\")</script> Tom & Jerry's \"best\" page",
                            url: "javascript:alert(document.cookie)", authors: ["Eve \"the\" <Hacker>"], site: "<i>Evil</i> & Co",
                            heading: "</h5><script>alert('heading')</script>", text: evilText)
        let plain = document(id: "d0000000000000002", key: "plain2024revenue", path: "plain.txt", title: "Plain report",
                             url: "https://example.org/a\"onmouseover=\"alert(1)", authors: [], site: nil, heading: "Plain report", text: plainText)
        let evilClaim = claim(id: "c0000000000000001", in: evil, text: evilText, value: "$5 million", amount: 5e6)
        let plainClaim = claim(id: "c0000000000000002", in: plain, text: plainText, value: "$6 million", amount: 6e6)
        let relation = Relation(id: "r0000000000000001", kind: .contradiction,
                                claims: [RelatedClaim(claim: evilClaim, value: evilClaim.quantities[0]), RelatedClaim(claim: plainClaim, value: plainClaim.quantities[0])],
                                subject: "<u>revenue</u>", metric: "revenue <script>", explanation: "Evil says <b>5</b> & plain says 6.", confidence: 0.5,
                                betterSupported: plainClaim.id)
        let trust = [SourceTrust(document: evil.id, score: 0.3, agreements: 0, contradictions: 1, basis: "<em>prior</em> & co"),
                     SourceTrust(document: plain.id, score: 0.7, agreements: 0, contradictions: 1, basis: "prior")]
        let inputs = [InputRecord(path: evil.source.path, sha256: evil.source.sha256, bytes: 100, status: .ok, document: evil.id, reason: nil),
                      InputRecord(path: plain.source.path, sha256: plain.source.sha256, bytes: 100, status: .ok, document: plain.id, reason: nil),
                      InputRecord(path: "<svg onload=alert(1)>.html", sha256: nil, bytes: 5, status: .rejected, document: nil, reason: "bad <b>markup</b> & worse")]
        return Corpus(documents: [evil, plain], claims: [evilClaim, plainClaim], relations: [relation], trust: trust, inputs: inputs)
    }()

    static func document(id: String, key: String, path: String, title: String, url: String?, authors: [String], site: String?, heading: String, text: String) -> Document {
        Document(id: id, source: SourceInfo(path: path, format: .html, sha256: String(repeating: "ab", count: 32), bytes: 100, encoding: "utf-8 <declared>"),
                 url: url, title: title, authors: authors, site: site, language: "en\"><script>",
                 published: DatedValue(date: "2024-05-01", precision: .day, evidence: "meta[content=\"<script>\"]"), modified: nil,
                 evidence: ["title": "<title> & \"og\"", "url": "link[rel=\"canonical\"]"], citationKey: key,
                 sections: [Section(id: id + "-s1", heading: heading, level: 1, path: [heading], text: text)])
    }

    static func claim(id: String, in document: Document, text: String, value: String, amount: Double) -> Claim {
        let start = text.components(separatedBy: value)[0].unicodeScalars.count
        let span = TextSpan(start: start, end: start + value.unicodeScalars.count)
        let quantity = Quantity(kind: .money, text: value, span: span, value: amount, low: amount, high: amount, qualifier: "exact", currency: "USD")
        return Claim(id: id, document: document.id, source: document.source.path, section: document.sections[0].id, sectionPath: document.sections[0].path,
                     text: text, span: TextSpan(start: 0, end: text.unicodeScalars.count), kinds: ["money"], quantities: [quantity],
                     date: ClaimDate(value: "2024", precision: .year, basis: .explicit, phrase: "in 2024"), citationKey: document.citationKey)
    }
}
