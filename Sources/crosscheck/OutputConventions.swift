import ArgumentParser
import Foundation

/// When to colour what the commands print.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Colour on a terminal only, and never when NO_COLOR is set (https://no-color.org) or TERM is dumb, unless asked for.
    func isEnabled(for descriptor: Int32) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = ProcessInfo.processInfo.environment
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isatty(descriptor) == 1
        }
    }
}

/// How progress and problems are reported on standard error: lines for people, or one JSON object a line for scripts.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
