/// The first few of many items in a given order, without sorting them all.
enum Ranking {
    /// The first `count` of `items` in the order `precedes` gives, in that order.
    ///
    /// - Parameters:
    ///   - count: How many to keep; all of them (sorted) when `items` has no more.
    ///   - items: The items, in any order.
    ///   - precedes: A strict total order: with ties, which of the tied items are kept would depend on `items`' order.
    /// - Returns: The same items as `items.sorted(by: precedes).prefix(count)`.
    /// - Complexity: O(*n* log *count*) comparisons, and O(*n*) for items in random order, when `count` is
    ///   smaller than `items`; else O(*n* log *n*).
    static func first<Item>(_ count: Int, of items: [Item], by precedes: (Item, Item) -> Bool) -> [Item] {
        guard count < items.count else { return items.sorted(by: precedes) }
        guard count > 0 else { return [] }
        var kept: [Item] = []
        kept.reserveCapacity(count + 1)
        for item in items {
            if kept.count == count, let last = kept.last, !precedes(item, last) { continue }
            // After every kept item that does not come later than this one.
            var low = 0, high = kept.count
            while low < high {
                let middle = (low + high) / 2
                if precedes(item, kept[middle]) { high = middle } else { low = middle + 1 }
            }
            kept.insert(item, at: low)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }
}
