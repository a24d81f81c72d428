import Foundation
import Testing
@testable import Crosscheck

/// `JSONLineWriter` writes the exports' JSON lines by hand; these tests hold it to the bytes of the
/// `JSONEncoder` it replaces, on the sample corpus and on values chosen to trip it up.
@Suite struct JSONLineWriterTests {
    /// The sample inbox, related as a build relates it.
    static let corpus = RelationEngine.relate(TestSupport.seedCorpus)

    let encoder = JSONExport.encoder(pretty: false)

    func written(_ value: some JSONLineWritable) throws -> String {
        var writer = JSONLineWriter()
        try writer.value(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    func encoded(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func expectSameBytes<T: JSONLineWritable & Encodable>(_ values: [T], sourceLocation: SourceLocation = #_sourceLocation) throws {
        for value in values {
            let (mine, theirs) = (try written(value), try encoded(value))
            #expect(mine == theirs, sourceLocation: sourceLocation)
        }
    }

    // MARK: The sample corpus

    @Test func sampleDocumentsAreWrittenAsTheEncoderWritesThem() throws {
        #expect(!Self.corpus.documents.isEmpty)
        try expectSameBytes(Self.corpus.documents)
    }

    @Test func sampleClaimsAreWrittenAsTheEncoderWritesThem() throws {
        #expect(!Self.corpus.claims.isEmpty)
        try expectSameBytes(Self.corpus.claims)
    }

    @Test func sampleRelationsOfEveryKindAreWrittenAsTheEncoderWritesThem() throws {
        for kind in Relation.Kind.allCases {
            #expect(!Self.corpus.relations(kind).isEmpty, "the sample corpus has no \(kind.rawValue)")
        }
        try expectSameBytes(Self.corpus.relations.values)
        try expectSameBytes(ReportFixtures.corpus.relations.values + ReportFixtures.hostile.relations.values)
    }

    /// What `JSONExport.lines` wrote before the writer: one encoded value per line.
    func encoderLines<T: Encodable>(_ values: [T]) throws -> Data {
        var data = Data()
        for value in values {
            data.append(try encoder.encode(value))
            data.append(0x0A)
        }
        return data
    }

    @Test func exportedLinesAreTheEncodersLines() throws {
        let corpus = Self.corpus
        #expect(try JSONExport.lines(corpus.documents) == encoderLines(corpus.documents))
        #expect(try JSONExport.lines(corpus.claims) == encoderLines(corpus.claims))
        #expect(try JSONExport.lines(corpus.relations.values) == encoderLines(corpus.relations.values))
    }

    @Test func exportedFilesHoldTheEncodersLines() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = Self.corpus
        try CorpusWriter.writeExports(of: corpus, into: folder)
        #expect(try Data(contentsOf: folder.appendingPathComponent("documents.jsonl")) == encoderLines(corpus.documents))
        #expect(try Data(contentsOf: folder.appendingPathComponent("claims.jsonl")) == encoderLines(corpus.claims))
        for kind in Relation.Kind.allCases {
            #expect(try Data(contentsOf: folder.appendingPathComponent(kind.fileName)) == encoderLines(corpus.relations(kind)))
        }
    }

    /// Lines are written a megabyte at a time: a file of several megabytes crosses the buffer's edge many times.
    @Test func aFileLargerThanTheBufferHoldsEveryLine() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let claims = (0..<6_000).map { index in Self.claim("claim \(index) " + Self.hostileStrings[index % Self.hostileStrings.count], quantities: [Self.quantity("\(index)", value: Double(index) / 7)]) }
        let url = folder.appendingPathComponent("claims.jsonl")
        try ExportFile.writeLines(claims, to: url)
        let written = try Data(contentsOf: url)
        #expect(written.count > 3 * ExportFile.bufferSize)
        #expect(written == (try encoderLines(claims)))
    }

    /// The reports are written a piece at a time, not rendered whole: small pieces, a piece larger than the buffer and
    /// multi-byte text come out as the whole would.
    @Test func textWrittenInPiecesIsTheWholeText() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pieces = (0..<40_000).map { "piece \($0) “é” 日本 " } + [String(repeating: "x", count: 3 * ExportFile.bufferSize)] + ["end\n"]
        let url = folder.appendingPathComponent("report.md")
        try ExportFile.writePieces(to: url) { emit in for piece in pieces { try emit(piece) } }
        #expect(try Data(contentsOf: url) == Data(pieces.joined().utf8))
        // A report written that way is the report rendered whole.
        try ExportFile.writePieces(to: url) { emit in try HTMLReport.write(ReportContent(Self.corpus), to: emit) }
        #expect(try String(contentsOf: url, encoding: .utf8) == HTMLReport.render(Self.corpus))
    }

