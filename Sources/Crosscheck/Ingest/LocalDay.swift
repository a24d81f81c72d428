import Foundation

/// The day a UTC time stamp falls on where a page's readers live. Sites store times in UTC
/// (`2021-11-04T23:00Z`); an article published at midnight in Berlin carries the previous day's date
/// in UTC, and the day its readers saw, the one a person cites, is the next one.
///
/// Only languages spoken in Central European Time are placed, by the EU's summer-time rule; a UTC time stamp
/// on a page in any other language keeps its UTC day (English, Spanish or Portuguese pages come from too many
/// zones to guess, and `en_US` is a default locale more often than a statement).
enum LocalDay {
    /// Languages of countries on Central European Time, and the regions that keep them there.
    static let centralEuropean: Set<String> = ["de", "fr", "it", "nl", "pl", "cs", "sk", "sl", "hr", "sr", "bs", "hu", "da", "sv", "nb", "nn", "no", "lb"]
    static let centralEuropeanRegions: Set<String> = ["de", "at", "ch", "li", "lu", "fr", "be", "it", "sm", "va", "nl", "pl", "cz", "sk", "si", "hr",
                                                      "rs", "ba", "me", "hu", "dk", "se", "no", "mc"]

    /// `match`, the date of the metadata `value`, moved to the local day when `value` is a UTC time stamp and `language`
    /// places its readers in Central Europe.
    static func adjusted(_ match: DateMatch, value: String, language: String?) -> DateMatch {
        guard let year = match.year, let month = match.month, let day = match.day, let offset = utcOffset(language: language, year: year, month: month, day: day),
              let (hour, minute) = utcTime(value)
        else { return match }
        guard hour * 60 + minute + offset * 60 >= 24 * 60 else { return match }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              let next = calendar.date(byAdding: .day, value: 1, to: date)
        else { return match }
        let parts = calendar.dateComponents([.year, .month, .day], from: next)
        var moved = match
        (moved.year, moved.month, moved.day) = (parts.year, parts.month, parts.day)
        return moved
    }

    /// Hours ahead of UTC on that day: 1, or 2 from the last Sunday of March to the last Sunday of October.
    static func utcOffset(language: String?, year: Int, month: Int, day: Int) -> Int? {
        guard let tag = language?.lowercased().replacingOccurrences(of: "_", with: "-") else { return nil }
        let parts = tag.split(separator: "-").map(String.init)
        guard let base = parts.first, centralEuropean.contains(base) else { return nil }
        if parts.count > 1, parts[1].count == 2, !centralEuropeanRegions.contains(parts[1]) { return nil }
        let summer = (month, day) >= (3, lastSunday(year: year, month: 3)) && (month, day) < (10, lastSunday(year: year, month: 10))
        return summer ? 2 : 1
    }

    /// The hour and minute of an ISO time stamp in UTC (`…T23:00Z`, `…T23:11:59+00:00`, `…T02:54:29.000Z`); nil otherwise.
    static func utcTime(_ value: String) -> (Int, Int)? {
        let scalars = Array(value.trimmingCharacters(in: .whitespaces).unicodeScalars)
        guard scalars.count >= 17, scalars[10] == "T" || scalars[10] == " ",
              let hour = Int(String(String.UnicodeScalarView(scalars[11..<13]))), scalars[13] == ":",
              let minute = Int(String(String.UnicodeScalarView(scalars[14..<16]))), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        let zone = String(String.UnicodeScalarView(scalars[16...]))
        let isUTC = zone.hasSuffix("Z") || zone.hasSuffix("+00:00") || zone.hasSuffix("+0000") || zone.hasSuffix("+00")
        return isUTC ? (hour, minute) : nil
    }

    private static func lastSunday(year: Int, month: Int) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let last = 31
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: last)) else { return last }
        let weekday = calendar.component(.weekday, from: date)  // 1 = Sunday
        return last - (weekday - 1)
    }
}
