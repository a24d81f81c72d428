import ArgumentParser
import Crosscheck
import Foundation

/// `crosscheck explain ID`: one claim or relation with its sources and context.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show one claim or relation with its sources and context.",
        discussion: """
            ID is a claim id (c and 14 hex digits, as in claims.jsonl and
            report.md) or a relation id (r and 14 hex digits, as in
            contradictions.jsonl and the other relation files). The beginning
            of an id is enough when no other id begins the same way.

            A claim is shown with its document (title, file, URL, citation
            key), section, date and what it was read from, its values as
            normalised, the sentences around it, and the relations it takes
            part in. A relation is shown with its kind, confidence and
            explanation, then each of its two claims in the same way.

            Examples:
              crosscheck explain cf5ad14ba09fcaeec      # a claim, from ./Output
              crosscheck explain r7d0 -o ~/research/japan-corpus
              crosscheck explain cf5ad14ba09fcaeec --format json | jq .claim.quantities

            EXIT STATUS
              0  the claim or relation was printed
              2  no claim or relation has this id (close ids are suggested),
                 the corpus cannot be read, or a usage error
            """)

    /// How the claim or relation is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "A claim id (c…) or relation id (r…), or the beginning of one.")
    var id: String

    @Option(name: [.short, .long], help: "The corpus: a folder that 'crosscheck build' wrote, or its corpus.sqlite.", completion: .directory)
    var output: String = "Output"

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let printer = MessagePrinter(usesColor: ColorChoice.auto.isEnabled(for: STDERR_FILENO))
        let corpus: Corpus
        do {
            corpus = try CorpusLocation.load(output)
        } catch let error as CrosscheckError {
            printer.message(.error, "\(error)")
            throw ExitCode(2)
        }
        let target: ExplainTarget
        switch ExplainTarget.find(id.trimmingCharacters(in: .whitespaces), in: corpus) {
        case .found(let found):
            target = found
        case .notFound(let message):
            printer.message(.error, message)
            throw ExitCode(2)
        }
        switch format {
        case .text:
            FileHandle.standardOutput.write(Data(ExplainText.render(target, in: corpus).utf8))
        case .json:
            FileHandle.standardOutput.write(Terminal.escapingC1Controls(inJSON: try ExplainJSON.render(target, in: corpus)))
        }
    }
}

/// What `explain` was asked about, once found.
enum ExplainTarget {
    case claim(Claim)
    case relation(Relation)

    /// Either the claim or relation, or a message saying what was not found and which ids come close.
    enum Lookup {
        case found(ExplainTarget)
        case notFound(String)
    }

    /// The claim or relation with `id`, or with the only claim or relation id that begins with `id`.
    static func find(_ id: String, in corpus: Corpus) -> Lookup {
        if let claim = corpus.claim(id: id) { return .found(.claim(claim)) }
        if let relation = corpus.relation(id: id) { return .found(.relation(relation)) }
        if corpus.document(id: id) != nil {
            return .notFound("\(id) is a document, not a claim or relation; its claims are in claims.jsonl under \"document\": \"\(id)\"")
        }
        let explainable = corpus.ids(startingWith: id).filter { $0.hasPrefix("c") || $0.hasPrefix("r") }
        if explainable.count == 1, let only = explainable.first {
            return find(only, in: corpus)
        }
        if explainable.count > 1 {
            return .notFound("\(id) begins \(explainable.count) ids; give more of it: \(list(explainable))")
        }
        let kind = id.hasPrefix("c") ? "claim" : id.hasPrefix("r") ? "relation" : "claim or relation"
        let message = "no \(kind) has the id \(id) in this corpus"
        guard id.hasPrefix("c") || id.hasPrefix("r") else {
            return .notFound(message + "; claim ids begin with c and relation ids with r (see claims.jsonl, contradictions.jsonl, report.md)")
        }
        // Ids that share the longest beginning with the one given: most likely a typo or an id from another build.
        for length in stride(from: id.count - 1, through: 2, by: -1) {
            let close = corpus.ids(startingWith: String(id.prefix(length))).filter { $0.hasPrefix("c") || $0.hasPrefix("r") }
            if !close.isEmpty { return .notFound(message + "; ids that begin the same way: \(list(close))") }
        }
        return .notFound(message + "; was the corpus rebuilt since the id was copied?")
    }

    /// Up to five ids, and how many more.
    private static func list(_ ids: [String]) -> String {
        ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? " and \(ids.count - 5) more" : "")
    }
}
