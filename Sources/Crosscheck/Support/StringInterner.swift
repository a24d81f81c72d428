import Foundation

/// Hands out one copy of each distinct string, from any thread: strings made by the hundred thousand that repeat
/// (the reasons of relations) then share their storage instead of each holding its own.
final class StringInterner: @unchecked Sendable {
    private var known: Set<String> = []
    private let lock = NSLock()

    /// The copy of `text` handed out first; `text` itself when it is the first (or small enough to need no storage).
    func intern(_ text: String) -> String {
        // Up to 15 UTF-8 bytes a string is held in place: nothing to share.
        guard text.utf8.count > 15 else { return text }
        lock.lock()
        defer { lock.unlock() }
        return known.insert(text).memberAfterInsert
    }
}
