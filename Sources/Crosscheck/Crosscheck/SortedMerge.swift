/// Walks two ascending sequences together, calling `body` with the positions of each element they share.
enum SortedMerge {
    @inline(__always)
    static func forEachCommon<T: Comparable>(_ x: [T], _ y: [T], _ body: (Int, Int) -> Bool) {
        forEachCommon(x, y, by: { $0 }, body)
    }

    /// The same for collections ascending by `key`: `body` gets the indices, in `x` and in `y`, of elements whose keys are
    /// equal, and stops the walk by returning false.
    @inline(__always)
    static func forEachCommon<C: RandomAccessCollection, Key: Comparable>(
        _ x: C, _ y: C, by key: (C.Element) -> Key, _ body: (C.Index, C.Index) -> Bool
    ) {
        var (i, j) = (x.startIndex, y.startIndex)
        while i < x.endIndex && j < y.endIndex {
            let (p, q) = (key(x[i]), key(y[j]))
            if p == q {
                if !body(i, j) { return }
                x.formIndex(after: &i)
                y.formIndex(after: &j)
            } else if p < q {
                x.formIndex(after: &i)
            } else {
                y.formIndex(after: &j)
            }
        }
    }
}
