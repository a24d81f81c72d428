import Foundation
import Testing

/// A source written to attack its readers, built end to end: the reports show its markup as text and run
/// nothing, links go only to the web, the citation files stay well-formed, and no command prints a byte
/// of it that could drive a terminal. (The escaping functions themselves are in `ReportEscapingTests`.)
@Suite(.serialized) struct OutputSafetyCLITests {
    let cli = CLITests()

    static let esc = "\u{1B}", bel = "\u{7}"

    /// Title, site, author, headings, sentences and links carrying script, `javascript:` URLs, entities,
    /// Markdown syntax, CSI and OSC 8 escape sequences and BEL, raw and as character references.
    static let page = """
        <!DOCTYPE html><html><head>
        <title>&lt;script&gt;alert("title")&lt;/script&gt; \(esc)[31mRed\(esc)[0m title\(bel) [x](javascript:alert(9)) *bold*</title>
        <link rel="canonical" href="javascript:alert(document.cookie)">
        <meta property="og:site_name" content="Evil \(esc)]8;;https://evil.example\(bel)Site\(esc)]8;;\(bel) &lt;b&gt;">
        <meta name="author" content="Mallory &#x1b;[2J&#7; &lt;img src=x onerror=alert(1)&gt;">
        </head><body><article>
        <h1>&lt;/h1&gt;&lt;script&gt;alert('heading')&lt;/script&gt; \(esc)[2J Heading</h1>
        <p>Revenue was &lt;img src=x onerror=alert(1)&gt; $5 million &amp; "rising" in 2023 \(esc)[31m red\(bel), see [link](javascript:alert(2)) | a | table | and `code`.</p>
        <p>Exports reached C$7 billion in 2022, see <a href="javascript:alert(3)">here</a> and \(esc)]8;;https://evil.example\(esc)\\click\(esc)]8;;\(esc)\\ now.</p>
        <script>alert("body script")</script>
        <p onclick="alert(4)">Imports grew 4 per cent in 2021 &lt;svg onload=alert(5)&gt; &#x1b;[31m&#x9b;1m&#7; # not a heading.</p>
        </article></body></html>
        """

    /// An inbox with the hostile page, a plain file with raw escapes, and an empty file whose name is an escape sequence.
    func makeInbox(in root: URL) throws -> URL {
        let inbox = root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data(Self.page.utf8).write(to: inbox.appendingPathComponent("evil.html"))
        try Data("Raw \(Self.esc)[31mred\(Self.esc)[0m\n\nTrade with Japan reached C$36 billion in 2023 \(Self.esc)]0;owned\(Self.bel) says \(Self.esc)[5mthis\(Self.esc)[0m.\n".utf8)
            .write(to: inbox.appendingPathComponent("raw.txt"))
        try Data().write(to: inbox.appendingPathComponent("name-\(Self.esc)[31m-\(Self.esc)]0;title\(Self.bel).html"))
        return inbox
    }

    /// Fails when text holds an escape, a BEL or any other C0/C1 control except line breaks and tabs.
    static func expectNoTerminalControl(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bad = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r") || (0x7F...0x9F).contains($0.value) }
        #expect(bad.isEmpty, "\(what) holds control characters \(bad.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
    }