    @Test func theWatchersLineCacheWritesTheSameBytesTwice() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = Self.corpus
        let cache = ExportLineCache()
        var previous: Corpus?
        for round in 0..<3 {
            var next = corpus
            if round == 1 { next.claims[0].text += " (changed)" }
            if round == 2 { next.relations[0].explanation += " (changed)" }
            let delta = previous.map { CorpusDelta(from: $0, to: next) }
            let url = folder.appendingPathComponent("round-\(round)")
            try cache.writeDocumentLines(next.documents, changes: delta?.documents, to: url)
            #expect(try Data(contentsOf: url) == encoderLines(next.documents))
            try cache.writeClaimLines(next.claims, changes: delta?.claims, to: url)
            #expect(try Data(contentsOf: url) == encoderLines(next.claims))
            try cache.writeRelationLines(next.relations.values, changes: delta?.relations) { folder.appendingPathComponent("round-\(round)-\($0.fileName)") }
            for kind in Relation.Kind.allCases {
                #expect(try Data(contentsOf: folder.appendingPathComponent("round-\(round)-\(kind.fileName)")) == encoderLines(next.relations(kind)))
            }
            previous = next
        }
    }

    /// The cache trusts the delta it is given: a line is reused for every id the delta does not name.
    @Test func theLineCacheReusesTheLinesOfIdsTheDeltaLeavesAlone() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = ExportLineCache()
        var claims = Self.corpus.claims
        let url = folder.appendingPathComponent("claims.jsonl")
        try cache.writeClaimLines(claims, changes: nil, to: url)
        let before = try Data(contentsOf: url)
        claims[0].text += " (changed)"
        var changes = CorpusDelta.Changes()
        try cache.writeClaimLines(claims, changes: changes, to: url)
        #expect(try Data(contentsOf: url) == before, "nothing named changed: the old line stands")
        changes.arrived = [claims[0].id]
        changes.gone = [claims[0].id]
        try cache.writeClaimLines(claims, changes: changes, to: url)
        #expect(try Data(contentsOf: url) == encoderLines(claims))
    }

    // MARK: Hostile values

    /// Every ASCII character, the escapes' neighbours, and Unicode the encoder leaves alone.
    static let hostileStrings: [String] = {
        var ascii = ""
        for value in 0..<0x80 { ascii.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        return [
            "", ascii, "\"", "\\", "\\\"", "\"\\", "/", "</script>", "a\u{0}b", "\u{1F}\u{7F}\u{80}\u{9F}\u{A0}",
            "line\nbreak\r\n\ttab\u{8}\u{C}", "\u{2028}\u{2029}", "\u{FEFF}bom", "😀👩‍👩‍👧 emoji", "e\u{301} é", "日本語 Канада",
            "\u{10FFFF}", "ends with a backslash\\", String(repeating: "\"", count: 300),
        ]
    }()

    static func quantity(_ text: String, value: Double = 1, low: Double? = nil, high: Double? = nil) -> Quantity {
        Quantity(kind: .money, text: text, span: TextSpan(start: 0, end: text.unicodeScalars.count), value: value, low: low, high: high,
                 qualifier: text, currency: text, currencyInferred: true, scale: text, unit: text, date: text, precision: .day)
    }

    static func claim(_ text: String, quantities: [Quantity] = []) -> Claim {
        Claim(id: text, document: text, source: text, section: text, sectionPath: [text, text], text: text, span: TextSpan(start: -1, end: Int.max),
              kinds: [text], quantities: quantities, date: ClaimDate(value: text, precision: .month, basis: .relative, phrase: text), citationKey: text)
    }

    @Test func hostileStringsAreEscapedAsTheEncoderEscapesThem() throws {
        for text in Self.hostileStrings {
            let claim = Self.claim(text, quantities: [Self.quantity(text)])
            try expectSameBytes([claim])
            let document = Document(
                id: text, source: SourceInfo(path: text, format: .html, sha256: text, bytes: 0, encoding: text), url: text, title: text,
                authors: [text, text], site: text, language: text, published: DatedValue(date: text, precision: .year, evidence: text),
                modified: DatedValue(date: text, precision: .day, evidence: text), evidence: [text: text, "title": text], citationKey: text,
                sections: [Section(id: text, heading: text, level: -3, path: [text], text: text)])
            try expectSameBytes([document])
            let relation = Relation(id: text, kind: .contradiction, claims: [RelatedClaim(claim: claim, value: Self.quantity(text)), RelatedClaim(claim: claim, value: nil)],
                                    subject: text, metric: text, explanation: text, confidence: 0.35, betterSupported: text)
            try expectSameBytes([relation])
        }
    }

    @Test func dictionaryKeysAreInTheEncodersOrder() throws {
        let keys = ["a_b", "aB", "ab", "a1", "a10", "a2", "A", "a", "É", "e", "Z", "_", "ß", "ss", "é", "a-b", "aé", "ae", "\u{0}", "~", "😀", "ｚ", "date_x", "datex", "date", ""]
        var document = Document(id: "d", source: SourceInfo(path: "p", format: .text, sha256: "s", bytes: 1, encoding: "utf-8"), url: nil, title: nil,
                                authors: [], site: nil, language: nil, published: nil, modified: nil, evidence: [:], citationKey: "k", sections: [])
        try expectSameBytes([document])
        document.evidence = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, "\($0)") })
        try expectSameBytes([document])
    }

    /// The watcher's record, written by hand at every update: the encoder's bytes, and read back as it was.
    @Test func theInboxRecordIsWrittenAsTheEncoderWritesIt() throws {
        var record = InboxRecord(reader: "crosscheck \"test\" 1.0")
        #expect(try written(record) == encoded(record))
        var stamp = try #require(FileStamp(path: FileManager.default.currentDirectoryPath))
        for (number, path) in ["b.html", "a/b/c.txt", "É.md", "e.md", "quote\".txt", "tab\tname.txt", "😀.html", "a b", "~x"].enumerated() {
            stamp.size = number * 1_000
            stamp.modified = -Int64(number)
            record.entries[path] = InboxRecord.Entry(stamp: stamp, sha256: number == 2 ? nil : String(repeating: "ab", count: 32))
        }
        (stamp.size, stamp.modified, stamp.inode, stamp.device) = (.max, .min, .max, UInt64(Int.max) + 1)
        record.entries["big"] = InboxRecord.Entry(stamp: stamp, sha256: "x")
        #expect(try written(record) == encoded(record))
        #expect(record.encoded() == (try encoder.encode(record)))
        #expect(try JSONDecoder().decode(InboxRecord.self, from: record.encoded()) == record)
    }

    @Test func optionalFieldsAreNullOrLeftOutAsTheEncoderHasThem() throws {
        let bare = Quantity(kind: .count, text: "5", span: TextSpan(start: 0, end: 1), value: 5, low: nil, high: nil, qualifier: "exact")
        var claim = Self.claim("x", quantities: [bare, Self.quantity("y", low: 1, high: 2)])
        claim.date = ClaimDate(value: nil, precision: nil, basis: .none, phrase: nil)
        try expectSameBytes([claim])
        var falseInferred = bare
        falseInferred.currencyInferred = false
        try expectSameBytes([falseInferred])
        let relation = Relation(id: "r", kind: .agreement, claims: [RelatedClaim(claim: claim, value: nil), RelatedClaim(claim: claim, value: bare)],
                                subject: nil, metric: "m", explanation: "e", confidence: 1, betterSupported: nil)
        try expectSameBytes([relation])
    }

    // MARK: Numbers

    static let hostileDoubles: [Double] = [
        0, -0.0, 1, -1, 0.35, 0.1, 1.0 / 3, 2.5, 28.7e9, 28_650_000_000, 1e15, 1e16, 1e17, 1e21, 1e22, -1e300, 1e-5, 0.0001, .leastNonzeroMagnitude,
        .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 9_007_199_254_740_991, 9_007_199_254_740_992,
        9_007_199_254_740_992.0.nextUp, -9_007_199_254_740_992, 18_014_398_509_481_984, 1.2345678901234568e17, 4_099_999_999.9999995,
        7.3500000000000005, 2021, -2021, 0.5, 1e-7, 100, 1e100,
    ]

    func expectSameNumbers(_ values: [Double], sourceLocation: SourceLocation = #_sourceLocation) throws {
        var writer = JSONLineWriter()
        writer.beginArray()
        for value in values { try writer.number(value) }
        writer.endArray()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == (try encoded(values)), sourceLocation: sourceLocation)
    }

    @Test func doublesAreWrittenAsTheEncoderWritesThem() throws {
        try expectSameNumbers(Self.hostileDoubles)
        try expectSameBytes(Self.hostileDoubles.map { Self.quantity("q", value: $0, low: -$0, high: $0 / 2) })
    }

    @Test func randomDoublesAreWrittenAsTheEncoderWritesThem() throws {
        var generator = SplitMix64(seed: 0x5EED)
        var values: [Double] = []
        while values.count < 20_000 {
            let bits = generator.next()
            switch values.count % 4 {
            case 0: values.append(Double(bitPattern: bits))  // anything at all
            case 1: values.append(Double(Int64(bitPattern: bits) >> Int64(bits % 60)))  // integers of every size
            case 2: values.append(Double(Int64(bits % 100_000_000)) / 100)  // money with cents
            default: values.append(Double(Int64(bits % 1_000_000)) * pow(10, Double(Int(bits >> 40) % 40 - 20)))  // scaled figures
            }
            if !(values.last?.isFinite ?? true) { values.removeLast() }
        }
        try expectSameNumbers(values)
    }

    @Test func integersAreWrittenAsTheEncoderWritesThem() throws {
        let values = [0, 1, -1, 9, 10, 99, 100, Int.max, Int.min, Int.max - 1, Int.min + 1, 1_234_567_890]
        var writer = JSONLineWriter()
        writer.beginArray()
        for value in values { writer.number(value) }
        writer.endArray()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == (try encoded(values)))
    }

    /// The engine never makes NaN or an infinity; if it ever did, the writer would refuse it as the encoder does, not write bytes the encoder would not.
    @Test func nonFiniteDoublesAreRefusedAsTheEncoderRefusesThem() throws {
        for value in [Double.nan, .infinity, -.infinity, .signalingNaN] {
            var writer = JSONLineWriter()
            #expect(throws: EncodingError.self) { try writer.number(value) }
            #expect(throws: EncodingError.self) { try encoder.encode([value]) }
            #expect(throws: EncodingError.self) { try JSONExport.lines([Self.quantity("q", value: value)]) }
        }
        let doubles = Self.corpus.claims.flatMap(\.quantities).flatMap { [$0.value, $0.low, $0.high].compactMap { $0 } }
            + Self.corpus.relations.map(\.confidence)
        #expect(doubles.allSatisfy { $0.isFinite })
    }
}

