import Testing
@testable import Crosscheck

/// Byte searches on the hot paths of the readers give what a plain, case-folded string search gives.
@Suite struct ByteSearchTests {
    private static let stems = ["date", "publi", "mis à", "veröff", "time", "posted"]
    private let needles = ByteSearch.Needles(stems.map { Array($0.utf8) })

    private func occur(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { needles.occur(in: $0) }
    }

    @Test func anyNeedleIsFoundWhateverTheCaseOfASCIILetters() {
        for text in ["post-DATE", "PublishedAt", "entry-time", "Mis à jour le 3 mai", "Veröffentlicht am", "xxposted", "date"] {
            #expect(occur(text), "\(text)")
        }
        for text in ["", "dat", "pub-li", "mis a jour", "VERÖFF", "tim", "post ed"] {
            #expect(!occur(text), "\(text)")
        }
    }

    /// The same answer as searching for each needle in the lower-cased text, on texts cut from every position.
    @Test func agreesWithAStringSearchForEachNeedle() {
        let text = "The Entry-Meta holds a PostDate, the TIMEstamp and what was Posted; mis à jour, veröffentlicht."
        let scalars = Array(text.unicodeScalars)
        for start in 0..<scalars.count {
            for end in stride(from: start, through: scalars.count, by: 7) {
                let piece = String(String.UnicodeScalarView(scalars[start..<end]))
                let lowered = String(piece.unicodeScalars.map { $0.isASCII ? Character($0).lowercased().unicodeScalars.first! : $0 }.map(Character.init))
                #expect(occur(piece) == Self.stems.contains { lowered.contains($0) }, "\(piece)")
            }
        }
    }
}
