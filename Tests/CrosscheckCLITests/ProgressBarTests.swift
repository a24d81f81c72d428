import Crosscheck
import Foundation
import Testing
@testable import crosscheck

/// The progress bar as a pure function: when it shows, and what it reads.
@Suite struct ProgressBarTests {
    @Test func showsOnlyOnATerminalWithoutQuietOrJSONAndAfterTheDelay() {
        #expect(ProgressBar.isShown(isTerminal: true, quiet: false, logFormat: .text, elapsed: 1.5))
        #expect(!ProgressBar.isShown(isTerminal: false, quiet: false, logFormat: .text, elapsed: 1.5), "piped: silent")
        #expect(!ProgressBar.isShown(isTerminal: true, quiet: true, logFormat: .text, elapsed: 1.5), "--quiet: silent")
        #expect(!ProgressBar.isShown(isTerminal: true, quiet: false, logFormat: .json, elapsed: 1.5), "JSON messages: no bar")
        #expect(!ProgressBar.isShown(isTerminal: true, quiet: false, logFormat: .text, elapsed: 0.4), "a quick build prints its summary alone")
        #expect(ProgressBar.isShown(isTerminal: true, quiet: false, logFormat: .text, elapsed: 0, delay: 0))
    }

    @Test func theDelayIsOneSecondUnlessTheEnvironmentSetsIt() {
        #expect(ProgressBar.delay(environment: [:]) == 1)
        #expect(ProgressBar.delay(environment: ["CROSSCHECK_PROGRESS_AFTER": "0"]) == 0)
        #expect(ProgressBar.delay(environment: ["CROSSCHECK_PROGRESS_AFTER": "2.5"]) == 2.5)
        #expect(ProgressBar.delay(environment: ["CROSSCHECK_PROGRESS_AFTER": "soon"]) == 1)
    }

    @Test func readingShowsFilesRateAndTimeLeft() {
        let line = ProgressBar.line(BuildProgress(stage: .reading, filesDone: 45, filesTotal: 120), elapsed: 3, width: 80)
        #expect(line.hasPrefix("[===========>"))
        #expect(line.contains("]  45/120 files · 15 files/s · ETA 0:05"), "the count padded to the width of the total")
        #expect(line.count == 79, "padded to one column less than the terminal, so a redraw covers the last one and never wraps")
        #expect(!line.contains("\n") && !line.contains("\r"))
    }

    @Test func countsKeepTheirWidthAsTheyGrow() {
        let early = ProgressBar.line(BuildProgress(stage: .reading, filesDone: 5, filesTotal: 120), elapsed: 2, width: 80)
        #expect(early.contains("]   5/120 files · 2.5 files/s · ETA 0:46"))
    }

    @Test func beforeTheFirstFileThereIsNoRateOrETA() {
        let line = ProgressBar.line(BuildProgress(stage: .reading, filesDone: 0, filesTotal: 9), elapsed: 1.2, width: 80)
        #expect(line.hasPrefix("[>"))
        #expect(line.contains("0/9 files · – files/s · ETA –:––"))
    }

    @Test func laterStagesSayWhatIsHappening() {
        let relating = ProgressBar.line(BuildProgress(stage: .relating, filesDone: 9, filesTotal: 9), elapsed: 4, width: 80)
        #expect(relating.contains("[==============================] 9/9 files · relating claims…"))
        let writing = ProgressBar.line(BuildProgress(stage: .writing, filesDone: 9, filesTotal: 9), elapsed: 5, width: 80)
        #expect(writing.contains("9/9 files · writing the corpus…"))
    }

    @Test func aNarrowTerminalGetsTheWordsWithoutTheBar() {
        let line = ProgressBar.line(BuildProgress(stage: .reading, filesDone: 1, filesTotal: 2), elapsed: 1, width: 40)
        #expect(line == "1/2 files · 1.0 files/s · ETA 0:01".padding(toLength: 39, withPad: " ", startingAt: 0))
        #expect(ProgressBar.line(BuildProgress(stage: .reading, filesDone: 1, filesTotal: 2), elapsed: 1, width: 12).count == 11)
    }

    @Test func timeLeftReadsAsClockTime() {
        #expect(ProgressBar.eta(done: 1, total: 2, elapsed: 0.2) == "0:01", "rounded up: never 0:00 while files are left")
        #expect(ProgressBar.eta(done: 10, total: 100, elapsed: 60) == "9:00")
        #expect(ProgressBar.eta(done: 1, total: 100, elapsed: 60) == "1:39:00")
        #expect(ProgressBar.rate(done: 300, elapsed: 2) == "150 files/s")
    }

    @Test func clearingCoversTheBarAndReturnsToTheStartOfTheLine() {
        let clearing = ProgressBar.clearing(width: 80)
        #expect(clearing == "\r" + String(repeating: " ", count: 79) + "\r")
    }
}
