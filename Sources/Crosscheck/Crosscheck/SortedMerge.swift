/// Walks two ascending arrays together, calling `body` with the positions of each element they share.
enum SortedMerge {
    @inline(__always)
    static func forEachCommon<T: Comparable>(_ x: [T], _ y: [T], _ body: (Int, Int) -> Bool) {
        var i = 0, j = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] {
                if !body(i, j) { return }
                i += 1
                j += 1
            } else if x[i] < y[j] {
                i += 1
            } else {
                j += 1
            }
        }
    }
}
