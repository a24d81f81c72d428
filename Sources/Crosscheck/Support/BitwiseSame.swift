import Foundation

/// Equality that first asks whether two values are the very same bits. A value copied from another (a watcher's
/// unchanged claims and relations, from one update to the next) holds the same references and numbers, and so is equal
/// without its fields being read; comparing the fields of tens of thousands of relations copied each one first (a
/// retain per field), most of a watcher's delta. Values whose bits differ are compared as values (so padding that
/// differs only costs the comparison; identical bits count as the same value, a NaN included).
enum BitwiseSame {
    @inline(__always)
    static func values<Value: Equatable>(_ a: UnsafePointer<Value>, _ b: UnsafePointer<Value>) -> Bool {
        memcmp(a, b, MemoryLayout<Value>.size) == 0 || a.pointee == b.pointee
    }
}
