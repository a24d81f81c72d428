import Foundation

/// How the process asks the C allocator to manage memory.
enum MemoryTuning {
    /// Blocks over 256 KB (the arrays of claims, facts, pairs and relations) are mapped on their own and go back to the
    /// system as soon as they are freed. By default glibc raises that threshold to the largest block freed so far (up
    /// to 32 MB), after which such arrays are carved from the heap, whose freed middle is never given back.
    ///
    /// `mallopt` is glibc's and not in the Swift overlay; it is looked up by name, and nothing is done where it is missing.
    static func returnLargeBlocksWhenFreed() {
        #if os(Linux)
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        let mmapThreshold: Int32 = -3 // M_MMAP_THRESHOLD in <malloc.h>
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: MallOpt.self)(mmapThreshold, 256 * 1024)
        #endif
    }
}
