/// A registry table from each method to the value of one custom method option
/// (`--swift_opt=MethodOptionTable=portico.v1.access`):
///
/// ```swift
/// public static let access: [GRPCCore.MethodDescriptor: Portico_V1_AccessRule] = [
///     Portico_V1_Auth.Method.Login.descriptor: .with {
///         $0.public = true
///     },
/// ]
/// ```
///
/// Named after the extension; methods without the option are not in it. Values are
/// Swift literals of the decoded option, so reading the table never fails.
struct MethodOptionTable {
    let extensionField: FieldDescriptor
    /// The Swift type of one value (`Portico_V1_AccessRule`, `[Int32]`, …).
    let valueType: String
    /// The proto file declaring the value's message or enum type, if it has one.
    let valueFile: String?
    /// (method descriptor expression, value expression) in service and method order.
    let entries: [(key: String, value: String)]

    init(
        extensionName: String, files: [FileDescriptor], services: [ServiceModel], types: SwiftTypeTable
    ) throws(SwiftEmitterError) {
        guard let field = ExtensionByName.find(extensionName, in: files) else {
            throw SwiftEmitterError("swift_opt MethodOptionTable: no extension named \(extensionName) in the compiled files or their imports")
        }
        guard field.extendee == ".google.protobuf.MethodOptions" else {
            throw SwiftEmitterError("swift_opt MethodOptionTable: \(extensionName) does not extend google.protobuf.MethodOptions")
        }
        extensionField = field
        let element = try Self.swiftType(of: field, types: types)
        valueType = field.label == FieldDescriptor.Label.repeated ? "[\(element.name)]" : element.name
        valueFile = element.file
        let literal = MessageLiteral(types: types)
        var entries: [(key: String, value: String)] = []
        for service in services {
            for method in service.methods {
                let values = try Self.values(of: field.number, in: method.descriptor.options)
                guard !values.isEmpty else { continue }
                entries.append((
                    key: "\(service.namespace).Method.\(method.typeName).descriptor",
                    value: try literal.extensionValue(field, values)
                ))
            }
        }
        self.entries = entries
    }

    /// Prints the table as a static property named after the extension (lowerCamel,
    /// with `_` appended while the name is taken).
    func print(visibility: String, taken: inout Set<String>, _ printer: inout CodePrinter) throws(SwiftEmitterError) {
        var name = SwiftNaming.unquoted(SwiftNaming.quotedServiceMember(SwiftNaming.lowerCamelCase(extensionField.name)))
        while taken.contains(name) { name += "_" }
        taken.insert(name)
        let extensionName = String(extensionField.fullName.dropFirst())
        printer.print("/// The `(\(extensionName))` option of every method that sets it.")
        let declaration = "\(visibility)static let \(SwiftNaming.quotedIfKeyword(name)): [GRPCCore.MethodDescriptor: \(valueType)] = ["
        guard !entries.isEmpty else {
            printer.print(declaration + ":]")
            return
        }
        printer.block(declaration, closing: "]") { printer in
            for entry in entries {
                printer.print("\(entry.key): \(entry.value),")
            }
        }
    }

    /// Every occurrence of the option's field in encoded `MethodOptions`.
    private static func values(of number: Int32, in options: [UInt8]?) throws(SwiftEmitterError) -> [WireValue] {
        guard let options else { return [] }
        return try MessageLiteral.fields(of: options, in: "google.protobuf.MethodOptions")
            .filter { $0.number == number }.map(\.value)
    }

    private static func swiftType(
        of field: FieldDescriptor, types: SwiftTypeTable
    ) throws(SwiftEmitterError) -> (name: String, file: String?) {
        switch field.type {
        case .message, .group:
            let entry = try types.message(field.typeName ?? "")
            return (entry.swiftName, entry.fileName)
        case .enum:
            let entry = try types.enumType(field.typeName ?? "")
            return (entry.swiftName, entry.fileName)
        case .double: return ("Double", nil)
        case .float: return ("Float", nil)
        case .int64, .sint64, .sfixed64: return ("Int64", nil)
        case .uint64, .fixed64: return ("UInt64", nil)
        case .int32, .sint32, .sfixed32: return ("Int32", nil)
        case .uint32, .fixed32: return ("UInt32", nil)
        case .bool: return ("Bool", nil)
        case .string: return ("String", nil)
        case .bytes: return ("[UInt8]", nil)
        }
    }
}
