/// The sizes of nested length-delimited values, recorded by the size pass and replayed
/// by the encode pass.
///
/// Pass 1 (`protoComputeSize`) walks the message tree in pre-order: before it sizes a
/// nested message, map entry or packed run it reserves a slot, and fills the slot once
/// the nested size is known. Pass 2 (`protoEncode`) walks the same order and takes the
/// sizes back one by one, so every nested message is sized exactly once.
public struct SizeCache: Sendable {
    @usableFromInline
    var sizes: [Int] = []
    @usableFromInline
    var nextRead = 0

    @inlinable
    public init() {}

    /// Reserves the next slot and returns its index.
    @inlinable
    public mutating func reserve() -> Int {
        // One allocation covers typical messages instead of doubling from 1.
        if sizes.isEmpty { sizes.reserveCapacity(16) }
        sizes.append(0)
        return sizes.count &- 1
    }

    /// Stores the size computed for a slot obtained from `reserve()`.
    @inlinable
    public mutating func fill(_ slot: Int, with size: Int) {
        sizes[slot] = size
    }

    /// Returns the next recorded size, in the order slots were reserved.
    @inlinable
    public mutating func next() -> Int {
        let size = sizes[nextRead]
        nextRead &+= 1
        return size
    }
}
