import ArgumentParser
import Crosscheck
import Foundation

/// `crosscheck`: turns a folder of sources into a cited, cross-checked corpus.
@main
struct CrosscheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crosscheck",
        abstract: "Turn a folder of sources (saved web pages, copied text) into a cited corpus of claims.",
        discussion: """
            Run with no arguments to build the corpus of ./Inbox into ./Output,
            the same as 'crosscheck build Inbox --output Output'.
            'crosscheck diff OLD NEW' shows what changed between two corpora;
            'crosscheck explain ID' shows one claim or relation with its sources.

            Examples:
              crosscheck                               # Inbox -> Output
              crosscheck build ~/research/japan -o ~/research/japan-corpus
              crosscheck explain cf5ad14ba09fcaeec     # one claim of ./Output
              crosscheck diff Output-before Output --stat
              crosscheck --generate-completion-script zsh > ~/.zfunc/_crosscheck

            ENVIRONMENT
              NO_COLOR   set and not empty: no colour unless --color always
              TERM=dumb  no colour unless --color always

            EXIT STATUS
              0  every file was read
              1  the corpus was written, but some files were rejected or read
                 with problems (each is named with its reason on standard error
                 and in Output/manifest.json)
              2  usage error, or the inbox or output folder could not be used
                 (nothing written)
            """,
        version: CrosscheckVersion.current,
        subcommands: [BuildCommand.self, WatchCommand.self, DiffCommand.self, ExplainCommand.self],
        defaultSubcommand: BuildCommand.self)

    static func main() {
        MemoryTuning.returnLargeBlocksWhenFreed()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Self.exit(withError: exit)
        } catch let error as CrosscheckError {
            MessagePrinter.fromArguments(CommandLine.arguments).message(.error, "\(error)")
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let printer = MessagePrinter.fromArguments(CommandLine.arguments)
            switch printer.format {
            case .text: Terminal.error(fullMessage(for: error))
            case .json: printer.message(.error, message(for: error))
            }
            Foundation.exit(2)
        }
    }
}

/// Writing to standard error.
enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Source text shown on a terminal: control characters (escape sequences) replaced, so a file name cannot drive the terminal.
    static func sanitized(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "\u{FFFD}" : $0 }))
    }

    /// JSON for standard output with DEL and the C1 controls (U+007F–U+009F, such as U+009B, a one-character
    /// escape sequence) written as `\u00XX`: JSON encoders escape only U+0000–U+001F, and a source's text must
    /// not drive the terminal that shows the JSON. Same value for any JSON reader; controls only occur in strings.
    static func escapingC1Controls(inJSON data: Data) -> Data {
        guard data.contains(where: { $0 == 0x7F || $0 == 0xC2 }) else { return data }
        var out = Data(capacity: data.count + 64)
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            if byte == 0x7F {
                out.append(contentsOf: Array("\\u007f".utf8))
            } else if byte == 0xC2, index + 1 < data.endIndex, (0x80...0x9F).contains(data[index + 1]) {
                out.append(contentsOf: Array(String(format: "\\u%04x", data[index + 1]).utf8))
                index += 1
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }
}
