import Foundation
import Testing
@testable import Crosscheck

/// `QuantityParser.clean` removes binary noise exactly as `Double(String(format: "%.12g", value))` does, without
/// going through Foundation for every value.
@Suite struct CleanNumberTests {
    static func printfClean(_ value: Double) -> Double {
        guard value.isFinite, value != 0 else { return value }
        return Double(String(format: "%.12g", value)) ?? value
    }

    @Test func noiseIsRemovedAsPrintfRemovesIt() {
        #expect(QuantityParser.clean(4_099_999_999.9999995) == 4.1e9)
        #expect(QuantityParser.clean(7.3500000000000005) == 7.35)
        #expect(QuantityParser.clean(0.1 + 0.2) == 0.3)
        #expect(QuantityParser.clean(-(0.1 + 0.2)) == -0.3)
        #expect(QuantityParser.clean(999_999_999_999.96) == 1e12)
    }

    @Test func agreesWithPrintfOnDifferencesOfDecimalFigures() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, .nan, .infinity, -.infinity, .ulpOfOne, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1e16, 1e-300,
                                0.5, 1.0000000000005, 1.00000000000050001, 2.0000000000015, 999_999_999_999, -123_456_789_012, 4_294_967_297,
                                1e12, 1e12 + 1, 1_234_567_890_123]
        for _ in 0..<40_000 {
            // Differences and sums of figures as sources print them (a few decimals, any scale): the noise `clean` is for.
            let scale = pow(10, Double(Int.random(in: -3...12, using: &generator)))
            let a = Double(Int.random(in: -99_999...99_999, using: &generator)) / 1_000 * scale
            let b = Double(Int.random(in: -99_999...99_999, using: &generator)) / 1_000 * scale
            values += [a - b, a + b, a * 1.1]
            // And values with every digit significant.
            let magnitude = Double.random(in: -20...20, using: &generator)
            values.append((Bool.random(using: &generator) ? 1 : -1) * pow(10, magnitude) * Double.random(in: 1..<10, using: &generator))
        }
        for value in values {
            let cleaned = QuantityParser.clean(value), expected = Self.printfClean(value)
            #expect(cleaned == expected || cleaned.isNaN && expected.isNaN, "\(value): \(cleaned) vs \(expected)")
        }
    }
}
