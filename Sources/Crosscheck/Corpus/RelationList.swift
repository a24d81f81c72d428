/// The relations of a corpus, sorted by kind then id: a collection of `Relation` values.
///
/// A batch build relates hundreds of thousands of pairs (320,000 at 10,000 documents). Written out, each with its two
/// sides, what their sources say and its reason, they were a third of the build's peak memory, held only to be read
/// once by the store, once by the JSON lines and, for the few it lists, by the reports. The engine therefore hands
/// them over as what they are made from (`DeferredRelations`: the two facts and the verdict of each), and a relation
/// is made each time it is read. Its kind, id, confidence, claims and metric are read without making it, which is all
/// that counting, ordering and grouping need.
///
/// Relations read from a store, kept by a watcher or put together by hand are held as values. Changing a list of
/// deferred relations (setting one, appending) first makes every relation.
public struct RelationList: Sendable {
    enum Storage: Sendable {
        case values([Relation])
        case deferred(DeferredRelations)
    }

    private(set) var storage: Storage
    /// Each relation's two claims as positions in the claims they were made from, kept with those claims: see
    /// `claimPositions(in:)`. Dropped when the list changes.
    private var claimPairs: (claims: [Claim], pairs: [UInt64])?

    /// The relations given, in their order.
    public init(_ values: [Relation]) { storage = .values(values) }

    /// The relations given, with the positions of each one's two claims in `claims` (either first) as one number, the
    /// first position in the high 32 bits.
    init(_ values: [Relation], claimPositions: [UInt64], in claims: [Claim]) {
        precondition(claimPositions.count == values.count, "one pair of claims per relation")
        storage = .values(values)
        claimPairs = (claims, claimPositions)
    }

    init(deferred: DeferredRelations) { storage = .deferred(deferred) }

    /// Every relation as a value: the array held, or each relation made in turn.
    public var values: [Relation] {
        switch storage {
        case .values(let values): values
        case .deferred(let deferred): deferred.indices.map(deferred.relation(at:))
        }
    }

    /// True when the relations are made as they are read.
    var isDeferred: Bool {
        if case .deferred = storage { return true }
        return false
    }

    // MARK: Reading one field without making the relation

    /// The kind of the relation at `index`.
    func kind(at index: Int) -> Relation.Kind {
        switch storage {
        case .values(let values): values.withUnsafeBufferPointer { $0[index].kind }
        case .deferred(let deferred): deferred.kind(at: index)
        }
    }

    /// The id of the relation at `index`.
    func id(at index: Int) -> String {
        switch storage {
        case .values(let values): values.withUnsafeBufferPointer { $0[index].id }
        case .deferred(let deferred): deferred.id(at: index)
        }
    }

    /// The confidence of the relation at `index`.
    func confidence(at index: Int) -> Double {
        switch storage {
        case .values(let values): values.withUnsafeBufferPointer { $0[index].confidence }
        case .deferred(let deferred): deferred.confidence(at: index)
        }
    }

    /// The ids of the relation's first and second claims, and of their documents.
    func sides(at index: Int) -> (first: String, second: String, firstDocument: String, secondDocument: String) {
        switch storage {
        case .values(let values):
            values.withUnsafeBufferPointer { values in
                let relation = values.baseAddress! + index
                return (relation.pointee.first.id, relation.pointee.second.id, relation.pointee.first.document, relation.pointee.second.document)
            }
        case .deferred(let deferred): deferred.sides(at: index)
        }
    }

    /// The positions in `claims` of each relation's two claims (either first; the first in the high 32 bits), when the
    /// engine that made the relations handed them over and `claims` are the very claims it made them from (the same
    /// storage, which the list keeps). Reading the claims' ids instead reads two objects per relation, scattered in
    /// memory: a watcher's report did so 300,000 times per update at 1,000 documents.
    func claimPositions(in claims: [Claim]) -> [UInt64]? {
        guard let claimPairs, claimPairs.claims.count == claims.count else { return nil }
        let same = claimPairs.claims.withUnsafeBufferPointer { kept in claims.withUnsafeBufferPointer { $0.baseAddress == kept.baseAddress } }
        return same ? claimPairs.pairs : nil
    }

