// Mirrors `Document.encode(to:)` (Corpus+Encoding.swift) and the synthesized encoding of its parts: every
// documented field is present, `null` when unknown.

extension Document: JSONLineWritable {
    func writeJSON(to writer: inout JSONLineWriter) throws {
        writer.beginObject()
        writer.key("authors")
        writer.array(authors)
        writer.key("citation_key")
        writer.string(citationKey)
        writer.key("evidence")
        writer.object(evidence)
        writer.key("id")
        writer.string(id)
        writer.key("language")
        writer.string(language)
        writer.key("modified")
        try writer.value(modified)
        writer.key("published")
        try writer.value(published)
        writer.key("sections")
        try writer.array(sections)
        writer.key("site")
        writer.string(site)
        writer.key("source")
        try writer.value(source)
        writer.key("title")
        writer.string(title)
        writer.key("url")
        writer.string(url)
        writer.endObject()
    }
}

extension SourceInfo: JSONLineWritable {
    func writeJSON(to writer: inout JSONLineWriter) throws {
        writer.beginObject()
        writer.key("bytes")
        writer.number(bytes)
        writer.key("encoding")
        writer.string(encoding)
        writer.key("format")
        writer.string(format.rawValue)
        writer.key("path")
        writer.string(path)
        writer.key("sha256")
        writer.string(sha256)
        writer.endObject()
    }
}

extension DatedValue: JSONLineWritable {
    func writeJSON(to writer: inout JSONLineWriter) throws {
        writer.beginObject()
        writer.key("date")
        writer.string(date)
        writer.key("evidence")
        writer.string(evidence)
        writer.key("precision")
        writer.string(precision.rawValue)
        writer.endObject()
    }
}

extension Section: JSONLineWritable {
    func writeJSON(to writer: inout JSONLineWriter) throws {
        writer.beginObject()
        writer.key("heading")
        writer.string(heading)
        writer.key("id")
        writer.string(id)
        writer.key("level")
        writer.number(level)
        writer.key("path")
        writer.array(path)
        writer.key("text")
        writer.string(text)
        writer.endObject()
    }
}
