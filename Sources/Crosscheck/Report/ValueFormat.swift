/// Numbers written for people: 28700000000 → "28.7 billion", 129425 → "129,425".
public enum ValueFormat {
    static func number(_ value: Double) -> String {
        let magnitude = abs(value)
        for (factor, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] where magnitude >= factor {
            return plain(value / factor) + " " + word
        }
        return plain(value)
    }

    /// A number in full, thousands grouped, at most three decimals: 28700000000 → "28,700,000,000"; 4.25 → "4.25".
    public static func plain(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        if value == value.rounded() && abs(value) < 1e15 {
            let digits = String(Int64(value).magnitude)
            var grouped = ""
            for (index, character) in digits.enumerated() {
                if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
                grouped.append(character)
            }
            return (value < 0 ? "-" : "") + grouped
        }
        var text = fixed(value, decimals: 3)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
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

    /// `value` with exactly `decimals` decimals, as `String(format: "%.Nf")` writes it, without its cost (the
    /// relation engine writes hundreds of thousands of these). Near a half of the last decimal only printf itself
    /// rounds the exact binary value the same way, so it is asked there.
    /// With `signed`, a positive value gets a "+" ("%+.Nf").
    static func fixed(_ value: Double, decimals: Int, signed: Bool = false) -> String {
        guard (0...4).contains(decimals) else { return String(format: signed ? "%+.\(decimals)f" : "%.\(decimals)f", value) }
        let scale = [1.0, 10, 100, 1000, 10000][decimals]
        let scaled = abs(value) * scale
        guard value.isFinite, scaled < 1e15, abs(scaled - scaled.rounded(.down) - 0.5) > 1e-6 else {
            return String(format: signed ? "%+.\(decimals)f" : "%.\(decimals)f", value)
        }
        let units = Int64(scaled.rounded())
        var text = (value.sign == .minus ? "-" : signed ? "+" : "") + String(units / Int64(scale))
        if decimals > 0 {
            let fraction = String(units % Int64(scale))
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }
}
