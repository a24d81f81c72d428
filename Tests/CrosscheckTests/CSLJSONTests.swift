import Foundation
import Testing
@testable import Crosscheck

/// `citations.json` against the rules of the CSL-JSON schema (csl-data.json, CSL 1.0.2), checked here without
/// fetching it: `id` and `type` required, `type` one of the CSL types, only CSL variables, names as objects
/// with a family or literal name, dates as `date-parts` of integers or as `raw` / `literal` text.
@Suite struct CSLJSONTests {
    static let types: Set<String> = [
        "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast", "chapter", "classic", "collection",
        "dataset", "document", "entry", "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview",
        "legal_case", "legislation", "manuscript", "map", "motion_picture", "musical_score", "pamphlet", "paper-conference", "patent",
        "performance", "periodical", "personal_communication", "post", "post-weblog", "regulation", "report", "review", "review-book",
        "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
    ]
    static let nameVariables: Set<String> = [
        "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor", "curator", "director", "editor",
        "editorial-director", "executive-producer", "guest", "host", "interviewer", "illustrator", "narrator", "organizer", "original-author",
        "performer", "producer", "recipient", "reviewed-author", "script-writer", "series-creator", "translator",
    ]
    static let dateVariables: Set<String> = ["accessed", "available-date", "event-date", "issued", "original-date", "submitted"]
    static let textVariables: Set<String> = [
        "citation-key", "language", "journalAbbreviation", "shortTitle", "abstract", "annote", "archive", "archive_collection", "archive_location",
        "archive-place", "authority", "call-number", "chapter-number", "citation-number", "citation-label", "collection-number", "collection-title",
        "container-title", "container-title-short", "dimensions", "division", "DOI", "edition", "event", "event-title", "event-place",
        "first-reference-note-number", "genre", "ISBN", "ISSN", "issue", "jurisdiction", "keyword", "locator", "medium", "note", "number",
        "number-of-pages", "number-of-volumes", "original-publisher", "original-publisher-place", "original-title", "page", "page-first", "part",
        "part-title", "PMCID", "PMID", "printing", "publisher", "publisher-place", "references", "reviewed-genre", "reviewed-title", "scale",
        "section", "source", "status", "supplement", "title", "title-short", "URL", "version", "volume", "volume-title", "volume-title-short",
        "year-suffix",
    ]
    static let nameParts: Set<String> = ["family", "given", "dropping-particle", "non-dropping-particle", "suffix", "comma-suffix", "static-ordering", "literal", "parse-names"]
    static let dateParts: Set<String> = ["date-parts", "season", "circa", "literal", "raw", "edtf"]

    /// What is wrong with one CSL-JSON item, in words; empty when it is valid.
    static func problems(of item: [String: Any]) -> [String] {
        var problems: [String] = []
        if !(item["id"] is String || item["id"] is NSNumber) { problems.append("id is missing or not a string or number") }
        if let type = item["type"] as? String {
            if !types.contains(type) { problems.append("type \(type) is not a CSL type") }
        } else {
            problems.append("type is missing")
        }
        for (key, value) in item where key != "id" && key != "type" {
            if nameVariables.contains(key) {
                guard let names = value as? [[String: Any]] else { problems.append("\(key) is not a list of name objects"); continue }
                for name in names {
                    if !Set(name.keys).isSubset(of: nameParts) { problems.append("\(key) has unknown parts \(Set(name.keys).subtracting(nameParts))") }
                    if !(name["family"] is String || name["literal"] is String) { problems.append("\(key) has a name with neither family nor literal") }
                    for (part, text) in name where part != "static-ordering" && part != "parse-names" && !(text is String) { problems.append("\(key).\(part) is not text") }
                }
            } else if dateVariables.contains(key) {
                guard let date = value as? [String: Any], !date.isEmpty else { problems.append("\(key) is not a date object"); continue }
                if !Set(date.keys).isSubset(of: dateParts) { problems.append("\(key) has unknown parts \(Set(date.keys).subtracting(dateParts))") }
                if let parts = date["date-parts"] {
                    // JSONSerialization gives numbers as NSNumber; a CSL date part is an integer (year, month 1–12, day 1–31).
                    guard let ranges = parts as? [[NSNumber]], (1...2).contains(ranges.count),
                          ranges.allSatisfy({ (1...3).contains($0.count) && $0.allSatisfy { Double($0.intValue) == $0.doubleValue } }) else {
                        problems.append("\(key).date-parts is not one or two lists of one to three integers"); continue
                    }
                    for range in ranges {
                        if range.count > 1 && !(1...12).contains(range[1].intValue) { problems.append("\(key) has month \(range[1])") }
                        if range.count > 2 && !(1...31).contains(range[2].intValue) { problems.append("\(key) has day \(range[2])") }
                    }
                } else if !(date["raw"] is String || date["literal"] is String) {
                    problems.append("\(key) has neither date-parts nor raw nor literal")
                }
            } else if textVariables.contains(key) {
                if !(value is String || value is NSNumber) { problems.append("\(key) is not text") }
            } else {
                problems.append("\(key) is not a CSL variable")
            }
        }
        return problems
    }

    @Test func everyItemOfTheSampleIsValidCSLJSON() throws {
        let data = try JSONExport.document(TestSupport.seedCorpus.documents.map(CSLItem.init(document:)))
        let items = try #require(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(items.count == TestSupport.seedCorpus.documents.count)
        for item in items { #expect(Self.problems(of: item) == [], "\(item["id"] ?? "?")") }
        #expect(Set(items.compactMap { $0["id"] as? String }).count == items.count, "ids are unique")
    }

    @Test func everyItemOfTheFixtureIsValidCSLJSON() throws {
        let items = try ReportFixtures.corpus.documents.map(CSLItem.init(document:)).map { item in
            try #require(JSONSerialization.jsonObject(with: JSONExport.document(item)) as? [String: Any])
        }
        for item in items { #expect(Self.problems(of: item) == [], "\(item["id"] ?? "?")") }
    }

    @Test func theValidatorRejectsWhatTheSchemaRejects() {
        #expect(!Self.problems(of: ["type": "webpage"]).isEmpty, "id is required")
        #expect(!Self.problems(of: ["id": "x"]).isEmpty, "type is required")
        #expect(!Self.problems(of: ["id": "x", "type": "web-page"]).isEmpty)
        #expect(!Self.problems(of: ["id": "x", "type": "webpage", "author": ["Jane Doe"]]).isEmpty)
        #expect(!Self.problems(of: ["id": "x", "type": "webpage", "author": [["given": "Jane"]]]).isEmpty)
        #expect(!Self.problems(of: ["id": "x", "type": "webpage", "issued": ["date-parts": [["2024", "5"]]]]).isEmpty)
        #expect(!Self.problems(of: ["id": "x", "type": "webpage", "issued": ["date-parts": [[2024, 13]]]]).isEmpty)
        #expect(!Self.problems(of: ["id": "x", "type": "webpage", "issued": "2024"]).isEmpty)
        #expect(!Self.problems(of: ["id": "x", "type": "webpage", "url": "https://example.org"]).isEmpty, "URL is upper-case in CSL")
        #expect(Self.problems(of: ["id": "x", "type": "webpage", "issued": ["raw": "spring 2024"], "author": [["literal": "Global Affairs Canada"]]]).isEmpty)
    }
}
