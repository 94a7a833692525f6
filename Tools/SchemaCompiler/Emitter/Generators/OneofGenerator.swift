/// Generates a oneof: the optional property holding the selected case, the nested
/// `OneOf_X` enum, a computed accessor per member, and the members' pass lines.
struct OneofGenerator {
    let oneof: MessageModel.Oneof
    let message: MessageModel
    let context: EmitterContext

    private var visibility: String { context.visibility }
    private var property: String { oneof.names.property }
    private var enumType: String { oneof.names.enumType }
    /// The stored case as the passes reach it.
    private var stored: String { message.storedValue(oneof) }

    // MARK: Declarations

    func printProperty(_ printer: inout CodePrinter) {
        printer.print(contentsOf: DocComment.lines(oneof.descriptor.comments))
        let declaration = "\(visibility)var \(property): \(enumType)?"
        guard message.usesStorage else {
            printer.print("\(declaration) = nil")
            return
        }
        let storageName = MessageModel.storageName(oneof)
        printer.block("\(declaration) {") { printer in
            printer.print("get { _storage.\(storageName) }")
            printer.print("set { _uniqueStorage().\(storageName) = newValue }")
        }
    }

    /// The member's accessor: its value when selected, else its default; setting it
    /// selects it.
    func printAccessor(_ member: FieldModel, _ printer: inout CodePrinter) {
        // A note, not the attribute: decoding a message member reads this accessor.
        let deprecation = DocComment.note("field", if: member.descriptor.isDeprecated)
        printer.print(contentsOf: DocComment.lines(member.descriptor.comments, deprecation: deprecation))
        let caseName = SwiftNaming.unquoted(member.names.property)
        printer.block("\(visibility)var \(member.names.property): \(member.value.swiftType) {") { printer in
            let stored = MessageModel.reference(oneof: property)
            printer.print("get { if case .\(caseName)(let value)? = \(stored) { value } else { \(member.value.defaultValue) } }")
            printer.print("set { \(stored) = .\(caseName)(newValue) }")
        }
    }

    func printEnum(_ printer: inout CodePrinter) {
        printer.block("\(visibility)enum \(enumType): Sendable, Hashable {") { printer in
            for member in oneof.members {
                printer.print("case \(member.names.property)(\(member.value.swiftType))")
            }
        }
    }

    /// The `_Storage` variable holding the case.
    var storageClassDeclaration: String {
        "var \(MessageModel.storageName(oneof)): \(enumType)? = nil"
    }

    // MARK: Passes

    func sizeLine(_ member: FieldModel) -> String {
        "\(matchCase(member)) { size += sizes.sizeOfOptional(value, field: \(member.number), as: \(member.value.kind).self) }"
    }

    func encodeLine(_ member: FieldModel) -> String {
        "\(matchCase(member)) { writer.writeOptional(value, field: \(member.number), as: \(member.value.kind).self) }"
    }

    /// Scalars replace the case; a message merges into the current value (a message
    /// seen twice on the wire merges, even across the oneof's cases).
    func decodeLines(_ member: FieldModel) -> [String] {
        let caseName = SwiftNaming.unquoted(member.names.property)
        let kind = "\(member.value.kind).self"
        guard member.descriptor.type == .message else {
            return ["case \(member.number): \(stored) = .\(caseName)(try reader.read(tag, as: \(kind)))"]
        }
        return [
            "case \(member.number):",
            "    var value = self.\(caseName)",
            "    try reader.read(tag, into: &value, as: \(kind))",
            "    \(stored) = .\(caseName)(value)",
        ]
    }

    func jsonEncodeLine(_ member: FieldModel) -> String {
        let names = "json: \(SwiftLiteral.string(member.jsonName)), proto: \(SwiftLiteral.string(member.protoName))"
        return "\(matchCase(member)) { try writer.writeOptional(value, \(names), as: \(member.value.kind).self) }"
    }

    func jsonDecodeLine(_ member: FieldModel) -> String {
        let caseName = SwiftNaming.unquoted(member.names.property)
        return "case \(member.number): try reader.readOneof(into: &\(stored), as: \(member.value.kind).self, \(enumType).\(caseName))"
    }

    private func matchCase(_ member: FieldModel) -> String {
        "if case .\(SwiftNaming.unquoted(member.names.property))(let value)? = \(stored)"
    }
}