/// A small seeded generator, so that the random values are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A relation's side keeps its fields in one shared box; it must still behave as the plain value it was.
struct RelatedClaimValueTests {
    static let quantity = Quantity(kind: .count, text: "5", span: TextSpan(start: 0, end: 1), value: 5, low: nil, high: nil, qualifier: "exact")

    @Test func sidesMadeApartAreEqualWhenTheirFieldsAreAndHashAlike() {
        let claim = JSONLineWriterTests.claim("x", quantities: [Self.quantity])
        let one = RelatedClaim(claim: claim, value: Self.quantity)
        let two = RelatedClaim(claim: claim, value: Self.quantity)
        #expect(one == two)
        #expect(one.hashValue == two.hashValue)
        #expect(Set([one, two]).count == 1)
        #expect(one != RelatedClaim(claim: claim, value: nil))
        var other = claim
        other.text = "y"
        #expect(one != RelatedClaim(claim: other, value: Self.quantity))
    }

    @Test func aSideSurvivesAJSONRoundTripWithItsOptionalValueLeftOut() throws {
        let claim = JSONLineWriterTests.claim("x", quantities: [Self.quantity])
        for side in [RelatedClaim(claim: claim, value: Self.quantity), RelatedClaim(claim: claim, value: nil)] {
            let data = try JSONEncoder().encode(side)
            #expect(try JSONDecoder().decode(RelatedClaim.self, from: data) == side)
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(Set(object.keys) == (side.value == nil ? ["id", "document", "source", "text", "date"] : ["id", "document", "source", "text", "value", "date"]))
        }
    }
}

