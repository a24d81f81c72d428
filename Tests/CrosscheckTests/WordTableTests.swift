import Testing
@testable import Crosscheck

struct WordTableTests {
    let entries: [String: Int] = ["asia": 1, "east asia": 2, "é": 3, "": 4, "overall": 5, "g7": 6]

    @Test func everyWordInTheTableIsFound() {
        let table = WordTable(entries)
        for (word, value) in entries { #expect(table[word] == value, "\(word)") }
    }

    @Test("words not in the table are not found, even those that share a key's length and first and last bytes")
    func otherWordsAreNotFound() {
        let table = WordTable(entries)
        for word in ["aria", "asian", "Asia", "east", "e", "è", "overaLl", "g8", "g", "the", "employees"] { #expect(table[word] == nil, "\(word)") }
    }
}
