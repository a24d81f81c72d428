import Foundation
import Testing
@testable import Crosscheck

@Suite("Parallel map, for-each and take")
struct ParallelMapTests {
    @Test("results keep the input's order whatever the jobs and chunk size", arguments: [1, 2, 3, 8])
    func mapKeepsOrder(jobs: Int) {
        let inputs = Array(0..<1_000)
        for chunk in [nil, 1, 7, 5_000] {
            #expect(ParallelMap.map(inputs, jobs: jobs, chunkSize: chunk) { $0 * $0 } == inputs.map { $0 * $0 })
        }
        #expect(ParallelMap.map([Int](), jobs: jobs) { $0 }.isEmpty)
    }

    @Test("for-each visits every index exactly once", arguments: [1, 2, 4])
    func forEachVisitsEachIndexOnce(jobs: Int) {
        let visits = Visits(count: 777)
        ParallelMap.forEach(777, jobs: jobs, chunkSize: 5) { visits.record($0) }
        #expect(visits.counts == [Int](repeating: 1, count: 777))
    }

    @Test("a parallel sort gives what sorted gives, for any number of threads and any length")
    func sortedMatchesTheSerialSort() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 4_095, 4_096 * 3 + 7, 50_000] {
            // Few distinct keys, so that many elements tie on them; the position breaks ties, as sort keys do.
            let elements = (0..<count).map { (key: Int.random(in: 0..<50, using: &generator), position: $0) }
            let expected = elements.sorted { ($0.key, $0.position) < ($1.key, $1.position) }
            for jobs in [1, 2, 3, 8] {
                let sorted = ParallelMap.sorted(elements, jobs: jobs) { ($0.key, $0.position) < ($1.key, $1.position) }
                #expect(sorted.map(\.position) == expected.map(\.position), "\(count) elements, \(jobs) jobs")
            }
        }
    }

    /// Counts of visits per index, safe to record from several threads.
    final class Visits: @unchecked Sendable {
        private var storage: [Int]
        private let lock = NSLock()
        init(count: Int) { storage = [Int](repeating: 0, count: count) }
        func record(_ index: Int) { lock.lock(); storage[index] += 1; lock.unlock() }
        var counts: [Int] { lock.lock(); defer { lock.unlock() }; return storage }
    }
}
