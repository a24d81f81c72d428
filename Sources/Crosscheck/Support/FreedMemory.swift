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
}
