import ProtoWireGRPC

/// Which message's field names fit where a JSON request is being typed, following nested
/// objects, repeated messages and map values from the request type down: the completion
/// of `{"client": {"addr` offers the fields of `ClientFields`, not of the request.
///
/// A lenient scan, not a parser: what the user typed so far is unfinished JSON by nature.
enum JSONKeyPosition {
    /// What an open `{`, `[` or value belongs to.
    private enum Frame {
        /// An object of this message type (nil: one whose keys are not field names).
        case object(String?)
        /// A map's object: its keys are data; its values are of this message type.
        case map(String?)
        /// An array whose elements are of this message type.
        case array(String?)
    }

    /// The message type whose field names a key starting right after `json` may take, or
    /// nil when no key starts there (inside a string, after `:`, in a map, in an array)
    /// or the object is not a plain message (a well-known type has its own JSON).
    /// `json` runs from the request's opening `{` to just before the key's `"`.
    static func messageType(
        atEndOf json: Substring, root: String, messages: [String: ProtoMessageDescription]
    ) -> String? {
        var stack: [Frame] = []
        var expectingKey = false
        var key = ""
        var string: String?
        var escaped = false
        for character in json {
            if var text = string {
                if escaped {
                    escaped = false
                    text.append(character)
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    string = nil
                    if expectingKey { key = text; expectingKey = false }
                    continue
                } else {
                    text.append(character)
                }
                string = text
                continue
            }
            switch character {
            case "\"": string = ""
            case "{":
                stack.append(stack.isEmpty ? .object(root) : objectFrame(in: stack.last!, key: key, messages))
                expectingKey = true
            case "[":
                stack.append(arrayFrame(in: stack.last, key: key, messages))
                expectingKey = false
            case "}", "]":
                _ = stack.popLast()
                expectingKey = false
            case ",":
                if case .array = stack.last { expectingKey = false } else { expectingKey = true }
            case ":": expectingKey = false
            default: break
            }
        }
        guard string == nil, expectingKey, case .object(let type)? = stack.last else { return nil }
        return type
    }

    /// The frame a `{` opens as a value inside `parent` (after `key`, in an object).
    private static func objectFrame(in parent: Frame, key: String, _ messages: [String: ProtoMessageDescription]) -> Frame {
        switch parent {
        case .map(let valueType), .array(let valueType): return .object(valueType)
        case .object(let type):
            guard let field = field(key, of: type, messages) else { return .object(nil) }
            if field.isMap { return .map(plainMessage(field)) }
            return .object(field.isRepeated ? nil : plainMessage(field))
        }
    }

    /// The frame a `[` opens as a value inside `parent`.
    private static func arrayFrame(in parent: Frame?, key: String, _ messages: [String: ProtoMessageDescription]) -> Frame {
        guard case .object(let type)? = parent, let field = field(key, of: type, messages),
            field.isRepeated, !field.isMap
        else { return .array(nil) }
        return .array(plainMessage(field))
    }

    /// The field a key names (its JSON name or its proto name, as the JSON parser takes).
    private static func field(
        _ key: String, of type: String?, _ messages: [String: ProtoMessageDescription]
    ) -> ProtoFieldDescription? {
        type.flatMap { messages[$0] }?.field(named: key)
    }

    /// The field's message type when its JSON is an object of field names: not for
    /// scalars and enums, nor for well-known types (a Timestamp is a string, a Struct's
    /// keys are data).
    private static func plainMessage(_ field: ProtoFieldDescription) -> String? {
        field.kind == .message && !field.type.hasPrefix("google.protobuf.") ? field.type : nil
    }
}
