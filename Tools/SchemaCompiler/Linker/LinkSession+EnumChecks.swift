/// Checks on enums: protoc's `BuildEnum` (reserved numbers and names,
/// `CheckEnumValueUniqueness`), `ValidateEnumOptions` (duplicate numbers) and proto3's zero first value.
extension LinkSession {
    func checkEnum(_ enumNode: EnumNode) {
        checkReserved(enumNode)
        checkStrippedNames(enumNode)
        checkAliases(enumNode)
        if enumNode.file.isProto3, let first = enumNode.values.first, first.number != 0 {
            error("The first enum value must be zero in proto3.", at: first.declaration.number.location)
        }
    }

    private func checkReserved(_ enumNode: EnumNode) {
        let ranges = enumNode.reservedRanges
        for (index, range) in ranges.enumerated() {
            for later in ranges[(index + 1)...] where range.end >= later.start && later.end >= range.start {
                error("Reserved range \(later.start) to \(later.end) overlaps with already-defined range \(range.start) to \(range.end).", at: later.location)
            }
        }
        var names: Set<String> = []
        for name in enumNode.reservedNames where !names.insert(name.text).inserted {
            error("Enum value \"\(name.text)\" is reserved multiple times.", at: name.location)
        }
        for value in enumNode.values {
            for range in ranges where range.start <= value.number && value.number <= range.end {
                error("Enum value \"\(value.name)\" uses reserved number \(value.number).", at: value.declaration.number.location)
            }
            if names.contains(value.name) {
                error("Enum value \"\(value.name)\" is reserved.", at: value.declaration.name.location)
            }
        }
    }

    /// Values equal after dropping the enum-name prefix and case must share a number
    /// (a warning only in proto2).
    private func checkStrippedNames(_ enumNode: EnumNode) {
        var byStrippedName: [String: EnumValueNode] = [:]
        for value in enumNode.values {
            let stripped = Names.enumValuePascalCase(Names.strippingEnumPrefix(value.name, enumName: enumNode.name.text))
            guard let previous = byStrippedName[stripped] else {
                byStrippedName[stripped] = value
                continue
            }
            guard previous.name != value.name, previous.number != value.number else { continue }
            let message = "Enum name \(value.name) has the same name as \(previous.name) if you ignore case and strip out the enum name prefix (if any). This is error-prone and can lead to undefined behavior. Please avoid doing this. If you are using allow_alias, please assign the same numeric value to both enums."
            if enumNode.file.isProto3 {
                error(message, at: value.declaration.name.location)
            } else {
                warning(message, at: value.declaration.name.location)
            }
        }
    }

    private func checkAliases(_ enumNode: EnumNode) {
        // The parser rejects `allow_alias = false` and an `allow_alias` nothing uses.
        guard !enumNode.allowsAlias else { return }
        var firstByNumber: [Int32: EnumValueNode] = [:]
        for value in enumNode.values {
            if let previous = firstByNumber[value.number] {
                error("\"\(value.fullName)\" uses the same enum value as \"\(previous.fullName)\". If this is intended, set 'option allow_alias = true;' to the enum definition.", at: value.declaration.number.location)
            } else {
                firstByNumber[value.number] = value
            }
        }
    }
}