    /// What the relation at `index` measures.
    func metric(at index: Int) -> String {
        switch storage {
        case .values(let values): values.withUnsafeBufferPointer { $0[index].metric }
        case .deferred(let deferred): deferred.metric(at: index)
        }
    }

    /// True when the relations of each kind come in the store's order (`positionsInKeyOrder`) in the order they have
    /// here, as the ids of a batch build's relations do: the relations' JSON lines can then be written as the store
    /// inserts them.
    var keyOrderKeepsEachKindsOrder: Bool {
        if case .deferred(let deferred) = storage { return deferred.hasOnlyUsualIDs }
        return false
    }

    /// The relations' positions in the byte order of their ids (`KeyOrder`), in which the store inserts them.
    func positionsInKeyOrder() -> [Int] {
        if case .deferred(let deferred) = storage, let positions = deferred.positionsInKeyOrder() { return positions }
        return KeyOrder.positions(of: indices.map(id(at:)))
    }

    /// Calls `body` with the relation at `index`, read where it lies or made for the call.
    func withRelation<T>(at index: Int, _ body: (UnsafePointer<Relation>) throws -> T) rethrows -> T {
        switch storage {
        case .values(let values): try values.withUnsafeBufferPointer { try body($0.baseAddress! + index) }
        case .deferred(let deferred): try withUnsafePointer(to: deferred.relation(at: index)) { try body($0) }
        }
    }

    /// Calls `body` with each relation that `included` keeps (given its index), in order. A relation held as a value is
    /// read where it lies (a copy would retain each of its fields); a deferred one is made for the call and then let go.
    func forEach(where included: (Int) -> Bool = { _ in true }, _ body: (Int, UnsafePointer<Relation>) throws -> Void) rethrows {
        switch storage {
        case .values(let values):
            try values.withUnsafeBufferPointer { values in
                for index in values.indices where included(index) { try body(index, values.baseAddress! + index) }
            }
        case .deferred(let deferred):
            for index in deferred.indices where included(index) {
                let relation = deferred.relation(at: index)
                try withUnsafePointer(to: relation) { try body(index, $0) }
            }
        }
    }
}

extension RelationList: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    public typealias Index = Int
    public typealias Indices = Range<Int>

    public init() { storage = .values([]) }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .values(let values): values.count
        case .deferred(let deferred): deferred.count
        }
    }

    public var indices: Range<Int> { 0..<endIndex }

    public func index(after index: Int) -> Int { index + 1 }

    public func index(before index: Int) -> Int { index - 1 }

    public subscript(position: Int) -> Relation {
        get {
            switch storage {
            case .values(let values): values[position]
            case .deferred(let deferred): deferred.relation(at: position)
            }
        }
        set {
            var values = takeValues()
            values[position] = newValue
            storage = .values(values)
        }
    }

    public mutating func replaceSubrange<C: Collection<Relation>>(_ range: Range<Int>, with relations: C) {
        var values = takeValues()
        values.replaceSubrange(range, with: relations)
        storage = .values(values)
    }

    /// The values, left with no other reference to them, so that changing them copies nothing.
    private mutating func takeValues() -> [Relation] {
        let values = self.values
        storage = .values([])
        claimPairs = nil
        return values
    }
}

extension RelationList: ExpressibleByArrayLiteral {
    public init(arrayLiteral relations: Relation...) { storage = .values(relations) }
}

extension RelationList: Hashable {
    /// Equal when they hold equal relations in the same order, however each list holds them.
    public static func == (a: RelationList, b: RelationList) -> Bool {
        if case .deferred(let x) = a.storage, case .deferred(let y) = b.storage, x === y { return true }
        return a.count == b.count && a.elementsEqual(b)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for relation in self { hasher.combine(relation) }
    }
}
