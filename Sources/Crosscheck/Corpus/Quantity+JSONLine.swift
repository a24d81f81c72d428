// Mirrors `Quantity.encode(to:)` (Corpus+Encoding.swift): `low` and `high` always (`null` when open), the
// other optional fields only when they apply.

extension Quantity: JSONLineWritable {
    func writeJSON(to writer: inout JSONLineWriter) throws {
        writer.beginObject()
        if let currency {
            writer.key("currency")
            writer.string(currency)
        }
        if let currencyInferred {
            writer.key("currency_inferred")
            writer.bool(currencyInferred)
        }
        if let date {
            writer.key("date")
            writer.string(date)
        }
        writer.key("high")
        try writer.number(high)
        writer.key("kind")
        writer.string(kind.rawValue)
        writer.key("low")
        try writer.number(low)
        if let precision {
            writer.key("precision")
            writer.string(precision.rawValue)
        }
        writer.key("qualifier")
        writer.string(qualifier)
        if let scale {
            writer.key("scale")
            writer.string(scale)
        }
        writer.key("span")
        try writer.value(span)
        writer.key("text")
        writer.string(text)
        if let unit {
            writer.key("unit")
            writer.string(unit)
        }
        writer.key("value")
        try writer.number(value)
        writer.endObject()
    }
}
