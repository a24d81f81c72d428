// Mirrors the synthesized encoding of `Relation` and `RelatedClaim`: an optional field is left out when nil.

extension Relation: JSONLineWritable {
    func writeJSON(to writer: inout JSONLineWriter) throws {
        writer.beginObject()
        if let betterSupported {
            writer.key("better_supported")
            writer.string(betterSupported)
        }
        writer.key("claims")
        writer.beginArray()
        try first.writeJSON(to: &writer)
        try second.writeJSON(to: &writer)
        writer.endArray()
        writer.key("confidence")
        try writer.number(confidence)
        writer.key("explanation")
        writer.string(explanation)
        writer.key("id")
        writer.string(id)
        writer.key("kind")
        writer.string(kind.rawValue)
        writer.key("metric")
        writer.string(metric)
        if let subject {
            writer.key("subject")
            writer.string(subject)
        }
        writer.endObject()
    }
}

extension RelatedClaim: JSONLineWritable {
    func writeJSON(to writer: inout JSONLineWriter) throws {
        writer.beginObject()
        writer.key("date")
        try writer.value(date)
        writer.key("document")
        writer.string(document)
        writer.key("id")
        writer.string(id)
        writer.key("source")
        writer.beginObject()
        writer.key("path")
        writer.string(source.path)
        writer.endObject()
        writer.key("text")
        writer.string(text)
        if let value {
            writer.key("value")
            try writer.value(value)
        }
        writer.endObject()
    }
}
