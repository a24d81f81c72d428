import Testing
@testable import Crosscheck

@Suite("Content hashes")
struct HashingTests {
    @Test("SHA-256 in lower-case hex, and identifiers as its prefix")
    func knownDigests() {
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        #expect(Hashing.sha256Hex(Array("abc".utf8)) == abc)
        #expect(Hashing.hexPrefix(of: "abc", length: 16) == String(abc.prefix(16)))
        #expect(Hashing.hexPrefix(of: "abc", length: 7) == String(abc.prefix(7)))
        #expect(Hashing.sha256Hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // Text that is not contiguous UTF-8 in memory (bridged or sliced) hashes the same.
        #expect(Hashing.hexPrefix(of: String("xabc".dropFirst()), length: 64) == abc)
    }

    @Test("ids of the usual shape read as the number they spell; anything else is refused")
    func idNumbers() {
        #expect(Hashing.idNumber("c000000000000ff", kind: "c") == 255)
        #expect(Hashing.idNumber("cffffffffffffff", kind: "c") == 0x00FF_FFFF_FFFF_FFFF)
        #expect(Hashing.idNumber("dffffffffffffff", kind: "c") == nil)
        #expect(Hashing.idNumber("cFFFFFFFFFFFFFF", kind: "c") == nil)
        #expect(Hashing.idNumber("cfffffffffffff", kind: "c") == nil)
        #expect(Hashing.idNumber("cffffffffffffff0", kind: "c") == nil)
        #expect(Hashing.idNumber("", kind: "c") == nil)
        #expect(Hashing.digits(ofIDNumber: 0x0123_4567_89AB_CDEF >> 8) == "0123456789abcd")
    }

    @Test("a relation id is the same from either claim, differs by kind, and does not change between versions")
    func relationIDs() {
        let (a, b) = ("c0123456789abc", "cfedcba9876543")
        let id = RelationEngine.relationID(.contradiction, a, b)
        #expect(id == RelationEngine.relationID(.contradiction, b, a))
        #expect(id.utf8.count == 15 && Hashing.idNumber(id, kind: "r") != nil)
        let kinds = Relation.Kind.allCases.map { RelationEngine.relationID($0, a, b) }
        #expect(Set(kinds).count == kinds.count)
        #expect(RelationEngine.relationID(.contradiction, a, "c0123456789abd") != id)
        // Ids in exports are cited and diffed: these values are part of the corpus format (schema 3).
        #expect(id == "rf8dca305a942d0")
        // Ids of another shape are hashed with their kind.
        #expect(RelationEngine.relationID(.agreement, "x", "c1") == "r" + Hashing.hexPrefix(of: "agreement|c1|x", length: Hashing.idDigits))
    }

    @Test("claim ids of the usual shape make a relation id from the numbers they spell, which sorts and prints as the id")
    func relationNumbers() throws {
        let (a, b) = ("c0123456789abcd", "cfedcba98765432")
        let (x, y) = (try #require(Hashing.idNumber(a, kind: "c")), try #require(Hashing.idNumber(b, kind: "c")))
        let id = RelationEngine.relationID(.changeOverTime, a, b)
        #expect(id == "r6564191a7ba212")
        let number = RelationEngine.relationNumber(.changeOverTime, x, y)
        #expect(number == RelationEngine.relationNumber(.changeOverTime, y, x))
        #expect(IDOrder(number: number).id == id && IDOrder(number: number) == IDOrder(id))
        #expect(Hashing.digits(ofIDNumber: 0x0A_BCDE_F012_3456) == "0abcdef0123456")
        #expect(Hashing.idNumber("r" + Hashing.digits(ofIDNumber: number), kind: "r") == number)
    }
}
