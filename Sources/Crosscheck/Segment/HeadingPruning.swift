/// Headings with nothing under them are page furniture ("On this page", "Latest meetings").
enum HeadingPruning {
    /// Drops every heading that has no content before the next heading of the same or a higher level.
    /// The first block is kept when more follows: it is the title of what follows.
    static func dropEmptyHeadings(_ blocks: [Block]) -> [Block] {
        var kept: [Block] = []
        for (index, block) in blocks.enumerated() {
            guard case .heading(let level) = block.kind else { kept.append(block); continue }
            // Keep a heading only if some content follows before a heading of the same or a higher level.
            var hasContent = false
            for later in blocks[(index + 1)...] {
                if case .heading(let otherLevel) = later.kind {
                    if otherLevel <= level { break }
                    continue
                }
                hasContent = true
                break
            }
            // The first line is kept: it may be the title of what follows.
            if hasContent || (index == 0 && blocks.count > 1) { kept.append(block) }
        }
        return kept
    }
}
