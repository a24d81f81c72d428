extension CorpusDiff {
    /// The first line of the text output: `documents +2 −1 ~3 · claims +12 −3 ~5 · contradictions +1 −2`.
    ///
    /// Sections, moved claims, renamed documents and the other kinds of relation are named only when
    /// there are any.
    public var summaryLine: String {
        var parts: [String] = []
        let documents = counts.documents
        parts.append("documents +\(documents.added) −\(documents.removed) ~\(documents.changed)" + (documents.renamed > 0 ? " (\(documents.renamed) renamed)" : ""))
        let sections = counts.sections
        if sections.added + sections.removed + sections.moved > 0 {
            parts.append("sections +\(sections.added) −\(sections.removed)" + (sections.moved > 0 ? " (\(sections.moved) moved)" : ""))
        }
        let claims = counts.claims
        parts.append("claims +\(claims.added) −\(claims.removed) ~\(claims.changed)" + (claims.moved > 0 ? " (\(claims.moved) moved)" : ""))
        for kind in Relation.Kind.allCases {
            let tally = counts.relations(kind)
            guard kind == .contradiction || tally.appeared + tally.resolved > 0 else { continue }
            parts.append("\(DiffText.plural(kind)) +\(tally.appeared) −\(tally.resolved)")
        }
        return parts.joined(separator: " · ")
    }

    /// The diff for a person: the summary line, then the changes by document and section, then the
    /// relations that appeared or were resolved. Empty when the corpora are identical.
    ///
    /// - Parameters:
    ///   - color: Whether to colour with ANSI escapes (for a terminal).
    ///   - statOnly: Whether to print the summary line alone.
    /// - Returns: Lines ending in a newline; text from the sources has its control characters replaced.
    public func text(color: Bool = false, statOnly: Bool = false) -> String {
        guard !isIdentical else { return "" }
        let style = DiffText.Style(isColored: color)
        var out = style.paint(summaryLine, .bold) + "\n"
        if statOnly { return out }
        for document in documents { out += "\n" + DiffText.render(document, style) }
        for kind in Relation.Kind.allCases {
            let changes = relations.filter { $0.relation.kind == kind }
            guard !changes.isEmpty else { continue }
            out += "\n" + style.paint(DiffText.plural(kind), .bold) + "\n"
            for change in changes { out += DiffText.render(change, style) }
        }
        return out
    }
}

/// The pieces of the text output.
enum DiffText {
    static func plural(_ kind: Relation.Kind) -> String {
        switch kind {
        case .contradiction: "contradictions"
        case .changeOverTime: "changes over time"
        case .agreement: "agreements"
        case .differentQualifier: "qualifier differences"
        }
    }

    static func render(_ document: DocumentChange, _ style: Style) -> String {
        var out = header(document, style) + "\n"
        if let side = document.new ?? document.old {
            out += "  " + style.paint("\(clean(side.citation)) [@\(clean(side.citationKey))]", .dim) + "\n"
        }
        for section in document.sections {
            let (mark, color, note): (String, Style.Color, String) = switch section.kind {
            case .added: ("+", .green, "section added")
            case .removed: ("-", .red, "section removed")
            case .moved: (">", .cyan, "section moved")
            }
            out += "  " + style.paint("\(mark) § \(path(section.path)) (\(note))", color) + "\n"
        }
        if document.kind == .modified && document.sections.isEmpty && document.claims.isEmpty {
            out += "  no claim changed, and no section was added, removed or moved\n"
        }
        var currentSection: [String]?
        for claim in document.claims {
            if claim.sectionPath != currentSection {
                currentSection = claim.sectionPath
                out += "  " + style.paint("§ \(path(claim.sectionPath))", .cyan) + "\n"
            }
            out += "    " + line(claim, style) + "\n"
        }
        return out
    }

