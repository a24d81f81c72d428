import Testing
@testable import Crosscheck

/// Relations' reasons are interned: equal reasons must come back as one string, sharing its storage.
@Suite struct StringInternerTests {
    /// The address of a native string's bytes, which two strings share only when they share storage.
    func storage(of text: String) -> UnsafeRawPointer? {
        var text = text
        return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func equalStringsMadeApartComeBackSharingTheFirstOnesStorage() {
        let interner = StringInterner()
        let words = ["explicit", "periods", "differ", "(2016 vs 2017)"]
        let first = words.joined(separator: " "), second = words.joined(separator: " ")
        #expect(first == second && storage(of: first) != storage(of: second))
        let (a, b) = (interner.intern(first), interner.intern(second))
        #expect(a == first && b == second)
        #expect(storage(of: b) == storage(of: first), "the second is handed the first's copy")
        let other = interner.intern(words.reversed().joined(separator: " "))
        #expect(other != a && storage(of: other) != storage(of: a))
    }

    @Test func stringsFromManyThreadsAreInternedOnce() async {
        let interner = StringInterner()
        let texts = (0..<2_000).map { "reason number \($0 % 100) of many" }
        let results = await withTaskGroup(of: [String].self) { group in
            for part in 0..<4 { group.addTask { texts[(part * 500)..<((part + 1) * 500)].map(interner.intern) } }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(Set(results) == Set(texts))
        #expect(Set(results.map { storage(of: $0) }).count == 100)
    }
}
