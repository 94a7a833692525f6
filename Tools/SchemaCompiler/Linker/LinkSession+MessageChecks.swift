/// Checks on messages that protoc makes while building them (`BuildMessage`) and
/// after options are known (`ValidateMessageOptions`, `DetectMapConflicts`).
extension LinkSession {
    func checkMessage(_ message: MessageNode) {
        checkReservedAndExtensionRanges(message)
        checkReservedNames(message)
        checkRangeLimits(message)
        checkMapConflicts(message)
        for field in message.fields + message.extensions { checkFieldOptions(field) }
        if message.file.isProto3 { checkProto3(message) }
        message.nested.forEach(checkMessage)
        message.enums.forEach(checkEnum)
    }

    /// Fields inside extension or reserved ranges, and ranges overlapping each other.
    /// protoc reports the range-related errors without a position; they point at the
    /// offending field or the later range here.
    private func checkReservedAndExtensionRanges(_ message: MessageNode) {
        for field in message.fields where field.number > 0 {
            for range in message.extensionRanges where range.start <= field.number && field.number < range.end {
                error("Extension range \(range.start) to \(range.end - 1) includes field \"\(field.name.text)\" (\(field.number)).", at: field.numberLocation)
            }
            for range in message.reservedRanges where range.start <= field.number && field.number < range.end {
                error("Field \"\(field.name.text)\" uses reserved number \(field.number).", at: field.numberLocation)
            }
        }
        for (index, range) in message.extensionRanges.enumerated() {
            for reserved in message.reservedRanges where range.end > reserved.start && reserved.end > range.start {
                error("Extension range \(range.start) to \(range.end - 1) overlaps with reserved range \(reserved.start) to \(reserved.end - 1).", at: range.location)
            }
            for later in message.extensionRanges[(index + 1)...] where range.end > later.start && later.end > range.start {
                error("Extension range \(later.start) to \(later.end - 1) overlaps with already-defined range \(range.start) to \(range.end - 1).", at: later.location)
            }
        }
        for (index, range) in message.reservedRanges.enumerated() {
            for later in message.reservedRanges[(index + 1)...] where range.end > later.start && later.end > range.start {
                error("Reserved range \(later.start) to \(later.end - 1) overlaps with already-defined range \(range.start) to \(range.end - 1).", at: later.location)
            }
        }
    }

    private func checkReservedNames(_ message: MessageNode) {
        var reserved: Set<String> = []
        for name in message.reservedNames where !reserved.insert(name.text).inserted {
            error("Field name \"\(name.text)\" is reserved multiple times.", at: name.location)
        }
        for field in message.fields where reserved.contains(field.name.text) {
            error("Field name \"\(field.name.text)\" is reserved.", at: field.name.location)
        }
    }

    /// Explicit range ends above the largest field number (`max` never is).
    private func checkRangeLimits(_ message: MessageNode) {
        let isMessageSet = message.options.contains {
            $0.isStandard("message_set_wire_format") && $0.value == .identifier("true", isNegative: false)
        }
        let limit = isMessageSet ? Int64(Int32.max) : Int64(FieldNumbers.max)
        for range in message.extensionRanges where Int64(range.end) > limit + 1 {
            error("Extension numbers cannot be greater than \(limit).", at: range.location)
        }
        for range in message.reservedRanges where Int64(range.end) > limit + 1 {
            error("Reserved numbers cannot be greater than \(limit).", at: range.location)
        }
    }

    /// protoc's `DetectMapConflicts`: a generated map entry's name taken by another
    /// nested type, a field, an enum or a oneof.
    private func checkMapConflicts(_ message: MessageNode) {
        var seen: [String: MessageNode] = [:]
        for nested in message.nested {
            if let previous = seen[nested.name.text] {
                if previous.isMapEntry || nested.isMapEntry {
                    error("Expanded map entry type \(nested.name.text) conflicts with an existing nested message type.", at: message.name.location)
                    break
                }
            } else {
                seen[nested.name.text] = nested
            }
        }
        let others: [(String, String)] = message.fields.map { ($0.name.text, "field") }
            + message.enums.map { ($0.name.text, "enum type") }
            + message.oneofs.map { ($0.name, "oneof type") }
        for (name, kind) in others {
            if let entry = seen[name], entry.isMapEntry {
                error("Expanded map entry type \(entry.name.text) conflicts with an existing \(kind).", at: message.name.location)
            }
        }
    }
}