    private static func header(_ document: DocumentChange, _ style: Style) -> String {
        let paths = document.old.flatMap { old in document.new.map { old.path == $0.path ? $0.path : "\(old.path) → \($0.path)" } } ?? document.path
        let claimCount = document.claims.count
        let (mark, color, what): (String, Style.Color, String) = switch document.kind {
        case .added: ("+", .green, "added, \(claimCount) \(claimCount == 1 ? "claim" : "claims")")
        case .removed: ("-", .red, "removed, \(claimCount) \(claimCount == 1 ? "claim" : "claims")")
        case .renamed: ("~", .yellow, "renamed, same content")
        case .modified: ("~", .yellow, (document.old?.path != document.new?.path ? "renamed and modified, " : "modified, ") + percent(document.similarity) + " similar")
        }
        return style.paint("\(mark) \(clean(paths))", .bold, color) + style.paint(" · \(what)", color)
    }

    private static func line(_ claim: ClaimChange, _ style: Style) -> String {
        let citation = style.paint(" [@\(clean((claim.new ?? claim.old)?.citationKey ?? ""))]", .dim)
        switch claim.kind {
        case .added:
            return style.paint("+ \(clean(claim.new?.text ?? ""))", .green) + citation
        case .removed:
            return style.paint("- \(clean(claim.old?.text ?? ""))", .red) + citation
        case .changed:
            return style.paint("~", .yellow) + " " + highlight(claim.edits, style) + citation + movedNote(claim, style)
        case .moved, .unchanged:
            return style.paint("> \(clean(claim.new?.text ?? ""))", .cyan) + citation + movedNote(claim, style)
        }
    }

    private static func movedNote(_ claim: ClaimChange, _ style: Style) -> String {
        guard let old = claim.old, let new = claim.new else { return "" }
        if old.sectionPath != new.sectionPath { return style.paint(" (moved from § \(path(old.sectionPath)))", .dim) }
        return claim.kind == .moved ? style.paint(" (its section moved)", .dim) : ""
    }

    static func render(_ change: RelationChange, _ style: Style) -> String {
        let (mark, color): (String, Style.Color) = change.kind == .appeared ? ("+", .green) : ("-", .red)
        var out = "  " + style.paint("\(mark) \(change.kind.rawValue): ", color) + clean(change.relation.explanation)
            + style.paint(" · \(change.reason.phrase)", .dim) + "\n"
        for (side, claim) in zip(change.sides, change.relation.claims) {
            let text = side.edits.isEmpty ? clean(claim.text) : highlight(side.edits, style)
            out += "      " + style.paint("\(side.fate.rawValue):", .dim) + " " + text + style.paint(" (\(clean(claim.source.path)))", .dim) + "\n"
        }
        return out
    }

    static func highlight(_ edits: [WordEdit], _ style: Style) -> String {
        edits.map { edit in
            switch edit.kind {
            case .same: clean(edit.text)
            case .removed: style.paint("[-" + clean(edit.text) + "-]", .red)
            case .added: style.paint("{+" + clean(edit.text) + "+}", .green)
            }
        }.joined()
    }

    static func path(_ headings: [String]) -> String {
        let shown = headings.filter { !$0.isEmpty }
        return shown.isEmpty ? "(untitled)" : clean(shown.joined(separator: " › "))
    }

    private static func percent(_ similarity: Double?) -> String {
        guard let similarity else { return "?" }
        // Never round an imperfect match up to 100%.
        let value = Int((similarity * 100).rounded())
        return "\(similarity < 1 && value == 100 ? 99 : value)%"
    }

    /// Source text made safe for a terminal: line breaks become spaces, control characters (escape
    /// sequences among them) become U+FFFD.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar {
            case "\n", "\r", "\t": " "
            default: isControl(scalar) ? "\u{FFFD}" : scalar
            }
        }))
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F) }

    /// ANSI colours, or none.
    struct Style {
        enum Color: String {
            case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", cyan = "36"
        }

        var isColored: Bool

        func paint(_ text: String, _ colors: Color...) -> String {
            guard isColored, !text.isEmpty else { return text }
            return "\u{1B}[" + colors.map(\.rawValue).joined(separator: ";") + "m" + text + "\u{1B}[0m"
        }
    }
}
