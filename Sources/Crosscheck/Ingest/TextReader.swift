import Foundation

/// Reads text copied from web pages (or Markdown): drops boilerplate lines, finds the title,
/// headings, questions and answers, list items and the date lines such texts carry.
enum TextReader {
    static func read(_ rawText: String, markdown: Bool = false) -> ReadSource {
        // Foundation's replacing, splitting and trimming bridged every text and every line: they were most of the
        // time this reader took. A line break is always a character of its own, so splitting on it is exact.
        var text = rawText
        if text.utf8.contains(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        text = UnicodeNormalization.nfc(text)
        var metadata = SourceMetadata()
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(trimmingWhitespace)

        // Date lines: "date 2026-03-06 Title…", "Published: April 30, 2025", "Date Modified: 2024-11-02",
        // "This piece was first published on April 30, 2025, at …".
        for index in lines.indices {
            let line = lines[index]
            guard !line.isEmpty, line.utf8.count < 400 || line.count < 400 else { continue }
            if let (kind, match, remainder) = leadingDateLabel(line) {
                let value = DatedValue(date: match.iso!, precision: match.precision, evidence: "text: \"\(line.prefix(80))\"")
                if kind == .modified { metadata.modified = metadata.modified ?? value } else { metadata.published = metadata.published ?? value }
                lines[index] = remainder
                continue
            }
            if let kind = DateLabels.label(inLine: line), line.count < 200, let match = DateLabels.date(afterLabelIn: line), let iso = match.iso {
                let value = DatedValue(date: iso, precision: match.precision, evidence: "text: \"\(line.prefix(120))\"")
                if kind == .modified { metadata.modified = metadata.modified ?? value } else { metadata.published = metadata.published ?? value }
                if let site = publishedAtSite(line) { metadata.site = metadata.site ?? Found(value: site, evidence: "text: \"\(line.prefix(120))\"") }
                // "Date modified: 2024-03-15" is metadata, not content; a sentence that mentions its publication stays.
                if isOnlyLabelAndDate(line, date: match) { lines[index] = "" }
            }
        }

        // Paragraphs: runs of non-empty lines; single lines stand alone when the text uses one line per paragraph.
        var blocks: [Block] = []
        let meaningful = lines.filter { !$0.isEmpty && !Boilerplate.isChromeLine($0) }
        for (position, line) in meaningful.enumerated() {
            let next = position + 1 < meaningful.count ? meaningful[position + 1] : nil
            blocks.append(classify(line, next: next, markdown: markdown))
        }

        // The title: a first heading-like line; else nothing (the caller falls back to the first sentence).
        if blocks.count > 1, let first = blocks.first, first.isHeading || isTitleLike(first.text) {
            metadata.title = Found(value: first.text, evidence: "first line of the text")
            blocks[0] = Block(kind: .heading(level: 1), text: first.text)
            // Headings below the title sit one level down.
            for index in blocks.indices.dropFirst() {
                if case .heading(let level) = blocks[index].kind, level < 2 { blocks[index].kind = .heading(level: 2) }
            }
        }
        return ReadSource(blocks: blocks, metadata: metadata)
    }

    /// Lines as `String.trimmingCharacters(in: .whitespaces)` trims them, without bridging each line to Foundation: its
    /// whitespace is the tab, the Unicode space separators and the zero-width space, not line breaks (a test holds the two
    /// to the same result).
    static func trimmingWhitespace(_ line: Substring) -> String {
        line.trimmingScalars { scalar in
            scalar == " " || scalar == "\t"
                || scalar.value >= 0x80 && (scalar.value == 0x200B || scalar.properties.generalCategory == .spaceSeparator)
        }
    }

    /// What every leading date label ("date", "published", "posted", "updated", "modified", "publié", "dated") starts with:
    /// most lines start otherwise and are not tokenized.
    private static let labelOpenings: Set<String> = ["dat", "pub", "pos", "upd", "mod"]

    /// "date 2026-03-06 Canada seeks stronger ties…" → published 2026-03-06, the rest of the line kept.
    static func leadingDateLabel(_ line: String) -> (DateLabels.Kind, DateMatch, String)? {
        guard labelOpenings.contains(line.prefix(3).lowercased()) else { return nil }
        let tokens = Tokenizer.tokens(line)
        guard let first = tokens.first, first.isWord else { return nil }
        let labels: [String: DateLabels.Kind] = ["date": .published, "published": .published, "posted": .published, "updated": .modified,
                                                  "modified": .modified, "publié": .published, "dated": .published]
        guard let kind = labels[first.lower] else { return nil }
        var next = 1
        if next < tokens.count, tokens[next].text == ":" { next += 1 }
        if next < tokens.count, tokens[next].lower == "on" { next += 1 }
        guard next < tokens.count else { return nil }
        let rest = line.scalarSlice(tokens[next].start, line.scalarCount)
        guard let match = DateParsing.findDates(in: rest, requireYear: true).first, match.start == 0, match.iso != nil else { return nil }
        let remainder = rest.scalarSlice(match.end, rest.scalarCount).trimmingCharacters(in: CharacterSet(charactersIn: " ,;|-–—").union(.whitespaces))
        return (kind, match, remainder)
    }

    /// True for a line that holds a date label, the date, and nothing else.
    static func isOnlyLabelAndDate(_ line: String, date: DateMatch) -> Bool {
        let words = Tokenizer.tokens(line).filter(\.isWord).map(\.lower)
        let dateWords = Set(Tokenizer.tokens(DateParsing.findDates(in: line, requireYear: true).first.map { line.scalarSlice($0.start, $0.end) } ?? "").filter(\.isWord).map(\.lower))
        let labelWords = Set((DateLabels.modifiedLabels + DateLabels.publishedLabels + ["date", "on", "last", "le", "the"]).flatMap { $0.split(separator: " ").map(String.init) })
        return words.allSatisfy { labelWords.contains($0) || dateWords.contains($0) } && line.count < 80
    }

    /// "…first published on April 30, 2025, at Asia Pacific Foundation of Canada." → the site.
    static func publishedAtSite(_ line: String) -> String? {
        guard let range = line.range(of: ", at ") ?? line.range(of: " at ", options: .backwards) else { return nil }
        var site = String(line[range.upperBound...]).trimmingCharacters(in: .whitespaces)
        while let last = site.last, ".;:".contains(last) { site.removeLast() }
        let words = site.split(separator: " ")
        guard (1...8).contains(words.count), words.first?.first?.isUppercase == true else { return nil }
        return site
    }

    static func classify(_ line: String, next: String?, markdown: Bool) -> Block {
        if markdown || line.hasPrefix("#") {
            let hashes = line.prefix { $0 == "#" }.count
            if (1...6).contains(hashes), line.dropFirst(hashes).first == " " {
                return Block(kind: .heading(level: hashes), text: String(line.dropFirst(hashes + 1)).trimmingCharacters(in: .whitespaces))
            }
        }
        if let item = listItemText(line) { return Block(kind: .listItem, text: item) }
        if line.hasPrefix(">") { return Block(kind: .quote, text: String(line.dropFirst()).trimmingCharacters(in: .whitespaces)) }
        if isQuestion(line), let next, !isQuestion(next) { return Block(kind: .question, text: line) }
        // A short unpunctuated line followed by more text is a heading; one followed by nothing is a dangling label.
        if isHeadingLike(line), next != nil {
            return Block(kind: .heading(level: 2), text: line)
        }
        return Block(kind: .paragraph, text: line)
    }

    /// A short line with no closing punctuation that starts with a capital or a digit.
    static func isHeadingLike(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first, let last = line.last else { return false }
        let words = line.split(separator: " ")
        guard (1...14).contains(words.count), line.count <= 100 else { return false }
        guard first.properties.isUppercase || (first.value >= 48 && first.value <= 57) else { return false }
        if ".,;:!?…)\"”".contains(last) && !isAllCaps(line) { return false }
        if listItemText(line) != nil { return false }
        return true
    }

    static func isTitleLike(_ line: String) -> Bool {
        guard let last = line.last, line.count <= 200 else { return false }
        return last != "." && last != ";" && last != ","
    }

    static func isAllCaps(_ line: String) -> Bool {
        let letters = line.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 3 && letters.allSatisfy { !$0.properties.isLowercase }
    }

    static func isQuestion(_ line: String) -> Bool {
        line.hasSuffix("?") && line.count <= 200 && line.split(separator: " ").count >= 2
    }

    /// "1. Institutionalizing …", "- item", "• item", "2) item" → the item's text.
    static func listItemText(_ line: String) -> String? {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > 2 else { return nil }
        if ["-", "*", "•", "–", "▪", "◦"].contains(scalars[0]) && scalars[1] == " " {
            return String(String.UnicodeScalarView(scalars[2...])).trimmingCharacters(in: .whitespaces)
        }
        var index = 0
        while index < scalars.count, index < 3, scalars[index].value >= 48 && scalars[index].value <= 57 { index += 1 }
        if index > 0, index + 1 < scalars.count, scalars[index] == "." || scalars[index] == ")", scalars[index + 1] == " " {
            return String(String.UnicodeScalarView(scalars[(index + 2)...])).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
