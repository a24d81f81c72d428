import Foundation
import Testing

/// `crosscheck build` over an inbox of everything users save by mistake or on purpose: every good file ends
/// in the corpus, every bad one is named with its reason on standard error and in manifest.json, the exit
/// status says the run was partial, and time and memory stay bounded.
@Suite(.serialized) struct HostileInboxTests {
    let cli = CLITests()

    /// A file of the inbox: its name and bytes.
    struct Entry {
        var name: String
        var bytes: [UInt8]
        init(_ name: String, _ bytes: [UInt8]) { (self.name, self.bytes) = (name, bytes) }
        init(_ name: String, _ text: String) { (self.name, self.bytes) = (name, Array(text.utf8)) }
    }

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        Array(text.utf16).flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    /// Good files and the sentence each must contribute as a claim (nil: only the document is expected).
    static let good: [(Entry, String?)] = {
        let deep = 50_000
        return [
            (Entry("with spaces.txt", "Spaces reached 5 per cent in 2020."), "Spaces reached 5 per cent in 2020."),
            (Entry("new\nline.txt", "Newline names reached 6 per cent in 2020."), "Newline names reached 6 per cent in 2020."),
            (Entry("quo\"te's.txt", "Quoted names reached 7 per cent in 2020."), "Quoted names reached 7 per cent in 2020."),
            (Entry("東京-café.txt", "Tōkyō trade reached 8 per cent in 2020."), "Tōkyō trade reached 8 per cent in 2020."),
            (Entry("-rf.txt", "Dashed names reached 9 per cent in 2020."), "Dashed names reached 9 per cent in 2020."),
            (Entry("--help.html", "<html><body><p>Option-like names reached 10 per cent in 2020.</p></body></html>"),
             "Option-like names reached 10 per cent in 2020."),
            (Entry("utf16-bom.txt", [0xFF, 0xFE] + utf16("Exports grew 11 per cent in 2022, officials said.\n", bigEndian: false)),
             "Exports grew 11 per cent in 2022, officials said."),
            (Entry("utf16le.txt", utf16("Exports grew 12 per cent in 2022, officials said.\n", bigEndian: false)),
             "Exports grew 12 per cent in 2022, officials said."),
            (Entry("utf16be.txt", utf16("Exports grew 13 per cent in 2022, officials said.\n", bigEndian: true)),
             "Exports grew 13 per cent in 2022, officials said."),
            (Entry("wrong-charset.html", #"<html><head><meta charset="iso-8859-1"><title>Café</title></head><body><p>Montréal exports reached C$4 billion in 2021.</p></body></html>"#),
             "Montréal exports reached C$4 billion in 2021."),
            (Entry("deep.html", "<html><body>" + String(repeating: "<div>", count: deep) + "<p>Deep down, trade reached C$9 billion in 2020.</p>"
                + String(repeating: "</div>", count: deep) + "</body></html>"), "Deep down, trade reached C$9 billion in 2020."),
            // 20 MB on one line, with no full stop until its end.
            (Entry("long-line.txt", String(repeating: "word ", count: 4_000_000) + "and trade reached C$7 billion in 2019."), nil),
            // Valid UTF-8 cut inside its last character: read, flagged.
            (Entry("truncated.txt", Array(Array("Café owners in Montréal saw sales rise 14 per cent in 2023 — 東".utf8).dropLast(2))),
             "Café owners in Montréal saw sales rise 14 per cent in 2023 — \u{FFFD}"),
        ]
    }()

    /// Bad files and a part of the reason each must be given.
    static let bad: [(Entry, String)] = [
        (Entry("empty.html", []), "the file is empty (0 bytes)"),
        (Entry("blank.txt", " \n\t \r\n  "), "the file holds only white space"),
        (Entry("image.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + Array("IHDR".utf8) + (0..<2000).map { UInt8($0 % 251) }),
         "the file is binary (PNG image)"),
        (Entry("archive.txt", [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0] + (0..<2000).map { UInt8(($0 * 7) % 256) }), "the file is binary (ZIP archive)"),
        (Entry("program.html", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0] + (0..<2000).map { UInt8(($0 * 13) % 256) }), "the file is binary (ELF executable)"),
        (Entry("bad\nname\u{7}.html", []), "the file is empty (0 bytes)"),
    ]

    @Test(.timeLimit(.minutes(3))) func everyGoodFileIsInTheCorpusAndEveryBadOneIsNamed() throws {
        let root = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = root.appendingPathComponent("inbox")
        let fm = FileManager.default
        try fm.createDirectory(at: inbox.appendingPathComponent("tiny"), withIntermediateDirectories: true)
        for (entry, _) in Self.good { try Data(entry.bytes).write(to: inbox.appendingPathComponent(entry.name)) }
        for (entry, _) in Self.bad { try Data(entry.bytes).write(to: inbox.appendingPathComponent(entry.name)) }
        let tinyCount = 3_000
        for number in 0..<tinyCount {
            try Data("Tiny note \(number): filed.\n".utf8).write(to: inbox.appendingPathComponent("tiny/t\(number).txt"))
        }
        // A gigabyte that takes no disk; reading it would take a gigabyte of memory.
        #expect(fm.createFile(atPath: inbox.appendingPathComponent("huge.txt").path, contents: nil))
        #expect(truncate(inbox.appendingPathComponent("huge.txt").path, 1 << 30) == 0)
        // Links: a loop of two, one out of the inbox, one back to a folder already read.
        try Data("The secret figure was 99 per cent in 2020.".utf8).write(to: root.appendingPathComponent("secret.txt"))
        try fm.createSymbolicLink(atPath: inbox.appendingPathComponent("loop-a.txt").path, withDestinationPath: "loop-b.txt")
        try fm.createSymbolicLink(atPath: inbox.appendingPathComponent("loop-b.txt").path, withDestinationPath: "loop-a.txt")
        try fm.createSymbolicLink(atPath: inbox.appendingPathComponent("escape.txt").path, withDestinationPath: "../secret.txt")
        try fm.createSymbolicLink(atPath: inbox.appendingPathComponent("tiny/again").path, withDestinationPath: "..")
        let refused: [(String, String)] = [
            ("huge.txt", "the file is 1.0 GB, over the limit of 64 MB; raise it with --max-file-size"),
            ("loop-a.txt", "symbolic link is broken or loops"), ("loop-b.txt", "symbolic link is broken or loops"),
            ("escape.txt", "symbolic link leads outside the inbox; not followed"),
        ]

        let output = root.appendingPathComponent("out")
        let started = Date()
        let (result, peakKilobytes) = try runMeasured(["build", inbox.path, "--output", output.path, "--jobs", "2", "--max-file-size", "64"])
        let seconds = Date().timeIntervalSince(started)
        #expect(result.status == 1, "a partial run: \(result.stderr.suffix(2000))")
        #expect(seconds < 90, "the hostile inbox took \(seconds) s")
        if let peakKilobytes { #expect(peakKilobytes < 1_000_000, "peak memory \(peakKilobytes) KB: the 1 GB file must not be read") }

        // Named on standard error, each on its own line (a newline or BEL in a name cannot break or ring it).
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func sanitized(_ name: String) -> String {
            String(String.UnicodeScalarView(name.unicodeScalars.map { $0.properties.generalCategory == .control ? "\u{FFFD}" : $0 }))
        }
        for (name, reason) in Self.bad.map({ ($0.0.name, $0.1) }) + refused {
            #expect(lines.contains { $0.hasPrefix("crosscheck: error: \(inbox.path)/\(sanitized(name)): ") && $0.contains(reason) },
                    "stderr names \(name.debugDescription) with \(reason)")
        }
        #expect(lines.contains { $0.hasPrefix("crosscheck: warning: \(inbox.path)/truncated.txt: the file is not valid UTF-8") })
        #expect(lines.contains { $0.hasPrefix("crosscheck: note: \(inbox.path)/tiny/again: folder already visited") })
        #expect(!result.stderr.unicodeScalars.contains { $0 == "\u{7}" })
        let errorLines = lines.filter { $0.hasPrefix("crosscheck: error:") }
        #expect(errorLines.count == Self.bad.count + refused.count, "\(errorLines)")

        // Named in manifest.json with the same reasons.
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("manifest.json"))) as? [String: Any])
        let errors = Dictionary((manifest["errors"] as? [[String: String]] ?? []).map { ($0["path"] ?? "", $0["reason"] ?? "") }, uniquingKeysWith: { a, _ in a })
        for (name, reason) in Self.bad.map({ ($0.0.name, $0.1) }) + refused + [("truncated.txt", "not valid UTF-8")] {
            #expect(errors[name]?.contains(reason) == true, "manifest.json names \(name.debugDescription): \(errors[name] ?? "nothing")")
        }
        #expect(errors.count == Self.bad.count + refused.count + 1)

        // Every good file is a document, under its exact name, with its claim.
        let documents = try jsonLines(output.appendingPathComponent("documents.jsonl"))
        let paths = Set(documents.compactMap { ($0["source"] as? [String: Any])?["path"] as? String })
        for (entry, _) in Self.good { #expect(paths.contains(entry.name), "\(entry.name.debugDescription) is in the corpus") }
        #expect(paths.filter { $0.hasPrefix("tiny/") }.count == tinyCount)
        #expect(documents.count == Self.good.count + tinyCount)
        let claims = Set(try jsonLines(output.appendingPathComponent("claims.jsonl")).compactMap { $0["text"] as? String })
        for case (let entry, let sentence?) in Self.good { #expect(claims.contains(sentence), "the claim of \(entry.name.debugDescription)") }
        let everything = try String(contentsOf: output.appendingPathComponent("documents.jsonl"), encoding: .utf8)
        #expect(!everything.contains("secret figure"), "nothing from outside the inbox")
    }

    @Test func anUnreadableFileIsNamedEvenWhenTheTestsRunAsRoot() throws {
        let root = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data("Readable trade reached C$3 billion in 2020.".utf8).write(to: inbox.appendingPathComponent("readable.txt"))
        try Data("Locked trade reached C$4 billion in 2020.".utf8).write(to: inbox.appendingPathComponent("locked.txt"))
        chmod(inbox.appendingPathComponent("locked.txt").path, 0)
        var prefix: [String] = []
        if geteuid() == 0 {
            // Root reads whatever the mode says: run the build as nobody, or skip when that is not possible.
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
            chmod(root.path, 0o777)
            prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
        }
        let output = root.appendingPathComponent("out")
        let result = try runMeasured(prefix + [CLITests.executable.path, "build", inbox.path, "--output", output.path], viaPrefix: !prefix.isEmpty).run
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("crosscheck: error: \(inbox.path)/locked.txt: permission denied; make the file readable (chmod +r) or remove it"))
        let claims = try String(contentsOf: output.appendingPathComponent("claims.jsonl"), encoding: .utf8)
        #expect(claims.contains("Readable trade") && !claims.contains("Locked trade"))
    }

    /// A listening socket on 127.0.0.1 at a free port; nil where sockets are not allowed.
    static func listen() -> (descriptor: Int32, port: Int)? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && Glibc.listen(descriptor, 16) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { close(descriptor); return nil }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    @Test(.timeLimit(.minutes(1))) func pagesAskingForDTDsFilesAndEntityBombsLoadNothingAndStaySmall() throws {
        let root = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        guard let listener = Self.listen() else { return }
        defer { close(listener.descriptor) }
        let port = listener.port
        var laughs = #"<!ENTITY lol "lol">"# + "\n"
        for level in 1...9 {
            laughs += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">\n"
        }
        let body = """
            <html><head><title>Entities &xxe; &lol9;</title>
            <link rel="stylesheet" href="http://127.0.0.1:\(port)/style.css"><script src="http://127.0.0.1:\(port)/x.js"></script></head>
            <body><p>Trade reached C$5 billion in 2020 &xxe; &remote; &lol9;.</p>
            <img src="http://127.0.0.1:\(port)/pixel.png"><iframe src="http://127.0.0.1:\(port)/frame"></iframe>
            <p>Exports grew 3 per cent in 2021.</p></body></html>
            """
        let doctype = """
            <!DOCTYPE html SYSTEM "http://127.0.0.1:\(port)/x.dtd" [
            <!ENTITY xxe SYSTEM "file:///etc/passwd">
            <!ENTITY remote SYSTEM "http://127.0.0.1:\(port)/remote.txt">
            <!ENTITY % parameter SYSTEM "http://127.0.0.1:\(port)/parameter.dtd"> %parameter;
            \(laughs)]>

            """
        let inbox = root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data((doctype + body).utf8).write(to: inbox.appendingPathComponent("bomb.html"))
        try Data((#"<?xml version="1.0"?>"# + "\n" + doctype + body).utf8).write(to: inbox.appendingPathComponent("bomb.xhtml"))
        try Data((#"<?xml version="1.0"?>"# + "\n<!-- no extension -->\n" + doctype + body).utf8).write(to: inbox.appendingPathComponent("sniffed"))
        let output = root.appendingPathComponent("out")
        let started = Date()
        let (result, peakKilobytes) = try runMeasured(["build", inbox.path, "--output", output.path])
        #expect(Date().timeIntervalSince(started) < 20)
        if let peakKilobytes { #expect(peakKilobytes < 300_000, "peak memory \(peakKilobytes) KB: no entity was expanded") }
        #expect(result.status == 0, "\(result.stderr)")
        // Nothing connected: a connection attempt would be waiting in the listener's queue.
        _ = fcntl(listener.descriptor, F_SETFL, O_NONBLOCK)
        let accepted = accept(listener.descriptor, nil, nil)
        if accepted >= 0 { close(accepted) }
        #expect(accepted < 0, "the build connected to 127.0.0.1:\(port)")
        for name in try FileManager.default.contentsOfDirectory(atPath: output.path) where name != "corpus.sqlite" {
            let text = try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.contains("root:x:0:0") && !text.contains("lollollol"), "\(name) holds a file from disk or an expanded entity")
        }
        let claims = try String(contentsOf: output.appendingPathComponent("claims.jsonl"), encoding: .utf8)
        #expect(claims.components(separatedBy: "Exports grew 3 per cent in 2021.").count - 1 >= 3, "each page is read")
    }

    // MARK: Running

    func jsonLines(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// Runs the tool (or, with `viaPrefix`, the command line as given), with its peak memory in kilobytes
    /// when GNU time is there to measure it.
    func runMeasured(_ arguments: [String], viaPrefix: Bool = false) throws -> (run: CLITests.Run, peakKilobytes: Int?) {
        let time = "/usr/bin/time"
        guard !viaPrefix else { return (try runCommand(arguments), nil) }
        guard FileManager.default.isExecutableFile(atPath: time) else { return (try cli.run(arguments), nil) }
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-time-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: report) }
        let run = try runCommand([time, "-f", "%M", "-o", report.path, CLITests.executable.path] + arguments)
        let peak = (try? String(contentsOf: report, encoding: .utf8))?.split(separator: "\n").last.flatMap { Int($0) }
        return (run, peak)
    }

    func runCommand(_ command: [String]) throws -> CLITests.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes drained at once: a full stderr must not stall the child while stdout is read.
        let group = DispatchGroup()
        nonisolated(unsafe) var stderr = Data()
        DispatchQueue.global().async(group: group) { stderr = err.fileHandleForReading.readDataToEndOfFile() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CLITests.Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}
