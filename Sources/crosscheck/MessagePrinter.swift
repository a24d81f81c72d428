import Foundation

/// How much a message matters; the word that starts it in text (`crosscheck: error: …`) and its `level` in JSON.
enum MessageLevel: String, Sendable, CaseIterable {
    case error, warning, note
}

/// A value of one field of a JSON log line.
enum LogValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    /// A list (the paths a watch batch added).
    case array([LogValue])
    /// An object (a rename's from and to), keys sorted like the line's.
    case object([String: LogValue])
}

extension LogValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral {
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(floatLiteral value: Double) { self = .double(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }

    /// A string, or null when there is none.
    init(_ value: String?) { self = value.map(LogValue.string) ?? .null }
}

/// What the commands say on standard error, for people or for programs.
///
/// In text, one line a message, `crosscheck: error: FILE: MESSAGE`, the level coloured when colour is on,
/// and text from sources made harmless for the terminal. In JSON, one object a line with its keys sorted
/// (`{"file":"x.html","level":"error","message":"…"}`, `{"event":"built",…}`), the same bytes for the same message.
/// Shared by every command (build, diff, explain, and watch to come).
struct MessagePrinter: Sendable {
    var format: LogFormat
    var usesColor: Bool
    private let write: @Sendable (String) -> Void

    /// - Parameters:
    ///   - format: Lines for people, or JSON lines for programs.
    ///   - usesColor: Whether the level of a text line is coloured (never in JSON).
    ///   - write: Where each finished line (with its newline) goes; standard error unless a test listens.
    init(format: LogFormat = .text, usesColor: Bool = false, write: @escaping @Sendable (String) -> Void = MessagePrinter.standardError) {
        self.format = format
        self.usesColor = usesColor
        self.write = write
    }

    /// A printer set up from the command line as given, for messages printed before (or without) a parsed command:
    /// `--log-format json` and `--color always|never` are honoured wherever they stand.
    static func fromArguments(_ arguments: [String]) -> MessagePrinter {
        let format = value(of: "--log-format", in: arguments).flatMap(LogFormat.init(rawValue:)) ?? .text
        let color = value(of: "--color", in: arguments).flatMap(ColorChoice.init(rawValue:)) ?? .auto
        return MessagePrinter(format: format, usesColor: color.isEnabled(for: STDERR_FILENO))
    }

    /// Prints one message, about one file when `file` is given.
    func message(_ level: MessageLevel, _ text: String, file: String? = nil) {
        switch format {
        case .text: write(Self.textLine(level, text, file: file, usesColor: usesColor) + "\n")
        case .json: write(Self.jsonLine(["level": .string(level.rawValue), "file": LogValue(file), "message": .string(text)]) + "\n")
        }
    }

    /// Prints one event: in JSON, `fields` with `"event": name`; in text, `text` as it is (nothing when it is nil).
    func event(_ name: String, _ fields: [String: LogValue], text: String? = nil) {
        switch format {
        case .text: if let text { write(Terminal.sanitized(text) + "\n") }
        case .json: write(Self.jsonLine(fields.merging(["event": .string(name)]) { _, new in new }) + "\n")
        }
    }

    /// `crosscheck: error: FILE: MESSAGE`, without a newline; file and message sanitised for the terminal.
    static func textLine(_ level: MessageLevel, _ text: String, file: String? = nil, usesColor: Bool = false) -> String {
        let word = usesColor ? "\(level.colorCode)\(level.rawValue)\u{1B}[0m" : level.rawValue
        let subject = file.map { Terminal.sanitized($0) + ": " } ?? ""
        return "crosscheck: \(word): \(subject)\(Terminal.sanitized(text))"
    }

    /// One JSON object on one line, keys in sorted order, no newline. Control characters are escaped, never raw.
    static func jsonLine(_ fields: [String: LogValue]) -> String { encoded(.object(fields)) }

    @Sendable static func standardError(_ line: String) {
        FileHandle.standardError.write(Data(line.utf8))
    }

    private static func encoded(_ value: LogValue) -> String {
        switch value {
        case .string(let text): quoted(text)
        case .int(let number): String(number)
        case .double(let number): number.isFinite ? String(number) : "null"
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .array(let values): "[" + values.map(encoded).joined(separator: ",") + "]"
        case .object(let fields):
            "{" + fields.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { "\(quoted($0)):\(encoded(fields[$0] ?? .null))" }.joined(separator: ",") + "}"
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F) || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The value after `option` (`--option value` or `--option=value`), the last one given winning.
    private static func value(of option: String, in arguments: [String]) -> String? {
        var found: String?
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == option, index + 1 < arguments.endIndex {
                found = arguments[index + 1]
                index += 1
            } else if argument.hasPrefix(option + "=") {
                found = String(argument.dropFirst(option.count + 1))
            }
            index += 1
        }
        return found
    }
}

extension MessageLevel {
    /// Bold red, bold yellow, bold cyan.
    fileprivate var colorCode: String {
        switch self {
        case .error: "\u{1B}[1;31m"
        case .warning: "\u{1B}[1;33m"
        case .note: "\u{1B}[1;36m"
        }
    }
}
