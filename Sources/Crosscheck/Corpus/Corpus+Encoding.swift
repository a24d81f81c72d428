// The exported JSON always carries the documented fields, with `null` where a value is unknown,
// so every line of a file has the same keys. Other optional fields appear only when they apply.

extension Document {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(source, forKey: .source)
        try container.encode(url, forKey: .url)
        try container.encode(title, forKey: .title)
        try container.encode(authors, forKey: .authors)
        try container.encode(site, forKey: .site)
        try container.encode(language, forKey: .language)
        try container.encode(published, forKey: .published)
        try container.encode(modified, forKey: .modified)
        try container.encode(evidence, forKey: .evidence)
        try container.encode(citationKey, forKey: .citationKey)
        try container.encode(sections, forKey: .sections)
    }
}

extension ClaimDate {
    enum CodingKeys: String, CodingKey { case value, precision, basis, phrase }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(precision, forKey: .precision)
        try container.encode(basis, forKey: .basis)
        try container.encodeIfPresent(phrase, forKey: .phrase)
    }
}

extension Quantity {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(text, forKey: .text)
        try container.encode(span, forKey: .span)
        try container.encode(value, forKey: .value)
        try container.encode(low, forKey: .low)
        try container.encode(high, forKey: .high)
        try container.encode(qualifier, forKey: .qualifier)
        try container.encodeIfPresent(currency, forKey: .currency)
        try container.encodeIfPresent(currencyInferred, forKey: .currencyInferred)
        try container.encodeIfPresent(scale, forKey: .scale)
        try container.encodeIfPresent(unit, forKey: .unit)
        try container.encodeIfPresent(date, forKey: .date)
        try container.encodeIfPresent(precision, forKey: .precision)
    }
}
