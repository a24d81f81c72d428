import Foundation

/// Hands the C allocator's free pages back to the system.
enum FreedMemory {
    /// Between stages of a large build: what reading and relating freed lies in pages scattered among the corpus's
    /// values, which glibc keeps until asked (`malloc_trim`). Looked up by name, as glibc's own; nothing is done without it.
    static func returnToSystem() {
        #if os(Linux)
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }

    /// Lets go of `value` on a background thread: a watcher's last corpus, replaced, holds tens of thousands of values
    /// whose release took a twentieth of an update.
    static func releaseInBackground<Value: Sendable>(_ value: consuming Value) {
        let box = Box(value)
        releases.async { box.value = nil }
    }

    private static let releases = DispatchQueue(label: "crosscheck.freed-memory.releases")

    private final class Box<Value: Sendable>: @unchecked Sendable {
        var value: Value?
        init(_ value: consuming Value) { self.value = value }
    }
}
