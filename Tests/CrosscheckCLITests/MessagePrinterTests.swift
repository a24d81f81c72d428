import Foundation
import Synchronization
import Testing
@testable import crosscheck

/// Messages on standard error: text lines for people, JSON lines for programs, the same bytes every time.
@Suite struct MessagePrinterTests {
    /// What a printer wrote.
    final class Lines: Sendable {
        let written = Mutex<[String]>([])
        var all: [String] { written.withLock { $0 } }
        func write(_ line: String) { written.withLock { $0.append(line) } }
    }

    @Test func aTextMessageNamesTheLevelAndTheFile() {
        #expect(MessagePrinter.textLine(.error, "the file is empty (0 bytes)", file: "Inbox/empty.html")
            == "crosscheck: error: Inbox/empty.html: the file is empty (0 bytes)")
        #expect(MessagePrinter.textLine(.note, "skipped") == "crosscheck: note: skipped")
    }

    @Test func colourIsOnTheLevelWordAloneAndOnlyWhenAskedFor() {
        #expect(MessagePrinter.textLine(.error, "bad", file: "x.html", usesColor: true) == "crosscheck: \u{1B}[1;31merror\u{1B}[0m: x.html: bad")
        #expect(MessagePrinter.textLine(.warning, "odd", usesColor: true).contains("\u{1B}[1;33mwarning\u{1B}[0m"))
        for level in MessageLevel.allCases {
            #expect(!MessagePrinter.textLine(level, "text", file: "f", usesColor: false).contains("\u{1B}"))
        }
    }

    @Test func textFromSourcesCannotDriveTheTerminal() {
        let line = MessagePrinter.textLine(.error, "bad \u{1B}]0;pwned\u{07}", file: "evil\u{1B}[2J.html")
        #expect(!line.contains("\u{1B}") && !line.contains("\u{07}"))
    }

    @Test func aJSONLineHasSortedKeysAndEscapesEverythingItMust() throws {
        let line = MessagePrinter.jsonLine(["message": "say \"hi\"\n\u{1B}[31m", "level": "error", "file": .null, "count": 3, "seconds": 0.25, "ok": true])
        #expect(line == #"{"count":3,"file":null,"level":"error","message":"say \"hi\"\n\u001b[31m","ok":true,"seconds":0.25}"#)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(parsed["message"] as? String == "say \"hi\"\n\u{1B}[31m")
        #expect(MessagePrinter.jsonLine(["b": 1, "a": 2]) == MessagePrinter.jsonLine(["a": 2, "b": 1]))
        #expect(MessagePrinter.jsonLine(["x": .double(.nan)]) == #"{"x":null}"#)
    }

    @Test func aPrinterWritesOneLinePerMessageInItsFormat() {
        let lines = Lines()
        let json = MessagePrinter(format: .json, usesColor: true) { lines.write($0) }
        json.message(.warning, "truncated", file: "in/a.html")
        json.event("built", ["claims": 3], text: "Built")
        let text = MessagePrinter(format: .text) { lines.write($0) }
        text.message(.error, "gone")
        text.event("built", ["claims": 3])
        text.event("timings", [:], text: "crosscheck: timings: read 0.1 s")
        #expect(lines.all == [
            #"{"file":"in/a.html","level":"warning","message":"truncated"}"# + "\n",
            #"{"claims":3,"event":"built"}"# + "\n",
            "crosscheck: error: gone\n",
            "crosscheck: timings: read 0.1 s\n",
        ])
    }

    @Test func optionsAreFoundOnTheRawCommandLineForErrorsBeforeParsing() {
        #expect(MessagePrinter.fromArguments(["crosscheck", "build", "--log-format", "json"]).format == .json)
        #expect(MessagePrinter.fromArguments(["crosscheck", "build", "--log-format=json", "--color=always"]).usesColor)
        #expect(MessagePrinter.fromArguments(["crosscheck", "build", "--color", "never"]).usesColor == false)
        #expect(MessagePrinter.fromArguments(["crosscheck", "build", "--", "--log-format", "json"]).format == .text)
        #expect(MessagePrinter.fromArguments(["crosscheck", "--log-format"]).format == .text)
    }
}
