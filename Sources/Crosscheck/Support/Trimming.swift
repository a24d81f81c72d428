extension StringProtocol {
    /// The text without the scalars `isTrimmed` accepts at either end, read as scalars: Foundation's
    /// `trimmingCharacters(in:)` bridges the text (every line, where lines are trimmed).
    func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isTrimmed($0) })!
        return String(scalars[first...last])
    }
}
