import ProtoWire

/// Well-known types within the ranges their JSON forms allow.
extension InteropRandom {
    static let timestampSeconds: ClosedRange<Int64> = -62_135_596_800...253_402_300_799
    static let durationSeconds: ClosedRange<Int64> = -315_576_000_000...315_576_000_000

    mutating func setWellKnownTypes(of message: inout AllFields) {
        if include(depth: 0) { message.timestamp = timestamp() }
        if include(depth: 0) { message.duration = duration() }
        if include(depth: 0) { message.doubleValue.value = bool() ? 0 : double() }
        if include(depth: 0) { message.floatValue.value = bool() ? 0 : float() }
        if include(depth: 0) { message.int64Value.value = bool() ? 0 : integer() }
        if include(depth: 0) { message.uint64Value.value = bool() ? 0 : integer() }
        if include(depth: 0) { message.int32Value.value = bool() ? 0 : integer() }
        if include(depth: 0) { message.uint32Value.value = bool() ? 0 : integer() }
        if include(depth: 0) { message.boolValue.value = bool() }
        if include(depth: 0) { message.stringValue.value = string() }
        if include(depth: 0) { message.bytesValue.value = bytes() }
        if include(depth: 0) { message.structValue = structValue(depth: 1) }
        if include(depth: 0) { message.value = value(depth: 1) }
        if include(depth: 0) { message.listValue = listValue(depth: 1) }
        if include(depth: 0) { message.fieldMask = fieldMask() }
        if include(depth: 0) { message.empty = Google_Protobuf_Empty() }
        if include(depth: 0) { message.timestamps = array(large: false) { $0.timestamp() } }
        if include(depth: 0) { message.values = array(large: false) { $0.value(depth: 1) } }
        if include(depth: 0) {
            message.int64Values = array(large: false) { random in
                var wrapper = Google_Protobuf_Int64Value()
                wrapper.value = random.integer()
                return wrapper
            }
        }
    }

    mutating func timestamp() -> Google_Protobuf_Timestamp {
        var timestamp = Google_Protobuf_Timestamp()
        timestamp.seconds = Int64.random(in: Self.timestampSeconds, using: &generator)
        timestamp.nanos = nanos()
        return timestamp
    }

    /// Seconds and nanos share their sign, as the JSON form requires.
    mutating func duration() -> Google_Protobuf_Duration {
        var duration = Google_Protobuf_Duration()
        duration.seconds = chance(0.2) ? 0 : Int64.random(in: Self.durationSeconds, using: &generator)
        let nanos = nanos()
        duration.nanos = duration.seconds < 0 || (duration.seconds == 0 && bool()) ? -nanos : nanos
        return duration
    }

    /// JSON writes 0, 3, 6 or 9 fractional digits: each gets its share.
    private mutating func nanos() -> Int32 {
        let unit: Int32 = pick([0, 1_000_000, 1_000, 1])
        guard unit > 0 else { return 0 }
        return Int32.random(in: 0..<(1_000_000_000 / unit), using: &generator) * unit
    }

    mutating func value(depth: Int) -> Google_Protobuf_Value {
        var value = Google_Protobuf_Value()
        switch Int.random(in: 0..<(depth < 3 ? 6 : 4), using: &generator) {
        case 0: value.nullValue = Google_Protobuf_NullValue(rawValue: 0)
        case 1:  // JSON has no NaN or infinity for a Value
            let number = double()
            value.numberValue = number.isFinite ? number : 0
        case 2: value.stringValue = string()
        case 3: value.boolValue = bool()
        case 4: value.structValue = structValue(depth: depth + 1)
        default: value.listValue = listValue(depth: depth + 1)
        }
        return value
    }

    mutating func structValue(depth: Int) -> Google_Protobuf_Struct {
        var result = Google_Protobuf_Struct()
        for _ in 0..<Int.random(in: 0...4, using: &generator) {
            result.fields[string()] = value(depth: depth)
        }
        return result
    }

    mutating func listValue(depth: Int) -> Google_Protobuf_ListValue {
        var list = Google_Protobuf_ListValue()
        list.values = (0..<Int.random(in: 0...4, using: &generator)).map { _ in value(depth: depth) }
        return list
    }

    /// Paths that survive the JSON form's lowerCamelCase: lower-case words joined by "_".
    mutating func fieldMask() -> Google_Protobuf_FieldMask {
        let words = ["id", "name", "display", "v2", "work", "order", "x"]
        var mask = Google_Protobuf_FieldMask()
        for _ in 0..<Int.random(in: 0...4, using: &generator) {
            let segments = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                (0..<Int.random(in: 1...3, using: &generator)).map { _ in pick(words) }
                    .joined(separator: "_")
            }
            mask.paths.append(segments.joined(separator: "."))
        }
        return mask
    }
}
