/// Corpus-wide counts as the relation engine reads them: exact up to 15, then kept to four significant bits (16, 18,
/// 20, … 30, 32, 36, … 60, 64, 72, …), each count read as the smallest of its band, at most 12.5 % below it.
///
/// Word weights (IDF), "rare" and "uncommon" limits and the corpus size they are measured against are counts of the
/// whole corpus. Read exactly, one new page moved every word's weight and so the confidence of hundreds of relations
/// it had nothing to do with (a page of 30 claims added to 1,000 documents changed 438 of 47,900 relations). Read in
/// bands, a count moves the engine only when it crosses into the next band: a word's weight changes only for the
/// claims that use a word whose band changed, and the limits only when the corpus crosses a band of its size.
enum CountBand {
    /// The smallest count of `count`'s band (`count` itself up to 15); 0 and negative counts are themselves.
    static func floor(_ count: Int) -> Int {
        guard count >= 16 else { return count }
        let shift = (Int.bitWidth - count.leadingZeroBitCount) - 4
        return (count >> shift) << shift
    }
}
