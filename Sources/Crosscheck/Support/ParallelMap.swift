import Dispatch

/// Maps over an array on `jobs` threads; results keep the input's order.
///
/// Work is handed out in contiguous chunks taken from a shared counter, so a cheap transform over hundreds of
/// thousands of inputs pays for one atomic step per chunk, not a lock per element, and uneven inputs still
/// balance across threads. Each result is written once, straight into its place in the output.
enum ParallelMap {
    /// - Parameter chunkSize: inputs per hand-out; by default about 1/32 of each thread's share (at least 1).
    ///   Pass 1 when single inputs are large and uneven (whole files).
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], jobs: Int, chunkSize: Int? = nil, _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        let count = inputs.count
        if jobs <= 1 || count <= 1 { return inputs.map(transform) }
        let chunk = max(1, chunkSize ?? count / (jobs * 32))
        let chunks = (count + chunk - 1) / chunk
        let next = ResultSlots<Int>.Counter()
        return [Output](unsafeUninitializedCapacity: count) { buffer, initialized in
            let output = SendablePointer(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: min(jobs, chunks)) { _ in
                while true {
                    let index = next.increment()
                    guard index < chunks else { return }
                    for position in index * chunk..<min(count, (index + 1) * chunk) {
                        (output.base + position).initialize(to: transform(inputs[position]))
                    }
                }
            }
            initialized = count
        }
    }

    /// Runs `body` for each index in `0..<count` on `jobs` threads, in chunks as `map` does.
    static func forEach(_ count: Int, jobs: Int, chunkSize: Int? = nil, _ body: @Sendable (Int) -> Void) {
        if jobs <= 1 || count <= 1 { for index in 0..<count { body(index) }; return }
        let chunk = max(1, chunkSize ?? count / (jobs * 32))
        let chunks = (count + chunk - 1) / chunk
        let next = ResultSlots<Int>.Counter()
        DispatchQueue.concurrentPerform(iterations: min(jobs, chunks)) { _ in
            while true {
                let index = next.increment()
                guard index < chunks else { return }
                for position in index * chunk..<min(count, (index + 1) * chunk) { body(position) }
            }
        }
    }
}

extension ParallelMap {
    /// `elements.sorted(by: areInIncreasingOrder)` on `jobs` threads: as many runs as threads are sorted side by side,
    /// then merged pairwise, each round's merges side by side. For an order in which no two elements tie, the result
    /// is the one `sorted` gives, whatever the number of threads.
    static func sorted<Element: Sendable>(_ elements: consuming [Element], jobs: Int,
                                          by areInIncreasingOrder: @escaping @Sendable (Element, Element) -> Bool) -> [Element] {
        let runs = min(max(1, jobs), max(1, elements.count / 4_096))
        guard runs > 1 else {
            elements.sort(by: areInIncreasingOrder)
            return elements
        }
        let size = (elements.count + runs - 1) / runs
        var parts = map(Array(stride(from: 0, to: elements.count, by: size)), jobs: jobs, chunkSize: 1) { [elements] start in
            elements[start..<min(elements.count, start + size)].sorted(by: areInIncreasingOrder)
        }
        // Given up once sorted in parts, so that no more than two copies are held while the parts are merged.
        elements = []
        while parts.count > 1 {
            let pairs = Array(stride(from: 0, to: parts.count, by: 2))
            parts = map(pairs, jobs: jobs, chunkSize: 1) { [parts] index in
                index + 1 < parts.count ? merge(parts[index], parts[index + 1], by: areInIncreasingOrder) : parts[index]
            }
        }
        return parts[0]
    }

    /// Two sorted arrays as one, the first's element first where neither is smaller.
    private static func merge<Element>(_ x: [Element], _ y: [Element], by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        var merged: [Element] = []
        merged.reserveCapacity(x.count + y.count)
        var (i, j) = (0, 0)
        while i < x.count && j < y.count {
            if areInIncreasingOrder(y[j], x[i]) {
                merged.append(y[j])
                j += 1
            } else {
                merged.append(x[i])
                i += 1
            }
        }
        merged += x[i...]
        merged += y[j...]
        return merged
    }
}

/// A pointer that threads write disjoint elements through; the caller guarantees that no two write the same one.
private struct SendablePointer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
}
