/// Walking JSON objects and arrays.
extension JSONReader {
    /// Starts decoding a message object with the generated name table.
    public mutating func beginMessage(_ table: JSONFieldTable) throws(ProtoJSONError) -> JSONObjectCursor {
        try beginObject()
        defer { skipTypeKeyInNextObject = false }
        return JSONObjectCursor(table: table, skipsTypeKey: skipTypeKeyInNextObject)
    }

    /// The number of the next field in the object, or nil at its end. Unknown keys are
    /// skipped or rejected (per `ignoreUnknownFields`); repeats and oneof conflicts are
    /// errors; a `null` oneof member counts as absent.
    public mutating func nextField(_ cursor: inout JSONObjectCursor) throws(ProtoJSONError) -> Int? {
        while let key = try nextKey(isFirst: &cursor.isFirst) {
            if cursor.skipsTypeKey && key == "@type" {
                cursor.skipsTypeKey = false
                try skipValue()
                continue
            }
            guard let index = cursor.table.indexByName[key] else {
                guard options.ignoreUnknownFields else {
                    throw ProtoJSONError(.unknownField, "unknown field \"\(key)\"")
                }
                try skipValue()
                continue
            }
            guard cursor.markSeen(index) else {
                throw ProtoJSONError(.duplicateField, "field \"\(key)\" appears twice")
            }
            let field = cursor.table.fields[index]
            if let oneof = field.oneof {
                if !field.nullIsValue, try consumeNull() { continue }
                guard cursor.oneofsSeen.insert(oneof).inserted else {
                    throw ProtoJSONError(.oneofConflict, "field \"\(key)\" sets a oneof that is already set")
                }
            }
            return field.number
        }
        return nil
    }

    /// Reads `"key":` (with the comma before it), or nil at the closing brace. The
    /// opening brace must already be consumed.
    public mutating func nextKey(isFirst: inout Bool) throws(ProtoJSONError) -> String? {
        if peek() == UInt8(ascii: "}") {
            position += 1
            return nil
        }
        if !isFirst { try expect(UInt8(ascii: ",")) }
        isFirst = false
        guard peek() == UInt8(ascii: "\"") else { throw .malformed("expected an object key", at: position) }
        let key = try readStringToken()
        try expect(UInt8(ascii: ":"))
        return key
    }

    /// Iterates a JSON array: call after `[` was consumed; true while elements remain.
    public mutating func nextElement(isFirst: inout Bool) throws(ProtoJSONError) -> Bool {
        if peek() == UInt8(ascii: "]") {
            position += 1
            return false
        }
        if !isFirst { try expect(UInt8(ascii: ",")) }
        isFirst = false
        return true
    }

    /// Consumes `[` (call `nextElement` afterwards).
    public mutating func beginArray() throws(ProtoJSONError) {
        guard peek() == UInt8(ascii: "[") else { throw .invalid("expected an array at offset \(position)") }
        position += 1
    }

    /// Consumes `{` (call `nextKey` afterwards).
    public mutating func beginObject() throws(ProtoJSONError) {
        guard peek() == UInt8(ascii: "{") else { throw .invalid("expected an object at offset \(position)") }
        position += 1
    }

    /// Skips any JSON value, checking its syntax; nesting counts against the limit.
    public mutating func skipValue() throws(ProtoJSONError) {
        switch peek() {
        case UInt8(ascii: "{"):
            try enterNesting()
            position += 1
            var isFirst = true
            while try nextKey(isFirst: &isFirst) != nil { try skipValue() }
            leaveNesting()
        case UInt8(ascii: "["):
            try enterNesting()
            position += 1
            var isFirst = true
            while try nextElement(isFirst: &isFirst) { try skipValue() }
            leaveNesting()
        case UInt8(ascii: "\""): _ = try readStringToken()
        case UInt8(ascii: "t"): try expectLiteral("true")
        case UInt8(ascii: "f"): try expectLiteral("false")
        case UInt8(ascii: "n"): try expectLiteral("null")
        case .some: _ = try readNumberToken()
        case nil: throw .malformed("unexpected end of input", at: position)
        }
    }
}
