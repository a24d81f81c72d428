import Testing
@testable import Crosscheck

/// Ids of the usual shape are kept as the numbers they spell; any other id beside them. Both must be found as set.
@Suite struct IDPositionsTests {
    @Test func idsOfTheUsualShapeAreNumbers() {
        #expect(IDPositions.key("c0123456789abcd") == UInt64(UInt8(ascii: "c")) << 56 | 0x01_2345_6789_abcd)
        // The letter is part of the key: a claim and a relation spelling the same digits are two ids.
        #expect(IDPositions.key("r0123456789abcd") != IDPositions.key("c0123456789abcd"))
        for other in ["", "c", "c0123456789abc", "c0123456789abcde", "C0123456789abcd", "c0123456789ABCD", "c0123456789abcg", "7aaaaaaaaaaaaaa",
                      "café0123456789a"] {
            #expect(IDPositions.key(other) == nil, "\(other)")
        }
    }

    @Test func everyIdIsFoundWhereItWasSet() {
        // Far more ids than the table first has room for, of both shapes, with keys that differ in their low bits only.
        var table = IDPositions(capacity: 4)
        var ids: [String] = []
        for number in 0..<3_000 {
            ids.append(number % 3 == 0 ? "other-\(number)" : "c" + Hashing.digits(ofIDNumber: UInt64(number)))
        }
        for (position, id) in ids.enumerated() {
            let kept = table.setIfAbsent(position, for: id)
            #expect(kept)
        }
        #expect(table.count == ids.count)
        for (position, id) in ids.enumerated() { #expect(table[id] == position, "\(id)") }
        #expect(table["c" + Hashing.digits(ofIDNumber: 3_001)] == nil)
        #expect(table["other-3001"] == nil)
        #expect(table["r" + Hashing.digits(ofIDNumber: 1)] == nil)
    }

    @Test func theFirstPositionStandsUnlessReplaced() {
        var table = IDPositions(capacity: 8)
        for id in ["c00000000000001", "odd id"] {
            let (first, second) = (table.setIfAbsent(1, for: id), table.setIfAbsent(2, for: id))
            #expect(first && !second)
            #expect(table[id] == 1)
            table.set(3, for: id)
            #expect(table[id] == 3)
        }
        #expect(table.count == 2)
    }
}
