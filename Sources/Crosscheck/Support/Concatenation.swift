extension Array {
    /// The elements of `parts`, one part after another, in an array allocated once at its final size: `flatMap` and
    /// `joined` grow the array as they go, which can leave up to half of a large result's room unused for as long as
    /// the array lives.
    init<Parts: Collection>(concatenating parts: Parts) where Parts.Element: Collection, Parts.Element.Element == Element {
        self = []
        reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { append(contentsOf: part) }
    }
}
