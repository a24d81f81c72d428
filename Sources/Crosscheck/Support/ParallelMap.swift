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
    /// `positions.map { elements[$0] }` on `jobs` threads, each element moved rather than copied: a copy retains
    /// every reference the element holds, and for millions of large values scattered through memory that costs more
    /// than making them did. The places taken from are left holding `placeholder`. Each position at most once.
    static func take<Element: Sendable>(_ positions: [Int], from elements: inout [Element], placeholder: Element, jobs: Int) -> [Element] {
        guard !positions.isEmpty else { return [] }
        var taken = [Element](repeating: placeholder, count: positions.count)
        taken.withUnsafeMutableBufferPointer { taken in
            elements.withUnsafeMutableBufferPointer { elements in
                let (to, from, count) = (SendablePointer(base: taken.baseAddress!), SendablePointer(base: elements.baseAddress!), elements.count)
                forEach(positions.count, jobs: jobs) { index in
                    precondition(positions[index] >= 0 && positions[index] < count, "position out of range")
                    swap(&(to.base + index).pointee, &(from.base + positions[index]).pointee)
                }
            }
        }
        return taken
    }
}

/// A pointer that threads write disjoint elements through; the caller guarantees that no two write the same one.
private struct SendablePointer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
}
