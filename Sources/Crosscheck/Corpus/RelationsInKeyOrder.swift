import Foundation

/// The relations of a list in the store's order (`RelationList.positionsInKeyOrder`), each with its JSON line, made a
/// chunk at a time by whichever thread comes to a chunk first.
///
/// A batch build's relations are made as they are read, and the store's task reads every one (writing its row and
/// its JSON line): alone, it was the writing's long pole, more than twice as long as all the other exports together.
/// A thread done with its own exports therefore makes and encodes the next chunks ahead of the store (`helpMake`),
/// which takes them as they come and makes any chunk no one has started. At most `window` chunks wait, made, to be
/// read. The relations and lines are the same whoever makes them, and they are read in the same order.
final class RelationsInKeyOrder: @unchecked Sendable {
    /// Relations made, and their JSON lines end to end (line `i` ends at `ends[i]`).
    private struct Chunk {
        var relations: [Relation] = []
        var lines = JSONLineWriter()
        var ends: [Int] = []
    }

    private let relations: RelationList
    private let positions: [Int]
    private let chunkSize: Int
    private let window: Int
    private let condition = NSCondition()
    /// Chunks started so far, by either side: chunks are started in order.
    private var started = 0
    /// The chunk the reader is at.
    private var reading = 0
    private var readerIsDone = false
    private var made: [Int: Chunk] = [:]
    /// Chunks the helper could not encode: the reader makes them again, and meets the error itself.
    private var failed: Set<Int> = []

    init(_ relations: RelationList, chunkSize: Int = 1_024, window: Int = 2) {
        self.relations = relations
        positions = relations.positionsInKeyOrder()
        (self.chunkSize, self.window) = (max(1, chunkSize), max(1, window))
    }

    private var chunkCount: Int { (positions.count + chunkSize - 1) / chunkSize }

    private func make(_ number: Int) throws -> Chunk {
        var chunk = Chunk()
        chunk.relations = positions[number * chunkSize..<min(positions.count, (number + 1) * chunkSize)].map { relations[$0] }
        chunk.ends.reserveCapacity(chunk.relations.count)
        for relation in chunk.relations {
            try chunk.lines.writeLine(relation)
            chunk.ends.append(chunk.lines.bytes.count)
        }
        return chunk
    }

    /// Calls `body` with each relation and its JSON line (line feed included), in the store's order. One thread reads,
    /// once.
    func forEach(_ body: (UnsafePointer<Relation>, UnsafeRawBufferPointer) throws -> Void) throws {
        defer {
            condition.lock()
            readerIsDone = true
            condition.broadcast()
            condition.unlock()
        }
        for number in 0..<chunkCount {
            condition.lock()
            reading = number
            condition.broadcast()
            let startedHere = number == started
            if startedHere { started += 1 }
            condition.unlock()
            var chunk: Chunk?
            if !startedHere {
                condition.lock()
                while made[number] == nil && !failed.contains(number) { condition.wait() }
                chunk = made.removeValue(forKey: number)
                condition.unlock()
            }
            let ready = try chunk ?? make(number)
            try ready.relations.withUnsafeBufferPointer { relations in
                try ready.lines.bytes.withUnsafeBytes { lines in
                    var start = 0
                    for index in relations.indices {
                        try body(relations.baseAddress! + index, UnsafeRawBufferPointer(rebasing: lines[start..<ready.ends[index]]))
                        start = ready.ends[index]
                    }
                }
            }
        }
    }

    /// Makes chunks ahead of the reader, up to `window` of them, until every chunk is started or the reader is done.
    func helpMake() {
        condition.lock()
        while true {
            while !readerIsDone && started < chunkCount && started > reading + window { condition.wait() }
            guard !readerIsDone, started < chunkCount else { break }
            let number = started
            started += 1
            condition.unlock()
            let chunk = try? make(number)
            condition.lock()
            if let chunk { made[number] = chunk } else { failed.insert(number) }
            condition.broadcast()
        }
        condition.unlock()
    }
}
