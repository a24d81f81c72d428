import Testing
@testable import Crosscheck

/// Citation keys: who, year, first significant title word; clashes told apart by document id; and a watcher's kept
/// bases giving the very keys a fresh assignment gives.
@Suite struct CitationKeysTests {
    static func document(_ id: String, title: String?, author: String? = nil, site: String? = nil, date: String? = "2024-03-01") -> Document {
        Document(id: id, source: SourceInfo(path: id + ".html", format: .html, sha256: id, bytes: 1, encoding: "utf-8"), url: nil,
                 title: title, authors: author.map { [$0] } ?? [], site: site, language: nil,
                 published: date.map { DatedValue(date: $0, precision: .day, evidence: "meta") }, modified: nil, evidence: [:],
                 citationKey: "", sections: [])
    }

    static func keys(_ documents: [Document], memo: CitationKeys.Memo? = nil) -> [String] {
        var documents = documents
        CitationKeys.assign(to: &documents, memo: memo)
        return documents.map(\.citationKey)
    }

    @Test func keysNameWhoWhenAndWhatAndClashesFollowTheDocumentIds() {
        let documents = [
            Self.document("d2", title: "The Budget of the Library", author: "Jane Doe"),
            Self.document("d1", title: "Budget news", author: "Jane Doe"),
            Self.document("d3", title: "Trade with Japan", site: "Global Affairs Canada", date: nil),
        ]
        #expect(Self.keys(documents) == ["doe2024budgetb", "doe2024budgeta", "globalaffairsndtrade"])
    }

    /// The same documents in changing company, some with new metadata under the same id: kept bases must never stand in
    /// for a base that would now be different.
    @Test func keptBasesGiveTheKeysOfAFreshAssignment() {
        let memo = CitationKeys.Memo()
        let steps: [[Document]] = [
            [Self.document("a", title: "Budget news", author: "Jane Doe"), Self.document("b", title: "Trade talks", site: "Reuters")],
            [Self.document("a", title: "Budget news", author: "Jane Doe"), Self.document("b", title: "Trade talks", site: "Reuters"),
             Self.document("c", title: "Budget cuts", author: "Jane Doe")],
            // Same id, a new title, then a new date: a new base each time.
            [Self.document("a", title: "Library visits", author: "Jane Doe"), Self.document("c", title: "Budget cuts", author: "Jane Doe")],
            [Self.document("a", title: "Library visits", author: "Jane Doe", date: "2023-01-01"), Self.document("c", title: "Budget cuts", author: "Jane Doe")],
            [Self.document("b", title: "Trade talks", site: "Reuters"), Self.document("c", title: "Budget cuts", author: "Jane Doe")],
        ]
        for documents in steps {
            #expect(Self.keys(documents, memo: memo) == Self.keys(documents))
        }
    }
}
