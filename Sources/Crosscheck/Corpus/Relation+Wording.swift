extension Relation {
    /// A relation's explanation, kept as the parts it is written from until it is read.
    ///
    /// The two statements are shared by every relation of their facts, so a relation holds only its reason: a
    /// written-out sentence per relation was a fifth of a large build's peak memory (113 MB of explanations for
    /// 320,000 relations at 10,000 documents). Each export writes the sentence once, from the parts.
    struct Wording: Hashable, Sendable {
        private enum Form: Sendable {
            case text(String)
            /// `Explanation.sentence(kind:older:newer:reason:)`'s arguments.
            case parts(kind: Relation.Kind, older: String, newer: String, reason: String)
        }

        private let form: Form

        /// An explanation already written out (read from a store, or made by a pass that words its own).
        init(_ text: String) { form = .text(text) }

        /// The sentence `Explanation.sentence(kind:older:newer:reason:)` writes from these parts, written when read.
        init(kind: Relation.Kind, older: String, newer: String, reason: String) {
            form = .parts(kind: kind, older: older, newer: newer, reason: reason)
        }

        var text: String {
            switch form {
            case .text(let text): text
            case .parts(let kind, let older, let newer, let reason): Explanation.sentence(kind: kind, older: older, newer: newer, reason: reason)
            }
        }

        /// Equal when the sentences are; parts that are the same need no sentence written to tell.
        static func == (a: Wording, b: Wording) -> Bool {
            if case .parts(let k1, let o1, let n1, let r1) = a.form, case .parts(let k2, let o2, let n2, let r2) = b.form,
               k1 == k2, o1 == o2, n1 == n2, r1 == r2 {
                return true
            }
            return a.text == b.text
        }

        func hash(into hasher: inout Hasher) { hasher.combine(text) }
    }
}
