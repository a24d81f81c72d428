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
