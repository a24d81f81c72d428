/// TruthFinder-style trust: a source is trusted as far as trusted sources agree with it and not further
/// than trusted sources contradict it, starting from a prior by kind of source.
enum SourceTrustModel {
    static func prior(of document: Document) -> (score: Double, kind: String) {
        let signals = ([document.site, document.url] + document.authors.map(Optional.some)).compactMap { $0?.lowercased() }.joined(separator: " ")
        if signals.contains(".gc.ca") || signals.contains(".gov") || signals.contains("government") || signals.contains("ministry")
            || signals.contains("global affairs") || signals.contains("prime minister") { return (0.8, "government source") }
        if signals.contains("news") || signals.contains("ledger") || signals.contains("times") || signals.contains("post")
            || !document.authors.isEmpty && document.source.format == .html { return (0.7, "news source") }
        if signals.contains("foundation") || signals.contains("institute") || signals.contains("centre") || signals.contains("council") {
            return (0.65, "research or policy institute")
        }
        return (0.5, "source of unknown kind")
    }

    /// An agreement or a conflict between two sources, by document index.
    struct Link: Sendable {
        var agree: Bool
        var a: Int
        var b: Int
    }

    /// - Parameter links: in the relations' order (the sums run in it, so the scores do not depend on anything else,
    ///   the number of threads included).
    static func scores(documents: [Document], links: [Link], jobs: Int = 1) -> [SourceTrust] {
        let priors = documents.map(prior(of:))
        var trust = priors.map(\.score)
        var agreements = [[Int]](repeating: [], count: documents.count)
        var conflicts = [[Int]](repeating: [], count: documents.count)
        for link in links {
            let (a, b) = (link.a, link.b)
            if link.agree {
                agreements[a].append(b)
                agreements[b].append(a)
            } else {
                conflicts[a].append(b)
                conflicts[b].append(a)
            }
        }
        for _ in 0..<20 {
            trust = ParallelMap.map(Array(documents.indices), jobs: jobs) { [trust, agreements, conflicts] source in
                let support = 2 * priors[source].score + agreements[source].reduce(0) { $0 + trust[$1] }
                let against = conflicts[source].reduce(0) { $0 + trust[$1] }
                return support / (support + against + 2 * (1 - priors[source].score))
            }
        }
        return documents.indices.map { source in
            let score = (trust[source] * 1000).rounded() / 1000
            let basis = "prior \(priors[source].score) (\(priors[source].kind)); \(agreements[source].count) agreement\(agreements[source].count == 1 ? "" : "s"), "
                + "\(conflicts[source].count) contradiction\(conflicts[source].count == 1 ? "" : "s") with other sources"
            return SourceTrust(document: documents[source].id, score: score, agreements: agreements[source].count,
                               contradictions: conflicts[source].count, basis: basis)
        }.sorted { $0.document < $1.document }
    }
}
