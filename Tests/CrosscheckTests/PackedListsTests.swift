import Testing
@testable import Crosscheck

struct PackedListsTests {
    let lists: [[Int32]] = [[1, 4, 9], [], [2, 4], [7], [3, 5, 8, 13], []]

    @Test func eachListReadsBackAsItWasAddedWhetherPackedAtOnceOrInParts() {
        let whole = PackedLists(lists)
        #expect(whole.count == lists.count)
        #expect((0..<whole.count).map { Array(whole[$0]) } == lists)
        var joined = PackedLists<Int32>()
        joined.append([0])
        joined.append(contentsOf: [PackedLists(lists[0..<2]), PackedLists<Int32>(), PackedLists(lists[2...])])
        #expect(joined.count == lists.count + 1)
        #expect((1..<joined.count).map { Array(joined[$0]) } == lists)
    }

    @Test func overlapSaysWhetherTwoAscendingListsShareAnElementAndNilWhenOneIsEmpty() {
        let packed = PackedLists(lists)
        #expect(packed.overlap(0, 2) == true)
        #expect(packed.overlap(2, 0) == true)
        #expect(packed.overlap(0, 3) == false)
        #expect(packed.overlap(3, 4) == false)
        #expect(packed.overlap(0, 1) == nil)
        #expect(packed.overlap(5, 4) == nil)
        #expect(packed.overlap(4, 4) == true)
    }
}
