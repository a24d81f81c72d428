/// Numbers written for people: 28700000000 → "28.7 billion", 129425 → "129,425".
public enum ValueFormat {
    static func number(_ value: Double) -> String {
        let magnitude = abs(value)
        for (factor, word) in scaleWords where magnitude >= factor {
            return plain(value / factor) + " " + word
        }
        return plain(value)
    }

    private static let scaleWords: [(factor: Double, word: String)] = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")]

    /// A number in full, thousands grouped, at most three decimals: 28700000000 → "28,700,000,000"; 4.25 → "4.25".
    public static func plain(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        if value == value.rounded() && abs(value) < 1e15 { return grouped(Int64(value)) }
        var text = fixed(value, decimals: 3)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// An integer with its thousands grouped: 1234567 → "1,234,567".
    static func grouped(_ value: Int64) -> String {
        // Written from the last digit back into a string of the exact length: explanations print figures by the million.
        var digitCount = 1
        var rest = value.magnitude / 10
        while rest > 0 { digitCount += 1; rest /= 10 }
        let length = (value < 0 ? 1 : 0) + digitCount + (digitCount - 1) / 3
        return String(unsafeUninitializedCapacity: length) { buffer in
            var (position, remaining, written) = (length, value.magnitude, 0)
            repeat {
                if written > 0 && written % 3 == 0 {
                    position -= 1
                    buffer[position] = UInt8(ascii: ",")
                }
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                written += 1
            } while remaining > 0
            if value < 0 { buffer[0] = UInt8(ascii: "-") }
            return length
        }
    }

    /// `value` with exactly `decimals` decimals, the same text as `String(format: "%.<decimals>f", value)`
    /// (which reports and explanations call for every figure, and which is slow), worked out in integers.
    /// printf rounds the exact binary value, halfway cases to even; the scaled value is rounded once, so its
    /// rounding error (exact, from a fused multiply-add) says on which side of a halfway point the exact value
    /// lies. Huge values and more than six decimals take printf's way. With `signed`, a positive value gets a "+"
    /// (`"%+.<decimals>f"`).
    static func fixed(_ value: Double, decimals: Int, signed: Bool = false) -> String {
        let scale = [1.0, 10, 100, 1_000, 10_000, 100_000, 1_000_000][min(max(decimals, 0), 6)]
        let scaled = abs(value) * scale
        guard decimals >= 0, decimals <= 6, scaled < 0x1p50 else {
            return String(format: signed ? "%+.\(decimals)f" : "%.\(decimals)f", value)
        }
        let whole = scaled.rounded(.down)
        let fraction = scaled - whole
        let roundsUp: Bool
        if fraction != 0.5 {
            roundsUp = fraction > 0.5
        } else {
            // Exactly what the product lost in rounding: positive means the exact value is past the halfway point.
            let lost = (-scaled).addingProduct(abs(value), scale)
            roundsUp = lost > 0 || (lost == 0 && whole.truncatingRemainder(dividingBy: 2) == 1)
        }
        let units = Int64(whole) + (roundsUp ? 1 : 0), divisor = Int64(scale)
        var out = value.sign == .minus ? "-" : signed ? "+" : ""
        out += String(units / divisor)
        guard decimals > 0 else { return out }
        let digits = String(units % divisor)
        out += "." + String(repeating: "0", count: decimals - digits.utf8.count) + digits
        return out
    }

    /// A value as the reports show it: "CAD 28.7 billion", "4.5 %", "rank 4 (trading partner)".
    static func describe(_ quantity: Quantity) -> String {
        switch quantity.kind {
        case .money: "\(quantity.currency ?? "?")\(quantity.currencyInferred == true ? " (assumed)" : "") \(number(quantity.value))"
        case .percent: "\(number(quantity.value)) %"
        case .rank: "rank \(number(quantity.value))\(quantity.unit.map { " (\($0))" } ?? "")"
        case .year: "year \(quantity.value == quantity.value.rounded() && abs(quantity.value) < 1e6 ? String(Int(quantity.value)) : plain(quantity.value))"
        case .date: "date \(quantity.date ?? quantity.text)"
        case .count, .measure: "\(number(quantity.value))\(quantity.unit.map { " \($0)" } ?? "")"
        }
    }

    /// A score or confidence in [0, 1] with two decimals, the same on every machine.
    static func score(_ value: Double) -> String { fixed(value, decimals: 2) }
}