/// A quantity keeps its fields in a box that copies share; changing one copy must leave the others as they were.
struct QuantityValueTests {
    static let quantity = Quantity(kind: .money, text: "$5 billion", span: TextSpan(start: 0, end: 10), value: 5e9, low: 5e9, high: 5e9,
                                   qualifier: "exact", currency: "USD", currencyInferred: true, scale: "billion")

    @Test func changingACopyLeavesTheOriginalAlone() {
        let original = Self.quantity
        var copy = original
        #expect(copy == original)
        copy.value = 6e9
        copy.currency = "CAD"
        copy.unit = "trade"
        #expect(original.value == 5e9 && original.currency == "USD" && original.unit == nil)
        #expect(copy.value == 6e9 && copy.currency == "CAD" && copy.unit == "trade")
        #expect(copy != original)
        // Each field is its own: changing one leaves the rest.
        #expect(copy.text == original.text && copy.scale == original.scale && copy.currencyInferred == true)
    }

    @Test func quantitiesMadeApartAreEqualWhenTheirFieldsAreAndHashAlike() {
        let twin = Quantity(kind: .money, text: "$5 billion", span: TextSpan(start: 0, end: 10), value: 5e9, low: 5e9, high: 5e9,
                            qualifier: "exact", currency: "USD", currencyInferred: true, scale: "billion")
        #expect(twin == Self.quantity)
        #expect(twin.hashValue == Self.quantity.hashValue)
        var open = twin
        open.high = nil
        #expect(open != twin)
        #expect(Set([twin, Self.quantity, open]).count == 2)
    }

