import Foundation
import Testing
@testable import Crosscheck

/// The reports of a small corpus, byte for byte. After an intended change, rewrite the golden files with
/// `CROSSCHECK_UPDATE_GOLDEN=1 swift test --filter ReportGoldenTests` and read the diff before committing it.
@Suite struct ReportGoldenTests {
    static let isUpdating = ProcessInfo.processInfo.environment["CROSSCHECK_UPDATE_GOLDEN"] == "1"

    func compare(_ rendered: String, toGolden name: String) throws {
        let url = ReportFixtures.goldenFolder.appendingPathComponent(name)
        if Self.isUpdating {
            try FileManager.default.createDirectory(at: ReportFixtures.goldenFolder, withIntermediateDirectories: true)
            try Data(rendered.utf8).write(to: url)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        guard rendered != golden else { return }
        let (new, old) = (rendered.components(separatedBy: "\n"), golden.components(separatedBy: "\n"))
        let line = zip(new, old).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(new.count, old.count)
        Issue.record("""
            \(name) differs from its golden file at line \(line + 1):
              golden:   \(line < old.count ? old[line] : "(end of file)")
              rendered: \(line < new.count ? new[line] : "(end of file)")
            If the change is intended, run CROSSCHECK_UPDATE_GOLDEN=1 swift test --filter ReportGoldenTests and review the diff.
            """)
    }

    @Test func theFixtureHasEveryKindOfFinding() {
        let corpus = ReportFixtures.corpus
        #expect(corpus.documents.count == 4)
        for kind in Relation.Kind.allCases { #expect(!corpus.relations(kind).isEmpty, "no \(kind) in the fixture corpus") }
        #expect(corpus.problems.map(\.path) == ["empty-page.html"])
        #expect(corpus.documents.contains { $0.source.format == .html && WebLink.url($0.url) != nil })
    }

    @Test func htmlReportMatchesItsGoldenFile() throws {
        try compare(HTMLReport.render(ReportFixtures.corpus), toGolden: "report.html")
    }

    @Test func markdownReportMatchesItsGoldenFile() throws {
        try compare(MarkdownReport.render(ReportFixtures.corpus), toGolden: "report.md")
    }

    @Test func bibTeXMatchesItsGoldenFile() throws {
        try compare(BibTeX.render(ReportFixtures.corpus.documents), toGolden: "citations.bib")
    }

    @Test func theSameCorpusGivesTheSameBytes() {
        let files = ["relations", "report"].flatMap { (try? Discovery(inbox: TestSupport.fixtures.appendingPathComponent($0)).scan().files) ?? [] }
        let again = RelationEngine.relate(BatchBuild.makeCorpus(files: files.reversed(), jobs: 2, maxFileSize: 1 << 20), jobs: 3)
        #expect(HTMLReport.render(again) == HTMLReport.render(ReportFixtures.corpus))
        #expect(MarkdownReport.render(again) == MarkdownReport.render(ReportFixtures.corpus))
        #expect(BibTeX.render(again.documents) == BibTeX.render(ReportFixtures.corpus.documents))
    }
}
