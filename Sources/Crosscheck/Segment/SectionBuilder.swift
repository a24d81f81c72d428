/// A section with the sentences found in it, before claims are extracted.
struct SegmentedSection: Sendable {
    var section: Section
    /// Sentence spans in the section text.
    var sentences: [TextSpan]
}

/// Groups blocks under their headings into a section tree and splits each block into sentences.
enum SectionBuilder {
    /// - Parameters:
    ///   - blocks: the reader's blocks in reading order.
    ///   - title: the document title, used as the heading of text that comes before any heading.
    ///   - documentID: prefix of the section ids.
    static func sections(from blocks: [Block], title: String?, documentID: String) -> [SegmentedSection] {
        var result: [SegmentedSection] = []
        var stack: [(level: Int, heading: String)] = []
        var current: (heading: String, level: Int, path: [String], parts: [Block])? = nil

        func close() {
            guard let open = current else { return }
            current = nil
            var text = ""
            var sentences: [TextSpan] = []
            var offset = 0
            for block in open.parts {
                if !text.isEmpty {
                    text += "\n\n"
                    offset += 2
                }
                // A question's sentence stands alone; a list item or table row is split like a paragraph.
                for span in SentenceSplitter.split(block.text) {
                    sentences.append(TextSpan(start: span.start + offset, end: span.end + offset))
                }
                text += block.text
                offset += block.text.scalarCount
            }
            if text.isEmpty && open.parts.isEmpty && open.level == 1 && open.heading == (title ?? "") && !result.isEmpty { return }
            let id = "\(documentID)-s\(result.count + 1)"
            result.append(SegmentedSection(
                section: Section(id: id, heading: open.heading, level: open.level, path: open.path, text: text),
                sentences: sentences))
        }

        for block in HeadingPruning.dropEmptyHeadings(blocks) {
            if case .heading(let level) = block.kind {
                close()
                while let last = stack.last, last.level >= level { stack.removeLast() }
                stack.append((level, block.text))
                current = (block.text, level, stack.map(\.heading), [])
            } else {
                if current == nil {
                    let heading = title ?? ""
                    stack = [(1, heading)]
                    current = (heading, 1, [heading], [])
                }
                current!.parts.append(block)
            }
        }
        close()
        return result
    }
}
