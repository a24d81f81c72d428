/// A factual sentence about something specific, without a figure: "Canada and Japan signed the
/// Acquisition and Cross-Servicing Agreement", "The CPTPP eliminates or reduces tariffs on …".
///
/// Such sentences cannot contradict by number, but two sources saying the same thing corroborate each
/// other. Opinion, speculation, questions and first- or second-person asides are not statements.
enum StatementDetector {
    /// Words that make a sentence an opinion, a hedge or an aside rather than a statement of fact.
    static let nonFactual: Set<String> = [
        "i", "me", "my", "mine", "you", "your", "yours", "imagine", "honestly", "frankly", "truly", "really", "amazing", "special",
        "incredible", "wonderful", "great", "fantastic", "exciting", "excited", "happy", "believe", "think", "feel", "hope",
        "wonder", "love", "beautiful", "smart", "super", "awesome", "perhaps", "maybe", "possibly", "probably", "might", "should",
        "must", "could", "would", "seems", "quite", "totally", "surely", "clearly", "obviously", "impressive", "remarkable", "vital",
    ]

    static func isStatement(_ tokens: [Token], sentence: String) -> Bool {
        guard sentence.hasSuffix(".") || sentence.hasSuffix(".”") || sentence.hasSuffix(".\"") else { return false }
        let words = tokens.filter(\.isWord)
        guard (6...70).contains(words.count) else { return false }
        if words.contains(where: { nonFactual.contains($0.lower) }) { return false }
        // Something specific is named: a capitalised word after the first, or an acronym.
        return words.dropFirst().contains { word in
            word.isCapitalized && !["I"].contains(word.text)
        } || words.contains { $0.text.count >= 2 && $0.text.allSatisfy { $0.isUppercase } }
    }
}