    @Test func buildExplainAndDiffNeverPrintASourcesControlBytesAndTheReportsRunNothing() throws {
        let root = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = root.appendingPathComponent("before")
        let empty = root.appendingPathComponent("empty-inbox")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try Data("Trade with Japan reached C$35 billion in 2023.\n".utf8).write(to: empty.appendingPathComponent("calm.txt"))
        #expect(try cli.run(["build", empty.path, "--output", before.path, "--quiet"]).status == 0)

        let inbox = try makeInbox(in: root)
        let output = root.appendingPathComponent("out")
        let build = try cli.run(["build", inbox.path, "--output", output.path, "--color", "never"])
        #expect(build.status == 1, "the empty file makes the run partial: \(build.stderr)")
        #expect(build.stderr.contains("name-\u{FFFD}[31m-\u{FFFD}]0;title\u{FFFD}.html: the file is empty"), "\(build.stderr)")
        Self.expectNoTerminalControl(build.stdout + build.stderr, "build's output")
        let json = try cli.run(["build", inbox.path, "--output", root.appendingPathComponent("out-json").path, "--log-format", "json"])
        Self.expectNoTerminalControl(json.stdout + json.stderr, "build's JSON log")

        // explain, text and JSON, for every claim of the hostile sources.
        let claims = try String(contentsOf: output.appendingPathComponent("claims.jsonl"), encoding: .utf8).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(claims.count >= 4)
        #expect(claims.contains { ($0["text"] as? String ?? "").contains(Self.esc) }, "the corpus keeps the source's text as it is; only printing changes it")
        for claim in claims {
            let id = try #require(claim["id"] as? String)
            let text = try cli.run(["explain", id, "--output", output.path])
            #expect(text.status == 0, "\(text.stderr)")
            Self.expectNoTerminalControl(text.stdout + text.stderr, "explain \(id)")
            let asJSON = try cli.run(["explain", id, "--output", output.path, "--format", "json"])
            Self.expectNoTerminalControl(asJSON.stdout + asJSON.stderr, "explain --format json \(id)")
        }
        for relation in try String(contentsOf: output.appendingPathComponent("agreements.jsonl"), encoding: .utf8).split(separator: "\n")
            + (try String(contentsOf: output.appendingPathComponent("contradictions.jsonl"), encoding: .utf8).split(separator: "\n")) {
            let id = try #require((try JSONSerialization.jsonObject(with: Data(relation.utf8)) as? [String: Any])?["id"] as? String)
            let text = try cli.run(["explain", id, "--output", output.path])
            Self.expectNoTerminalControl(text.stdout + text.stderr, "explain \(id)")
        }

        // diff, both ways, text and JSON, coloured or not.
        for arguments in [[before.path, output.path], [output.path, before.path], [before.path, output.path, "--color", "always"],
                          [before.path, output.path, "--format", "json"], [before.path, output.path, "--log-format", "json", "--stat"]] {
            let diff = try cli.run(["diff"] + arguments)
            #expect(diff.status == 1, "\(diff.stderr)")
            let shown = arguments.contains("always") ? diff.stdout.replacingOccurrences(of: #"\u{1B}\[[0-9;]*m"#, with: "", options: .regularExpression) : diff.stdout
            Self.expectNoTerminalControl(shown + diff.stderr, "diff \(arguments.dropFirst(2))")
        }
        let diffText = try cli.run(["diff", before.path, output.path]).stdout
        #expect(diffText.contains("Revenue was <img src=x onerror=alert(1)> $5 million"), "a terminal shows the text as the source has it")

        try expectSafeReports(in: output)
    }

    /// report.html runs nothing and links only to the web; report.md shows markup as text; the citation files parse.
    func expectSafeReports(in output: URL) throws {
        let html = try String(contentsOf: output.appendingPathComponent("report.html"), encoding: .utf8)
        let lower = html.lowercased()
        #expect(!lower.contains("<script") && !lower.contains("<img") && !lower.contains("<svg") && !lower.contains("<iframe"))
        #expect(html.range(of: #"<[a-zA-Z][^>]*\s(on[a-z]+)\s*="#, options: .regularExpression) == nil, "no event handler attribute")
        let hrefs = html.matches(of: #/href="([^"]*)"/#).map { String($0.output.1) }
        #expect(hrefs.allSatisfy { $0.hasPrefix("#") || $0.hasPrefix("https://") || $0.hasPrefix("http://") }, "\(hrefs)")
        #expect(html.range(of: #"<[a-zA-Z][^>]*\s(src|action|formaction)\s*="#, options: .regularExpression) == nil, "nothing loaded")
        #expect(html.contains("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;"), "the title's markup is shown as text")
        #expect(html.contains("javascript:alert(document.cookie)"), "the source's URL is shown, inert")
        Self.expectNoTerminalControl(html, "report.html")

        let markdown = try String(contentsOf: output.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.range(of: #"(?<!\\)\]\(\s*javascript"#, options: .regularExpression) == nil && !markdown.contains("<javascript"),
                "no Markdown link to javascript:")
        let prose = markdown.replacingOccurrences(of: "`[^`\n]*`", with: "", options: .regularExpression)
        #expect(prose.range(of: #"(?<!\\)<(?!https?://)[a-zA-Z/!?]"#, options: .regularExpression) == nil, "raw HTML in report.md would render")
        #expect(markdown.contains(#"\<script\>alert("title")\</script\>"#))
        #expect(!markdown.contains("\n# not a heading"), "a # from a source never starts a heading")
        Self.expectNoTerminalControl(markdown, "report.md")

        let bib = try String(contentsOf: output.appendingPathComponent("citations.bib"), encoding: .utf8)
        var depth = 0, escaped = false
        for character in bib {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "{" { depth += 1 } else if character == "}" { depth -= 1; #expect(depth >= 0) }
        }
        #expect(depth == 0, "citations.bib braces balance")
        #expect(!bib.contains("url = {javascript"), "only web URLs in url fields")
        #expect(bib.contains("@misc{"), "a source without a web URL is @misc")
        Self.expectNoTerminalControl(bib, "citations.bib")

        let csl = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("citations.json"))) as? [[String: Any]])
        #expect(csl.count == 2)
        #expect(!csl.contains { ($0["URL"] as? String ?? "").lowercased().hasPrefix("javascript") })
    }

    @Test func theWatchersTextLogNeverPrintsASourcesControlBytes() throws {
        let root = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = try makeInbox(in: root)
        let output = root.appendingPathComponent("out")
        let process = Process()
        process.executableURL = CLITests.executable
        process.arguments = ["watch", inbox.path, "--output", output.path, "--log-format", "text", "--color", "never"]
        let err = Pipe(), out = Pipe()
        process.standardError = err
        process.standardOutput = out
        try process.run()
        let manifest = output.appendingPathComponent("manifest.json")
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: manifest.path) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        // A second batch while it watches: a new hostile file, named with escapes too.
        try Data("New \(Self.esc)[31m\n\nTrade reached C$2 billion in 2024 \(Self.esc)[2J\(Self.bel).\n".utf8)
            .write(to: inbox.appendingPathComponent("later-\(Self.esc)[1m.txt"))
        try Data().write(to: inbox.appendingPathComponent("later-empty-\(Self.esc)[1m.txt"))
        func documents() -> Int {
            let object = (try? Data(contentsOf: manifest)).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
            return (object?["counts"] as? [String: Any])?["documents"] as? Int ?? 0
        }
        while documents() < 3 && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: 0.2)
        kill(process.processIdentifier, SIGTERM)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(stderr.contains("crosscheck: ready:") && stderr.contains("crosscheck: batch: 2 added"), "\(stderr)")
        #expect(stderr.contains("later-empty-\u{FFFD}[1m.txt: the file is empty"), "\(stderr)")
        Self.expectNoTerminalControl(stderr + stdout, "watch's log")
    }
}
