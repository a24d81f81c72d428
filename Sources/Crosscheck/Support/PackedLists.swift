/// Many short lists laid end to end in one buffer: list `i` is `elements[offsets[i]..<offsets[i + 1]]`.
///
/// The relation engine keeps a few lists per claim (term weights, names) and reads them for pairs of claims taken
/// at random among a million: one array per list would cost a pointer chase and a cache miss per list, and an
/// allocation each to build.
struct PackedLists<Element: Sendable>: Sendable {
    private(set) var elements: [Element] = []
    private(set) var offsets: [Int] = [0]

    init() {}

    init<Lists: Sequence>(_ lists: Lists) where Lists.Element: Collection, Lists.Element.Element == Element {
        for list in lists { append(list) }
    }

    /// Adds a list after the others.
    mutating func append<List: Collection<Element>>(_ list: List) {
        elements.append(contentsOf: list)
        offsets.append(elements.count)
    }

    /// The lists of `parts`, in order, after those already here.
    mutating func append(contentsOf parts: [PackedLists]) {
        elements.reserveCapacity(elements.count + parts.reduce(0) { $0 + $1.elements.count })
        offsets.reserveCapacity(offsets.count + parts.reduce(0) { $0 + $1.count })
        for part in parts {
            let base = elements.count
            elements += part.elements
            offsets += part.offsets.dropFirst().lazy.map { $0 + base }
        }
    }

    /// How many lists there are.
    var count: Int { offsets.count - 1 }

    subscript(list: Int) -> ArraySlice<Element> { elements[offsets[list]..<offsets[list + 1]] }

    /// Calls `body` with the positions in `elements` of lists `a` and `b` and the whole buffer, without retaining
    /// anything: for loops that compare two lists element by element.
    @inline(__always)
    func withLists<Result>(_ a: Int, _ b: Int, _ body: (UnsafeBufferPointer<Element>, Range<Int>, Range<Int>) -> Result) -> Result {
        elements.withUnsafeBufferPointer { elements in
            offsets.withUnsafeBufferPointer { offsets in
                body(elements, offsets[a]..<offsets[a + 1], offsets[b]..<offsets[b + 1])
            }
        }
    }
}

extension PackedLists where Element: Comparable {
    /// Whether ascending lists `a` and `b` share an element; nil when either is empty.
    func overlap(_ a: Int, _ b: Int) -> Bool? {
        withLists(a, b) { elements, x, y in
            guard !x.isEmpty, !y.isEmpty else { return nil }
            var found = false
            SortedMerge.forEachCommon(elements[x], elements[y], by: { $0 }) { _, _ in
                found = true
                return false
            }
            return found
        }
    }
}

extension PackedLists: Equatable where Element: Equatable {}
