import Foundation
import Testing
@testable import Crosscheck

/// A watcher's reports reuse each source's entry from the last write when nothing it shows changed: the reports must
/// be those rendered without the cache, whatever changed in between.
@Suite struct SourceEntryCacheTests {
    static func markdown(_ corpus: Corpus, _ entries: SourceEntryCache?) -> String {
        var text = ""
        MarkdownReport.write(ReportContent(corpus), entries: entries) { text += $0 }
        return text
    }

    static func html(_ corpus: Corpus, _ entries: SourceEntryCache?) -> String {
        var text = ""
        HTMLReport.write(ReportContent(corpus), entries: entries) { text += $0 }
        return text
    }

    @Test func reusedEntriesGiveTheReportsRenderedAfresh() throws {
        let corpus = ReportFixtures.corpus
        let (markdownEntries, htmlEntries) = (SourceEntryCache(), SourceEntryCache())
        #expect(Self.markdown(corpus, markdownEntries) == Self.markdown(corpus, nil))
        #expect(Self.html(corpus, htmlEntries) == Self.html(corpus, nil))
        #expect(markdownEntries.reusedLastWrite == 0)
        // Nothing changed: every entry is reused.
        #expect(Self.markdown(corpus, markdownEntries) == Self.markdown(corpus, nil))
        #expect(Self.html(corpus, htmlEntries) == Self.html(corpus, nil))
        #expect(markdownEntries.reusedLastWrite == corpus.documents.count && htmlEntries.reusedLastWrite == corpus.documents.count)

        // A listed contradiction goes: the claims it linked show it no more (in the HTML report).
        var fewer = corpus
        fewer.relations.remove(at: try #require(fewer.relations.firstIndex { $0.kind == .contradiction }))
        #expect(Self.markdown(fewer, markdownEntries) == Self.markdown(fewer, nil))
        #expect(Self.html(fewer, htmlEntries) == Self.html(fewer, nil))
        #expect(markdownEntries.reusedLastWrite == corpus.documents.count && htmlEntries.reusedLastWrite < corpus.documents.count)

        // One claim's sentence and one source's trust change.
        var changed = fewer
        changed.claims[try #require(changed.claims.firstIndex { !$0.text.isEmpty })].text += " (corrected)"
        changed.trust[changed.trust.count - 1].score = 0.123
        #expect(Self.markdown(changed, markdownEntries) == Self.markdown(changed, nil))
        #expect(Self.html(changed, htmlEntries) == Self.html(changed, nil))
        #expect(markdownEntries.reusedLastWrite <= corpus.documents.count - 2)
    }
}