    @Test func aQuantitySurvivesAJSONRoundTripWithItsOpenBoundsAndUnsetFields() throws {
        var open = Self.quantity
        (open.high, open.currencyInferred, open.scale) = (nil, nil, nil)
        for quantity in [Self.quantity, open, RelatedClaimValueTests.quantity] {
            let data = try JSONEncoder().encode(quantity)
            #expect(try JSONDecoder().decode(Quantity.self, from: data) == quantity)
        }
    }
}

/// A relation holds its two sides in place; it reads and decodes as the two-element list it exports.
struct RelationSidesTests {
    @Test func theSidesAreTheClaimsInOrderAndChangeWithThem() throws {
        let relation = try #require(JSONLineWriterTests.corpus.relations.first)
        #expect(relation.claims == [relation.first, relation.second])
        var swapped = relation
        swapped.claims = [relation.second, relation.first]
        #expect(swapped.first == relation.second && swapped.second == relation.first)
        #expect(swapped != relation)
    }

    @Test func aRelationWithOtherThanTwoClaimsIsRefusedWhenDecoded() throws {
        let relation = try #require(JSONLineWriterTests.corpus.relations.first)
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(relation)) as? [String: Any])
        #expect(try JSONDecoder().decode(Relation.self, from: JSONSerialization.data(withJSONObject: object)) == relation)
        let claims = try #require(object["claims"] as? [Any])
        for wrong in [[claims[0]], claims + [claims[0]]] {
            object["claims"] = wrong
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(Relation.self, from: JSONSerialization.data(withJSONObject: object)) }
        }
    }
}
