extension CorpusDiff {
    /// How many of each change: the figures of the summary line and of the JSON `counts`.
    public struct Counts: Codable, Hashable, Sendable {
        public var documents: DocumentCounts
        public var sections: SectionCounts
        public var claims: ClaimCounts
        /// Relation changes by kind (`contradiction`, `change_over_time`, `agreement`, `different_qualifier`); every kind is present.
        public var relations: [String: RelationCounts]

        public init(documents: DocumentCounts, sections: SectionCounts, claims: ClaimCounts, relations: [String: RelationCounts]) {
            self.documents = documents
            self.sections = sections
            self.claims = claims
            self.relations = relations
        }

        /// The relation counts of one kind.
        public func relations(_ kind: Relation.Kind) -> RelationCounts { relations[kind.rawValue] ?? RelationCounts() }

        init(documents changes: [DocumentChange], relations outcome: RelationMatcher.Outcome) {
            documents = DocumentCounts()
            sections = SectionCounts()
            claims = ClaimCounts()
            for document in changes {
                switch document.kind {
                case .added: documents.added += 1
                case .removed: documents.removed += 1
                case .modified, .renamed: documents.changed += 1
                }
                if let old = document.old, let new = document.new, old.path != new.path { documents.renamed += 1 }
                for section in document.sections {
                    switch section.kind {
                    case .added: sections.added += 1
                    case .removed: sections.removed += 1
                    case .moved: sections.moved += 1
                    }
                }
                for claim in document.claims {
                    switch claim.kind {
                    case .added: claims.added += 1
                    case .removed: claims.removed += 1
                    case .changed: claims.changed += 1
                    case .moved: claims.moved += 1
                    case .unchanged: break
                    }
                }
            }
            relations = [:]
            for kind in Relation.Kind.allCases {
                var tally = RelationCounts(stillThere: outcome.stillThere[kind] ?? 0)
                for change in outcome.changes where change.relation.kind == kind {
                    if change.kind == .appeared { tally.appeared += 1 } else { tally.resolved += 1 }
                }
                relations[kind.rawValue] = tally
            }
        }
    }

    /// Documents added, removed and changed (modified or renamed; `renamed` counts those whose path changed).
    public struct DocumentCounts: Codable, Hashable, Sendable {
        public var added = 0
        public var removed = 0
        public var changed = 0
        public var renamed = 0

        public init() {}
    }

    /// Sections added, removed and moved within changed documents.
    public struct SectionCounts: Codable, Hashable, Sendable {
        public var added = 0
        public var removed = 0
        public var moved = 0

        public init() {}
    }

    /// Claims added, removed, changed (edited) and moved (same words, other section).
    public struct ClaimCounts: Codable, Hashable, Sendable {
        public var added = 0
        public var removed = 0
        public var changed = 0
        public var moved = 0

        public init() {}
    }

    /// Relations of one kind that appeared, were resolved, or are still there.
    public struct RelationCounts: Codable, Hashable, Sendable {
        public var appeared = 0
        public var resolved = 0
        public var stillThere = 0

        public init(appeared: Int = 0, resolved: Int = 0, stillThere: Int = 0) {
            self.appeared = appeared
            self.resolved = resolved
            self.stillThere = stillThere
        }

        enum CodingKeys: String, CodingKey {
            case appeared, resolved
            case stillThere = "still_there"
        }
    }
}
