import Crypto
import Foundation

/// Content hashes: the basis of every identifier in the corpus.
enum Hashing {
    /// Hex digits of an identifier after its one-letter kind (`d`, `c`, `r`): 14, so that a whole id (15 characters)
    /// fits inside a Swift string value instead of a separate allocation; a large corpus holds millions of them, and
    /// the relation engine copies each several times. 56 bits: two of a million claims share an id with a chance of
    /// about 1 in 100,000.
    static let idDigits = 14

    static func sha256Hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        hex(SHA256.hash(data: Array(bytes)), digits: 64)
    }

    static func hexPrefix(of text: String, length: Int) -> String {
        var text = text
        let digest = text.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
        return hex(digest, digits: min(length, 64))
    }

    /// The number an id of the usual shape spells (`kind`, a lower-case letter, and `idDigits` lower-case hex digits); nil
    /// for any other id.
    static func idNumber(_ id: String, kind: Character) -> UInt64? {
        guard let key = IDPositions.key(id), let letter = kind.asciiValue, key >> 56 == UInt64(letter) else { return nil }
        return key & (1 << 56 - 1)
    }

    /// The `idDigits` hex digits that spell `value` (below 16^`idDigits`), as `idNumber` reads them back.
    static func digits(ofIDNumber value: UInt64) -> String {
        String(unsafeUninitializedCapacity: idDigits) { buffer in
            for position in 0..<idDigits {
                buffer[position] = hexDigits[Int(value >> UInt64(4 * (idDigits - 1 - position)) & 0xF)]
            }
            return idDigits
        }
    }

    /// SplitMix64's finaliser: a bijection on 64 bits in which every input bit moves about half the output bits.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The first `digits` lower-case hex digits of a digest. Identifiers are made by the hundred thousand:
    /// this is a table lookup, not a string per byte.
    private static func hex(_ digest: SHA256.Digest, digits: Int) -> String {
        String(unsafeUninitializedCapacity: digits) { buffer in
            var written = 0
            for byte in digest where written < digits {
                buffer[written] = hexDigits[Int(byte >> 4)]
                written += 1
                if written < digits {
                    buffer[written] = hexDigits[Int(byte & 0x0F)]
                    written += 1
                }
            }
            return written
        }
    }
}
