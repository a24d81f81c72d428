import Foundation
import Testing
@testable import Crosscheck

@Suite("Number formatting")
struct ValueFormatTests {
    /// Values a corpus produces (money, percentages, confidences) and the awkward ones: halves, negatives, zeros.
    static let samples: [Double] = [
        0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1.0005, 0.0005, -0.0004, 4.25, 36.5, 114.7, 0.294999, 0.295, 28.7,
        12_345.678_9, -3.14159, 99.995, 99.9949, 1e14 + 0.25, 0.1 + 0.2, 2.675, 1.005, 7.0 / 3.0,
    ]

    @Test("fixed() writes what printf writes, for every number of decimals it serves")
    func fixedMatchesPrintf() {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<2_000).map { _ in Double.random(in: -1_000...1_000, using: &generator) }
            + (0..<2_000).map { index in Double(index) / 8 - 100 }  // exact binary halves and quarters
        for value in Self.samples + random {
            for decimals in 0...4 {
                #expect(ValueFormat.fixed(value, decimals: decimals) == String(format: "%.\(decimals)f", value), "\(value), \(decimals)")
                #expect(ValueFormat.fixed(value, decimals: decimals, signed: true) == String(format: "%+.\(decimals)f", value), "\(value), \(decimals)")
            }
        }
    }

    @Test("plain() groups thousands and drops trailing zeros")
    func plainNumbers() {
        #expect(ValueFormat.plain(28_700_000_000) == "28,700,000,000")
        #expect(ValueFormat.plain(4.25) == "4.25")
        #expect(ValueFormat.plain(114.70) == "114.7")
        #expect(ValueFormat.plain(-0.0004) == "-0")
        #expect(ValueFormat.plain(1.0004) == "1")
        #expect(ValueFormat.number(36_500_000_000) == "36.5 billion")
    }
}
