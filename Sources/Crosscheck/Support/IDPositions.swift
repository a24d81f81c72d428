/// Ids to positions, for lookups by the hundred thousand: the claims each relation names, the relations of one corpus
/// found among another's.
///
/// An id of the usual shape (a lower-case letter and `Hashing.idDigits` lower-case hex digits) is stored as the number
/// it spells, its letter in the top byte, so that finding it hashes no string: at 1,000 documents a watcher's report
/// looked claims up 280,000 times per update through a `[String: Int]`, a tenth of an update's time. Ids of any other
/// shape are kept in a dictionary beside.
struct IDPositions: Sendable {
    /// Open addressing, probed in turn from a multiplicative hash of the key; a key of 0 marks an empty slot (no id's
    /// key is 0: the top byte holds a letter). A key and its position share a slot, so a lookup reads one cache line.
    private struct Slot {
        var key: UInt64 = 0
        var position: Int32 = 0
    }
    private var slots: [Slot]
    private let shift: UInt64
    private var others: [String: Int] = [:]
    private(set) var count = 0

    /// A table with room for `capacity` ids before it grows.
    init(capacity: Int) {
        var bits: UInt64 = 4
        while 1 << bits < 2 * capacity { bits += 1 }
        slots = [Slot](repeating: Slot(), count: 1 << bits)
        shift = 64 - bits
    }

    /// The position kept for `id`, if any.
    subscript(id: String) -> Int? {
        guard let key = Self.key(id) else { return others[id] }
        return slots.withUnsafeBufferPointer { slots in
            var slot = slot(of: key)
            while true {
                let found = slots[slot].key
                if found == key { return Int(slots[slot].position) }
                if found == 0 { return nil }
                slot = (slot + 1) & (slots.count - 1)
            }
        }
    }

    /// Keeps `position` for `id`, in place of any position it had.
    mutating func set(_ position: Int, for id: String) {
        _ = store(position, for: id, replacing: true)
    }

    /// Keeps `position` for `id` unless it has one already; true when it is kept.
    @discardableResult
    mutating func setIfAbsent(_ position: Int, for id: String) -> Bool {
        store(position, for: id, replacing: false)
    }

    private mutating func store(_ position: Int, for id: String, replacing: Bool) -> Bool {
        precondition(position >= 0 && position <= Int(Int32.max), "positions are kept in 32 bits")
        guard let key = Self.key(id) else {
            if !replacing, others[id] != nil { return false }
            if others.updateValue(position, forKey: id) == nil { count += 1 }
            return true
        }
        if 2 * (count + 1) > slots.count { grow() }
        var slot = slot(of: key)
        while slots[slot].key != 0 && slots[slot].key != key { slot = (slot + 1) & (slots.count - 1) }
        if slots[slot].key == key {
            if replacing { slots[slot].position = Int32(position) }
            return replacing
        }
        slots[slot] = Slot(key: key, position: Int32(position))
        count += 1
        return true
    }

    private mutating func grow() {
        var larger = IDPositions(capacity: slots.count)
        larger.others = others
        for slot in slots where slot.key != 0 {
            var target = larger.slot(of: slot.key)
            while larger.slots[target].key != 0 { target = (target + 1) & (larger.slots.count - 1) }
            larger.slots[target] = slot
        }
        larger.count = count
        self = larger
    }

    private func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The number an id of the usual shape stands for, its letter in the top byte; nil for any other id.
    static func key(_ id: String) -> UInt64? {
        // Read where the string holds its bytes (on the stack for a short one): no iterator per byte.
        if let key = id.utf8.withContiguousStorageIfAvailable(key(utf8:)) { return key }
        return Array(id.utf8).withUnsafeBufferPointer(key(utf8:))
    }

    private static func key(utf8: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard utf8.count == 1 + Hashing.idDigits, utf8[0] >= UInt8(ascii: "a"), utf8[0] <= UInt8(ascii: "z") else { return nil }
        var value: UInt64 = 0
        for byte in utf8.dropFirst() {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return UInt64(utf8[0]) << 56 | value
    }
}
