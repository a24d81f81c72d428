import Foundation
@testable import Crosscheck

/// Paths and helpers shared by the test suites.
enum TestSupport {
    /// The package root, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let inbox = packageRoot.appendingPathComponent("Inbox")
    static let fixtures = packageRoot.appendingPathComponent("Tests/CrosscheckTests/Fixtures")

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder(_ name: String = "crosscheck-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func bytes(of url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

    /// Runs a program to the end; its exit status and everything it printed (output and errors together).
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, said: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let said = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, said)
    }

    /// Runs one source through every stage, as a build does.
    static func process(_ url: URL, as path: String? = nil) throws -> SourceProcessor.Processed {
        let name = path ?? url.lastPathComponent
        guard case .known(let format) = Discovery.format(forName: name) else { return try SourceProcessor.process(bytes: bytes(of: url), path: name, declaredFormat: nil) }
        return try SourceProcessor.process(bytes: bytes(of: url), path: name, declaredFormat: format)
    }

    static func processText(_ text: String, name: String = "sample.txt") throws -> SourceProcessor.Processed {
        guard case .known(let format) = Discovery.format(forName: name) else { fatalError("unsupported fixture name") }
        return try SourceProcessor.process(bytes: Array(text.utf8), path: name, declaredFormat: format)
    }

    static let seedCorpus: Corpus = {
        let files = (try? Discovery(inbox: inbox).scan().files) ?? []
        return BatchBuild.makeCorpus(files: files, jobs: 2, maxFileSize: BuildOptions.defaultMaxFileSize)
    }()

    static func document(_ path: String, in corpus: Corpus = seedCorpus) -> Document? {
        corpus.documents.first { $0.source.path == path }
    }

    /// All section text of a document.
    static func allText(_ document: Document) -> String {
        document.sections.map { $0.heading + "\n" + $0.text }.joined(separator: "\n")
    }
}
