// As in the corpus exports, the diff's JSON always carries every documented field, with `null` where
// there is no value (the old side of an added claim, the similarity of a removed document), so every
// object of one kind has the same keys.

extension DocumentChange {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
        try container.encode(similarity, forKey: .similarity)
        try container.encode(sections, forKey: .sections)
        try container.encode(claims, forKey: .claims)
    }
}

extension DocumentSide {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(path, forKey: .path)
        try container.encode(title, forKey: .title)
        try container.encode(citationKey, forKey: .citationKey)
        try container.encode(citation, forKey: .citation)
    }
}

extension ClaimChange {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
        try container.encode(similarity, forKey: .similarity)
        try container.encode(edits, forKey: .edits)
        try container.encode(highlight, forKey: .highlight)
    }
}

extension RelationChange.Side {
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(fate, forKey: .fate)
        try container.encode(edits, forKey: .edits)
        try container.encode(highlight, forKey: .highlight)
    }
}
