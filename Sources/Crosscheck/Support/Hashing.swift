import Crypto
import Foundation

/// Content hashes: the basis of every identifier in the corpus.
enum Hashing {
    static func sha256Hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digest = SHA256.hash(data: Array(bytes))
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    static func hexPrefix(of text: String, length: Int) -> String {
        String(sha256Hex(Array(text.utf8)).prefix(length))
    }
}
