/// Builds proto3 JSON as UTF-8 bytes, compact or pretty-printed.
///
/// The writer tracks commas and indentation itself: callers open containers, write
/// keys and values, and close containers.
public struct JSONWriter {
    @usableFromInline
    var output: [UInt8] = []

    /// The JSON produced so far.
    public var bytes: [UInt8] { output }
    public let options: JSONEncodingOptions
    /// True once the current container holds a member (the next one needs a comma).
    @usableFromInline
    var needsComma = false
    /// True right after a key: the value that follows needs no separator.
    @usableFromInline
    var afterKey = false
    @usableFromInline
    var indentLevel = 0
    /// Levels at which an object's braces are suppressed so its members join the
    /// enclosing object (an `Any` payload next to `"@type"`).
    @usableFromInline
    var inlinedObjectLevels: [Int] = []
    @usableFromInline
    var inlinesNextObject = false

    public init(options: JSONEncodingOptions = .init()) {
        self.options = options
        output.reserveCapacity(256)
    }

    @inlinable
    mutating func append(_ byte: UInt8) { output.append(byte) }

    @inlinable
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { output.append(contentsOf: $0) }
    }

    /// Writes the separator a new value or key needs in the current container.
    @usableFromInline
    mutating func beginValue() {
        if afterKey {
            afterKey = false
            return
        }
        if needsComma { append(UInt8(ascii: ",")) }
        if options.prettyPrint && indentLevel > 0 { newline() }
    }

    @usableFromInline
    mutating func newline() {
        append(UInt8(ascii: "\n"))
        for _ in 0..<indentLevel { append("  ") }
    }

    public mutating func beginObject() {
        if inlinesNextObject {
            inlinesNextObject = false
            inlinedObjectLevels.append(indentLevel)
            return
        }
        beginContainer(UInt8(ascii: "{"))
    }

    public mutating func endObject() {
        if inlinedObjectLevels.last == indentLevel {
            inlinedObjectLevels.removeLast()
            return
        }
        endContainer(UInt8(ascii: "}"))
    }

    /// Makes the next `beginObject()`/`endObject()` pair write no braces, so the
    /// object's members continue the current object.
    public mutating func inlineNextObject() { inlinesNextObject = true }
    public mutating func beginArray() { beginContainer(UInt8(ascii: "[")) }
    public mutating func endArray() { endContainer(UInt8(ascii: "]")) }

    @usableFromInline
    mutating func beginContainer(_ open: UInt8) {
        beginValue()
        append(open)
        indentLevel += 1
        needsComma = false
    }

    @usableFromInline
    mutating func endContainer(_ close: UInt8) {
        indentLevel -= 1
        if options.prettyPrint && needsComma { newline() }
        append(close)
        needsComma = true
    }

    /// Writes an object key; the next value written belongs to it.
    public mutating func writeKey(_ key: String) {
        beginValue()
        appendQuoted(key)
        if options.prettyPrint { append(": ") } else { append(UInt8(ascii: ":")) }
        afterKey = true
    }

    /// Writes an already-encoded JSON value verbatim (used to splice `Any` members).
    public mutating func writeRawValue(_ json: [UInt8]) {
        beginValue()
        output.append(contentsOf: json)
        needsComma = true
    }
}
