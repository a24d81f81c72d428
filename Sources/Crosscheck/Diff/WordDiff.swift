/// A run of a sentence in a word-level diff: words kept, removed or added, as written.
public struct WordEdit: Codable, Hashable, Sendable {
    /// Whether a run was kept, removed or added.
    public enum Kind: String, Codable, Hashable, Sendable {
        case same, removed, added
    }

    /// Kept, removed or added.
    public var kind: Kind
    /// The words of the run with the spaces between them, exactly as in the sentence.
    public var text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case kind = "op", text
    }
}

/// The words that changed between two versions of a sentence.
public enum WordDiff {
    /// Splits the edit from `old` to `new` into runs of words kept, removed and added.
    ///
    /// Words, numbers and symbols are compared as tokens (so `28.7` is one word and `C$35` three);
    /// the runs keep the sentences' own spacing, and the kept runs read as the new sentence.
    ///
    /// - Parameters:
    ///   - old: The sentence before.
    ///   - new: The sentence after.
    /// - Returns: Runs that, without the removed ones, spell `new`.
    /// - Complexity: O((n + m) · d) for n and m tokens and d tokens edited.
    public static func edits(from old: String, to new: String) -> [WordEdit] {
        let oldScalars = Array(old.unicodeScalars), newScalars = Array(new.unicodeScalars)
        let oldTokens = Tokenizer.tokens(old), newTokens = Tokenizer.tokens(new)
        var isRemoved = [Bool](repeating: false, count: oldTokens.count)
        var isInserted = [Bool](repeating: false, count: newTokens.count)
        for change in newTokens.map(\.text).difference(from: oldTokens.map(\.text)) {
            switch change {
            case .remove(let offset, _, _): isRemoved[offset] = true
            case .insert(let offset, _, _): isInserted[offset] = true
            }
        }
        var runs = RunBuilder()
        func slice(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
            start < end ? String(String.UnicodeScalarView(scalars[start..<end])) : ""
        }
        var i = 0, j = 0, oldCursor = 0, newCursor = 0
        while i < oldTokens.count || j < newTokens.count {
            if i < oldTokens.count, j < newTokens.count, !isRemoved[i], !isInserted[j] {
                runs.append(.same, slice(newScalars, newCursor, newTokens[j].end))
                newCursor = newTokens[j].end
                oldCursor = oldTokens[i].end
                i += 1
                j += 1
                continue
            }
            let firstRemoved = i, firstInserted = j
            while i < oldTokens.count, isRemoved[i] { i += 1 }
            while j < newTokens.count, isInserted[j] { j += 1 }
            guard i > firstRemoved || j > firstInserted else { break }
            if j > firstInserted {
                runs.append(.same, slice(newScalars, newCursor, newTokens[firstInserted].start))
                if i > firstRemoved { runs.append(.removed, slice(oldScalars, oldTokens[firstRemoved].start, oldTokens[i - 1].end)) }
                runs.append(.added, slice(newScalars, newTokens[firstInserted].start, newTokens[j - 1].end))
                newCursor = newTokens[j - 1].end
            } else {
                // Words only removed: keep the space before them, as `git diff --word-diff` does.
                runs.append(.same, slice(oldScalars, oldCursor, oldTokens[firstRemoved].start))
                runs.append(.removed, slice(oldScalars, oldTokens[firstRemoved].start, oldTokens[i - 1].end))
            }
            if i > firstRemoved { oldCursor = oldTokens[i - 1].end }
        }
        runs.append(.same, slice(newScalars, newCursor, newScalars.count))
        return runs.edits
    }

    /// The runs as one line with `git diff --word-diff` markers: `reached [-28.7-]{+29.1+} billion`.
    public static func marked(_ edits: [WordEdit]) -> String {
        edits.map { edit in
            switch edit.kind {
            case .same: edit.text
            case .removed: "[-" + edit.text + "-]"
            case .added: "{+" + edit.text + "+}"
            }
        }.joined()
    }
}

/// Collects runs, merging neighbours of the same kind and dropping empty ones.
private struct RunBuilder {
    var edits: [WordEdit] = []

    mutating func append(_ kind: WordEdit.Kind, _ text: String) {
        guard !text.isEmpty else { return }
        if let last = edits.last, last.kind == kind {
            edits[edits.count - 1].text += text
        } else {
            edits.append(WordEdit(kind: kind, text: text))
        }
    }
}
