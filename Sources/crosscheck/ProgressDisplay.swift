import Crosscheck
import Dispatch
import Foundation
import Synchronization

/// Draws `ProgressBar` on standard error while a build runs: from the build's reports and from a timer (so the bar
/// appears and its ETA moves even while one large file is read), at most ten times a second, redrawn in place after
/// a carriage return, and wiped when the build ends.
final class ProgressDisplay: Sendable {
    private struct State {
        var progress: BuildProgress?
        var lastDraw: UInt64?
        var lastLine = ""
        var isStopped = false
    }

    private let state = Mutex(State())
    private let started = DispatchTime.now().uptimeNanoseconds
    private let delay: Double
    private let descriptor: Int32
    /// Dispatch sources may be cancelled from any thread; the type is just not marked Sendable.
    nonisolated(unsafe) private let timer: DispatchSourceTimer
    private static let interval: UInt64 = 100_000_000

    /// A display for a build, or nil when the bar can never be shown (not a terminal, `--quiet`, JSON messages).
    static func forBuild(quiet: Bool, logFormat: LogFormat, descriptor: Int32 = STDERR_FILENO) -> ProgressDisplay? {
        let isTerminal = isatty(descriptor) == 1
        // With an infinite wait the decision rests on the other three alone: could the bar ever be shown?
        guard ProgressBar.isShown(isTerminal: isTerminal, quiet: quiet, logFormat: logFormat, elapsed: .infinity) else { return nil }
        return ProgressDisplay(delay: ProgressBar.delay(), descriptor: descriptor)
    }

    private init(delay: Double, descriptor: Int32) {
        self.delay = delay
        self.descriptor = descriptor
        timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + .milliseconds(100), repeating: .milliseconds(100))
        timer.setEventHandler { [weak self] in self?.draw(nil) }
        timer.resume()
    }

    /// Takes a report from the build (any thread) and redraws if it is time to.
    func update(_ progress: BuildProgress) { draw(progress) }

    /// Stops drawing and wipes the bar if it was drawn; call before printing anything else.
    func stop() {
        timer.cancel()
        state.withLock { state in
            guard !state.isStopped else { return }
            state.isStopped = true
            if state.lastDraw != nil { write(ProgressBar.clearing(width: terminalWidth())) }
        }
    }

    private func draw(_ report: BuildProgress?) {
        let now = DispatchTime.now().uptimeNanoseconds
        let elapsed = Double(now - started) / 1e9
        state.withLock { state in
            guard !state.isStopped else { return }
            if let report {
                // Reports from several threads may arrive out of order: the furthest one stands.
                if let shown = state.progress, shown.stage == report.stage, shown.filesDone > report.filesDone {} else { state.progress = report }
            }
            guard let progress = state.progress,
                  ProgressBar.isShown(isTerminal: true, quiet: false, logFormat: .text, elapsed: elapsed, delay: delay) else { return }
            // The timer fires every 100 ms; allow it some jitter, but never draw twice within ~0.1 s.
            if let last = state.lastDraw, now - last < Self.interval * 9 / 10 { return }
            let line = ProgressBar.line(progress, elapsed: elapsed, width: terminalWidth())
            guard line != state.lastLine else { return }
            state.lastDraw = now
            state.lastLine = line
            write("\r" + line)
        }
    }

    private func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            bytes = bytes.dropFirst(count)
        }
    }

    /// Columns of the terminal: the window size, else `COLUMNS`, else 80.
    private func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
    }
}
