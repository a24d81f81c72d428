import Foundation
@testable import Crosscheck

/// Corpora made by hand for the diff tests: documents with sections of sentences, and relations.
struct DiffCorpusBuilder {
    /// A section: its heading path and the sentences (each one claim) in it.
    typealias SectionSpec = (path: [String], sentences: [String])

    private(set) var documents: [Document] = []
    private(set) var claims: [Claim] = []
    private(set) var relations: [Relation] = []

    /// Adds a document whose id follows its content (as a build's does), so a renamed copy keeps it;
    /// `bytes` stands for the rest of the file (markup, sentences without claims) that the id also follows.
    mutating func add(_ path: String, _ sections: [SectionSpec], title: String? = nil, bytes: String = "") {
        let content = bytes + sections.map { $0.path.joined(separator: "/") + ":" + $0.sentences.joined(separator: " ") }.joined(separator: "\n")
        let id = "d" + Hashing.hexPrefix(of: content, length: Hashing.idDigits)
        let key = "key" + Hashing.hexPrefix(of: title ?? path, length: 6)
        var built: [Section] = []
        var seen: [String: Int] = [:]
        for (index, spec) in sections.enumerated() {
            let section = Section(id: "\(id)-s\(index + 1)", heading: spec.path.last ?? "", level: spec.path.count, path: spec.path,
                                  text: spec.sentences.joined(separator: " "))
            built.append(section)
            var offset = 0
            for sentence in spec.sentences {
                let occurrence = seen[sentence, default: 0]
                seen[sentence] = occurrence + 1
                let length = sentence.unicodeScalars.count
                claims.append(Claim(
                    id: ClaimExtractor.claimID(documentID: id, sentence: sentence, occurrence: occurrence), document: id, source: path,
                    section: section.id, sectionPath: spec.path, text: sentence, span: TextSpan(start: offset, end: offset + length),
                    kinds: ["money"], quantities: [], date: ClaimDate(value: nil, precision: nil, basis: .none, phrase: nil), citationKey: key))
                offset += length + 1
            }
        }
        documents.append(Document(
            id: id, source: SourceInfo(path: path, format: .text, sha256: id, bytes: content.utf8.count, encoding: "utf-8"), url: nil,
            title: title ?? path, authors: [], site: nil, language: nil, published: nil, modified: nil, evidence: [:], citationKey: key, sections: built))
    }

    /// The claim with this sentence in the document at `path`.
    func claim(_ sentence: String, in path: String) -> Claim? {
        claims.first { $0.source == path && $0.text == sentence }
    }

    /// Relates two claims, named by their sentences and paths.
    mutating func relate(_ kind: Relation.Kind, _ a: (String, String), _ b: (String, String)) {
        guard let first = claim(a.0, in: a.1), let second = claim(b.0, in: b.1) else { fatalError("no such claim: \(a) or \(b)") }
        func side(_ claim: Claim) -> RelatedClaim {
            RelatedClaim(id: claim.id, document: claim.document, source: .init(path: claim.source), text: claim.text, value: nil, date: claim.date)
        }
        relations.append(Relation(
            id: "r" + Hashing.hexPrefix(of: kind.rawValue + first.id + second.id, length: Hashing.idDigits), kind: kind, claims: [side(first), side(second)],
            subject: nil, metric: "trade", explanation: "\(first.source) and \(second.source) give different figures for trade.",
            confidence: 0.9, betterSupported: nil))
    }

    var corpus: Corpus {
        Corpus(documents: documents, claims: claims, relations: relations, inputs: documents.map {
            InputRecord(path: $0.source.path, sha256: $0.source.sha256, bytes: $0.source.bytes, status: .ok, document: $0.id, reason: nil)
        })
    }
}

/// Inboxes of text files for diff tests that go through a real build.
enum DiffInbox {
    /// A copy of the sample inbox in a new temporary folder.
    static func copyOfSampleInbox() throws -> URL {
        let folder = try TestSupport.temporaryFolder("crosscheck-diff")
        for name in try FileManager.default.contentsOfDirectory(atPath: TestSupport.inbox.path) {
            try FileManager.default.copyItem(at: TestSupport.inbox.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// Replaces the one occurrence of `old` in a file with `new`.
    static func edit(_ file: URL, replacing old: String, with new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        precondition(text.components(separatedBy: old).count == 2, "expected exactly one \(old) in \(file.lastPathComponent)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    /// The corpus a build of `folder` makes.
    static func corpus(of folder: URL) throws -> Corpus {
        BatchBuild.makeCorpus(files: try Discovery(inbox: folder).scan().files, jobs: 2, maxFileSize: BuildOptions.defaultMaxFileSize)
    }

    /// The corpus of one file with these contents.
    static func corpus(files: [String: String]) throws -> Corpus {
        let folder = try TestSupport.temporaryFolder("crosscheck-diff")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return try corpus(of: folder)
    }
}
