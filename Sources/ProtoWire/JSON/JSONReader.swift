/// Reads proto3 JSON from UTF-8 bytes with a strict RFC 8259 scanner.
///
/// Like `BinaryReader`, it borrows memory that `ProtoMessage.init(jsonString:)` keeps
/// alive. Nesting of messages and of skipped values is limited by
/// `JSONDecodingOptions.recursionLimit`.
public struct JSONReader {
    @usableFromInline
    let bytes: UnsafeRawBufferPointer
    @usableFromInline
    var position = 0
    public let options: JSONDecodingOptions
    /// Messages and skipped containers currently open below the top-level message.
    @usableFromInline
    var depth = 0
    /// Set while decoding the fields of an `Any`'s payload: its `@type` key is skipped.
    @usableFromInline
    var skipTypeKeyInNextObject = false

    public init(bytes: UnsafeRawBufferPointer, options: JSONDecodingOptions = .init()) {
        self.bytes = bytes
        self.options = options
    }

    @inlinable
    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// The next non-whitespace byte, not consumed.
    @inlinable
    public mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < bytes.count ? bytes[position] : nil
    }

    @inlinable
    mutating func expect(_ byte: UInt8) throws(ProtoJSONError) {
        guard peek() == byte else {
            throw .malformed("expected '\(Character(Unicode.Scalar(byte)))'", at: position)
        }
        position += 1
    }

    /// True (and consumed) when the next value is `null`.
    @inlinable
    public mutating func consumeNull() throws(ProtoJSONError) -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        try expectLiteral("null")
        return true
    }

    @usableFromInline
    mutating func expectLiteral(_ literal: StaticString) throws(ProtoJSONError) {
        skipWhitespace()
        let count = literal.utf8CodeUnitCount
        guard bytes.count - position >= count,
              bytesEqual(bytes.baseAddress! + position, literal.utf8Start, count)
        else { throw .malformed("invalid literal", at: position) }
        position += count
    }

    /// Fails unless only whitespace is left.
    public mutating func expectEnd() throws(ProtoJSONError) {
        if peek() != nil { throw .malformed("unexpected data after the value", at: position) }
    }

    /// Enters a nested message (or Struct/ListValue container), enforcing the limit.
    @inlinable
    public mutating func enterNesting() throws(ProtoJSONError) {
        depth += 1
        guard depth <= options.recursionLimit else {
            throw ProtoJSONError(.recursionLimitExceeded, "JSON nests deeper than \(options.recursionLimit)")
        }
    }

    @inlinable
    public mutating func leaveNesting() { depth -= 1 }
}

/// Compares `count` bytes (the literals are tiny; no need for libc's `memcmp`).
@usableFromInline
func bytesEqual(_ lhs: UnsafeRawPointer, _ rhs: UnsafeRawPointer, _ count: Int) -> Bool {
    for index in 0..<count where lhs.load(fromByteOffset: index, as: UInt8.self) != rhs.load(fromByteOffset: index, as: UInt8.self) {
        return false
    }
    return true
}
