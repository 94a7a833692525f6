@testable import SchemaCompiler

/// How a compiled file is compared with protoc's: in full, or for the built-in
/// `google/protobuf/*` files only by their types (the corpus README: their options
/// may differ).
enum DescriptorComparison {
    static func isBuiltIn(_ name: String) -> Bool { name.hasPrefix("google/protobuf/") }

    /// The text compared for a file.
    static func comparableText(_ file: FileDescriptor) -> String {
        isBuiltIn(file.name) ? typesText(file) : file.debugText
    }

    /// Messages (fields: name, number, label, type, type name, oneof membership) and
    /// enum values, nothing else.
    static func typesText(_ file: FileDescriptor) -> String {
        var lines = ["file \(file.name)"]
        file.messageTypes.forEach { message(Self.scope(file), $0, into: &lines) }
        file.enumTypes.forEach { enumeration(Self.scope(file), $0, into: &lines) }
        return lines.joined(separator: "\n")
    }

    private static func scope(_ file: FileDescriptor) -> String {
        file.package.map { "." + $0 } ?? ""
    }

    private static func message(_ scope: String, _ message: MessageDescriptor, into lines: inout [String]) {
        let name = scope + "." + message.name
        lines.append("message \(name)")
        for field in message.fields {
            let oneof = field.oneofIndex.map { " oneof=\(message.oneofDecls[Int($0)].name)" } ?? ""
            lines.append(
                "  field \(field.name) = \(field.number) \(field.label) \(field.type) \(field.typeName ?? "")\(oneof)")
        }
        message.nestedTypes.forEach { Self.message(name, $0, into: &lines) }
        message.enumTypes.forEach { enumeration(name, $0, into: &lines) }
    }

    private static func enumeration(_ scope: String, _ enumType: EnumDescriptor, into lines: inout [String]) {
        lines.append("enum \(scope).\(enumType.name)")
        for value in enumType.values { lines.append("  \(value.name) = \(value.number)") }
    }
}
