import Crosscheck
import Foundation

/// The line a build shows on a terminal while it runs: `[=====>    ]  45/120 files · 12.3 files/s · ETA 0:06`.
///
/// Pure: whether to show it and what it reads follow from their arguments alone. `ProgressDisplay` draws it.
enum ProgressBar {
    /// Seconds a build runs before the bar appears, so quick builds print only their summary.
    static let defaultDelay = 1.0

    /// The delay, unless `CROSSCHECK_PROGRESS_AFTER` (seconds) sets another (the tests set 0).
    static func delay(environment: [String: String] = ProcessInfo.processInfo.environment) -> Double {
        environment["CROSSCHECK_PROGRESS_AFTER"].flatMap(Double.init).map { max(0, $0) } ?? defaultDelay
    }

    /// Whether the bar is shown now: only on a terminal, never with `--quiet` or JSON messages, and only once the
    /// build has run for `delay` seconds.
    static func isShown(isTerminal: Bool, quiet: Bool, logFormat: LogFormat, elapsed: Double, delay: Double = defaultDelay) -> Bool {
        isTerminal && !quiet && logFormat == .text && elapsed >= delay
    }

    /// The bar for `progress` after `elapsed` seconds, padded with spaces to `width - 1` columns so that it covers the
    /// previous one when redrawn after a carriage return (and never wraps).
    static func line(_ progress: BuildProgress, elapsed: Double, width: Int = 80) -> String {
        let total = max(progress.filesTotal, 0)
        let done = min(max(progress.filesDone, 0), total)
        let files = "\(String(done).leftPadded(to: String(total).count))/\(total) files"
        let status: String
        switch progress.stage {
        case .reading: status = "\(files) · \(rate(done: done, elapsed: elapsed)) · ETA \(eta(done: done, total: total, elapsed: elapsed))"
        case .relating: status = "\(files) · relating claims…"
        case .writing: status = "\(files) · writing the corpus…"
        }
        let columns = max(width - 1, 1)
        let cells = min(30, columns - status.count - 3)
        let text = cells >= 10 ? "\(bar(fraction: total == 0 ? 1 : Double(done) / Double(total), cells: cells)) \(status)" : status
        return String(text.prefix(columns)).rightPadded(to: columns)
    }

    /// What clears the bar: spaces over it, the cursor back at the start of the line.
    static func clearing(width: Int = 80) -> String {
        "\r" + String(repeating: " ", count: max(width - 1, 1)) + "\r"
    }

    /// `[=========>          ]`, `cells` wide inside the brackets.
    static func bar(fraction: Double, cells: Int) -> String {
        let filled = Int((min(max(fraction, 0), 1) * Double(cells)).rounded(.down))
        if filled >= cells { return "[" + String(repeating: "=", count: cells) + "]" }
        return "[" + String(repeating: "=", count: filled) + ">" + String(repeating: " ", count: cells - filled - 1) + "]"
    }

    /// "12.3 files/s", "140 files/s", or "– files/s" before there is anything to measure.
    static func rate(done: Int, elapsed: Double) -> String {
        guard done > 0, elapsed > 0 else { return "– files/s" }
        let perSecond = Double(done) / elapsed
        return (perSecond < 10 ? String(format: "%.1f", perSecond) : String(format: "%.0f", perSecond)) + " files/s"
    }

    /// The time left at the rate so far, as `m:ss` or `h:mm:ss`; `–:––` before the first file is read.
    static func eta(done: Int, total: Int, elapsed: Double) -> String {
        guard done > 0, elapsed > 0 else { return "–:––" }
        let seconds = Int((Double(total - done) * elapsed / Double(done)).rounded(.up))
        let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))"
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: " ", count: length - count) + self
    }

    fileprivate func rightPadded(to length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
