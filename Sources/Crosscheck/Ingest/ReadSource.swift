/// What a reader makes of one source: its blocks of text in reading order and what it says about itself.
struct ReadSource: Sendable {
    var blocks: [Block]
    var metadata: SourceMetadata
    /// Problems worth telling the user about that did not stop the reading (e.g. a truncated page).
    var warnings: [String] = []
}

/// A unit of text that never shares a sentence with its neighbours.
struct Block: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case heading(level: Int)
        case paragraph
        case listItem
        case tableRow
        case quote
        case preformatted
        /// A question in a questions-and-answers list.
        case question
    }

    var kind: Kind
    var text: String

    var isHeading: Bool {
        if case .heading = kind { return true }
        return false
    }
}

/// A value a reader found, with where it found it.
struct Found<Value: Sendable>: Sendable {
    var value: Value
    var evidence: String
}

/// What a source says about itself.
struct SourceMetadata: Sendable {
    var title: Found<String>?
    var authors: Found<[String]>?
    var site: Found<String>?
    var url: Found<String>?
    var language: Found<String>?
    var published: DatedValue?
    var modified: DatedValue?
}
