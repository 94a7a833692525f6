/// The registry's `messages` and `enums`: every message of the generated files with its
/// Swift type and fields, and every enum's value names — what lets a generic client (the
/// admin shell) read and write any method's request and response as JSON by name,
/// describe its fields and complete them.
///
/// ```swift
/// public static let messages: [String: ProtoWireGRPC.ProtoMessageDescription] = [
///     "portico.v1.Money": ProtoWireGRPC.ProtoMessageDescription(
///         messageType: Portico_V1_Money.self,
///         fields: [
///             ProtoWireGRPC.ProtoFieldDescription(name: "amount_minor", jsonName: "amountMinor", number: 1, type: "int64"),
///         ]
///     ),
/// ]
/// ```
struct MessageTableGenerator {
    /// The files whose code this compilation generates.
    let generated: [FileDescriptor]
    let types: SwiftTypeTable
    let visibility: String

    func generate(_ printer: inout CodePrinter) throws(SwiftEmitterError) {
        try printMessages(&printer)
        printer.print()
        printEnums(&printer)
    }

    private func printMessages(_ printer: inout CodePrinter) throws(SwiftEmitterError) {
        printer.print("/// Every message of the generated files by full name: its Swift type and fields.")
        let names = messageNames()
        let declaration = "\(visibility)static let messages: [String: ProtoWireGRPC.ProtoMessageDescription] = ["
        guard !names.isEmpty else {
            printer.print(declaration + ":]")
            return
        }
        try printer.block(declaration, closing: "]") { printer throws(SwiftEmitterError) in
            for name in names {
                let entry = try types.message("." + name)
                printer.block("\(SwiftLiteral.string(name)): ProtoWireGRPC.ProtoMessageDescription(", closing: "),") { printer in
                    printer.print("messageType: \(entry.swiftName).self,")
                    let fields = entry.descriptor.fields
                    guard !fields.isEmpty else {
                        printer.print("fields: []")
                        return
                    }
                    printer.block("fields: [", closing: "]") { printer in
                        for field in fields { printer.print(fieldLiteral(field) + ",") }
                    }
                }
            }
        }
    }

    private func printEnums(_ printer: inout CodePrinter) {
        printer.print("/// Every enum of the generated files by full name: its value names in declaration order.")
        let enums = enumDescriptors()
        let declaration = "\(visibility)static let enums: [String: [String]] = ["
        guard !enums.isEmpty else {
            printer.print(declaration + ":]")
            return
        }
        printer.block(declaration, closing: "]") { printer in
            for (name, descriptor) in enums {
                let values = descriptor.values.map { SwiftLiteral.string($0.name) }.joined(separator: ", ")
                printer.print("\(SwiftLiteral.string(name)): [\(values)],")
            }
        }
    }

    /// One `ProtoFieldDescription(…)`, arguments at their defaults left out.
    private func fieldLiteral(_ field: FieldDescriptor) -> String {
        let jsonName = field.jsonName ?? SwiftNaming.protoJSONName(field.name)
        var arguments = [
            "name: \(SwiftLiteral.string(field.name))", "jsonName: \(SwiftLiteral.string(jsonName))",
            "number: \(field.number)",
        ]
        if let entry = mapEntry(field), entry.fields.count == 2 {
            arguments += typeArguments(entry.fields[1])
            arguments.append("keyType: \(SwiftLiteral.string(Self.typeText(entry.fields[0])))")
        } else {
            arguments += typeArguments(field)
            if field.label == .repeated { arguments.append("isRepeated: true") }
        }
        return "ProtoWireGRPC.ProtoFieldDescription(\(arguments.joined(separator: ", ")))"
    }

    private func typeArguments(_ field: FieldDescriptor) -> [String] {
        let type = "type: \(SwiftLiteral.string(Self.typeText(field)))"
        switch field.type {
        case .message, .group: return [type, "kind: .message"]
        case .enum: return [type, "kind: .enum"]
        default: return [type]
        }
    }

    /// A scalar's keyword, or a message's or enum's full name without the leading dot.
    static func typeText(_ field: FieldDescriptor) -> String {
        switch field.type {
        case .message, .group, .enum: String((field.typeName ?? "").dropFirst())
        // The case names are the proto keywords (`int64`, `sfixed32`, …).
        default: String(describing: field.type)
        }
    }

    private func mapEntry(_ field: FieldDescriptor) -> MessageDescriptor? {
        guard field.label == .repeated, field.type == .message, let typeName = field.typeName,
            let entry = types.messages[typeName], entry.descriptor.isMapEntry
        else { return nil }
        return entry.descriptor
    }

    /// Full names (no leading dot) of every message, nested ones included, sorted.
    private func messageNames() -> [String] {
        var names: [String] = []
        for file in generated {
            let package = file.package ?? ""
            var pending = file.messageTypes.map { ((package.isEmpty ? "" : package + ".") + $0.name, $0) }
            while let (name, message) = pending.popLast() {
                if message.isMapEntry { continue }
                names.append(name)
                pending += message.nestedTypes.map { (name + "." + $0.name, $0) }
            }
        }
        return names.sorted()
    }

    private func enumDescriptors() -> [(String, EnumDescriptor)] {
        var enums: [(String, EnumDescriptor)] = []
        for file in generated {
            let package = file.package ?? ""
            enums += file.enumTypes.map { ((package.isEmpty ? "" : package + ".") + $0.name, $0) }
            var pending = file.messageTypes.map { ((package.isEmpty ? "" : package + ".") + $0.name, $0) }
            while let (name, message) = pending.popLast() {
                enums += message.enumTypes.map { (name + "." + $0.name, $0) }
                pending += message.nestedTypes.map { (name + "." + $0.name, $0) }
            }
        }
        return enums.sorted { $0.0 < $1.0 }
    }
}
