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

    @Test("Hashing parts with a separator is hashing the joined text (relation ids depend on it)")
    func joinedParts() {
        let parts = ["agreement", "c0123456789abcdef", "cfedcba9876543210"]
        #expect(Hashing.hexPrefix(joining: parts[0], parts[1], parts[2], separator: "|", length: 16)
                == Hashing.hexPrefix(of: parts.joined(separator: "|"), length: 16))
        #expect(Hashing.hexPrefix(joining: "ünï", "", "x", separator: "·", length: 64) == Hashing.hexPrefix(of: "ünï··x", length: 64))
        #expect(Hashing.hexPrefix(joining: "abc", separator: "|", length: 64) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
