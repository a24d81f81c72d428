import Testing
@testable import Crosscheck

struct TokenizerTests {
    @Test("a word is capitalised when its first letter is upper case, ASCII or not")
    func capitalisedWords() {
        let words = Tokenizer.tokens("Harbour ferries Élan éclair ß Ωmega ωmega Zed @home 4th").map { ($0.text, $0.isCapitalized) }
        let capitalised = Set(words.filter(\.1).map(\.0))
        #expect(capitalised == ["Harbour", "Élan", "Ωmega", "Zed"])
    }
}

/// Plurals and verb endings fold to one term.
struct StemTests {
    @Test func stemsFoldPluralsAndVerbEndings() {
        #expect(["countries", "classes", "churches", "boxes", "ferries", "bus", "analysis", "cars", "cafés"].map(Terms.stem)
            == ["country", "class", "church", "box", "ferry", "bus", "analysis", "car", "café"])
        #expect(["pies", "gas", "glass", "paris", "programmes", "centres", "canada", "café", "e\u{301}s"].map(Terms.stem)
            == ["pie", "gas", "glass", "paris", "program", "center", "canada", "café", "e\u{301}s"])
        #expect(["deploying", "deployed", "agreed", "ring", "sing", "bed"].map(Terms.similarityStem) == ["deploy", "deploy", "agreed", "ring", "sing", "bed"])
        #expect(Terms.term("canada’s") == "canada" && Terms.term("the") == nil && Terms.term("x") == nil)
    }
}
