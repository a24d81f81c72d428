import Foundation
import Testing
@testable import Crosscheck

/// Numbers as the reports write them, without `String(format:)` and with the same text.
@Suite struct ValueFormatTests {
    @Test func fixedDecimalsReadAsPrintfWrites() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, 0.125, 0.0625, -0.0004, 0.9999, 0.995, 0.005, 0.015, 1e-7, 123_456.7895, -2.675, 2.25, 2.35, 0.0625, 1e15 + 0.5, 0x1p49 + 0.5, 0x1p50 - 1, 1e20, -1e300,
                                .nan, .infinity, -.infinity, .ulpOfOne, .leastNonzeroMagnitude, 28.7, 0.3, 0.35, 0.45]
        for _ in 0..<20_000 {
            let magnitude = Double.random(in: -8...12, using: &generator)
            values.append((Bool.random(using: &generator) ? 1 : -1) * pow(10, magnitude) * Double.random(in: 1..<10, using: &generator))
            // Values on or next to a halfway point of the last decimal.
            let halfway = (Double(Int.random(in: -100_000...100_000, using: &generator)) + 0.5) / 1_000
            values += [halfway, halfway.nextUp, halfway.nextDown]
            // Binary fractions are exact, so many of them lie exactly halfway (2.25 to one decimal): printf rounds to even.
            values.append(Double(Int.random(in: -2_000_000...2_000_000, using: &generator)) / 1_024)
        }
        for value in values {
            for decimals in [0, 1, 2, 3] {
                #expect(ValueFormat.fixed(value, decimals: decimals) == String(format: "%.\(decimals)f", value), "\(value) to \(decimals) decimals")
            }
            // Changes over time are explained with a signed percentage.
            #expect(ValueFormat.fixed(value, decimals: 1, signed: true) == String(format: "%+.1f", value), "\(value) signed")
        }
    }

    @Test("integers are grouped by thousands, a comma before each group of three digits")
    func groupedIntegers() {
        var generator = SystemRandomNumberGenerator()
        var values: [Int64] = [0, 1, -1, 9, 10, 99, 100, 999, 1_000, -1_000, 9_999, 10_000, 123_456, -123_456, 1_234_567, .max, .min, .min + 1]
        for _ in 0..<2_000 { values.append(Int64.random(in: .min ... .max, using: &generator) >> Int64.random(in: 0...62, using: &generator)) }
        for value in values {
            // The reference: digits of the magnitude, a comma before each group of three from the right.
            let digits = Array(String(value.magnitude))
            var expected = value < 0 ? "-" : ""
            for (index, digit) in digits.enumerated() {
                if index > 0 && (digits.count - index) % 3 == 0 { expected += "," }
                expected.append(digit)
            }
            #expect(ValueFormat.grouped(value) == expected)
        }
    }

    @Test func plainNumbersAreGroupedAndTrimmed() {
        #expect(ValueFormat.plain(28_700_000_000) == "28,700,000,000")
        #expect(ValueFormat.plain(-1_234_567) == "-1,234,567")
        #expect(ValueFormat.plain(999) == "999" && ValueFormat.plain(1_000) == "1,000" && ValueFormat.plain(0) == "0" && ValueFormat.plain(-0.0) == "0")
        #expect(ValueFormat.plain(4.25) == "4.25" && ValueFormat.plain(28.7) == "28.7" && ValueFormat.plain(-0.0004) == "-0")
        #expect(ValueFormat.number(28_700_000_000) == "28.7 billion" && ValueFormat.number(129_425) == "129,425")
        #expect(ValueFormat.score(0.455) == String(format: "%.2f", 0.455) && ValueFormat.score(1) == "1.00")
    }
}
