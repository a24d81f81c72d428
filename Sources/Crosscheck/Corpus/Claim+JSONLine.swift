// Mirrors the synthesized encoding of `Claim` and `TextSpan`, and `ClaimDate.encode(to:)` (Corpus+Encoding.swift):
// a claim's date always has `value` and `precision` (`null` when unknown); `phrase` only when there is one.

extension Claim: JSONLineWritable {
    func writeJSON(to writer: inout JSONLineWriter) throws {
        writer.beginObject()
        writer.key("citation_key")
        writer.string(citationKey)
        writer.key("date")
        try writer.value(date)
        writer.key("document")
        writer.string(document)
        writer.key("id")
        writer.string(id)
        writer.key("kinds")
        writer.array(kinds)
        writer.key("quantities")
        try writer.array(quantities)
        writer.key("section")
        writer.string(section)
        writer.key("section_path")
        writer.array(sectionPath)
        writer.key("source")
        writer.string(source)
        writer.key("span")
        try writer.value(span)
        writer.key("text")
        writer.string(text)
        writer.endObject()
    }
}

extension ClaimDate: JSONLineWritable {
    func writeJSON(to writer: inout JSONLineWriter) throws {
        writer.beginObject()
        writer.key("basis")
        writer.string(basis.rawValue)
        if let phrase {
            writer.key("phrase")
            writer.string(phrase)
        }
        writer.key("precision")
        writer.string(precision?.rawValue)
        writer.key("value")
        writer.string(value)
        writer.endObject()
    }
}

extension TextSpan: JSONLineWritable {
    func writeJSON(to writer: inout JSONLineWriter) throws {
        writer.beginObject()
        writer.key("end")
        writer.number(end)
        writer.key("start")
        writer.number(start)
        writer.endObject()
    }
}
