/// Generates a file's message registry: one enum listing every message type the file
/// declares, nested ones included, so code can find a Swift type by its proto name
/// without a hand-written list (`ProtoTypeRegistry` for `Any`, tools that pick a type
/// by name). Map entries are left out: they have no Swift type.
///
/// ```swift
/// public enum Portico_V1_Common_ProtoFile {
///     public static let messageTypes: [any ProtoMessage.Type] = [
///         Portico_V1_Money.self,
///     ]
/// }
/// ```
struct FileRegistryGenerator {
    let file: FileDescriptor
    let context: EmitterContext

    /// The registry's Swift name (see `SwiftNaming.fileRegistryName`).
    var name: String {
        Self.name(for: file, options: context.options)
    }

    static func name(for file: FileDescriptor, options: SwiftEmitterOptions) -> String {
        SwiftNaming.fileRegistryName(protoPath: file.name, typePrefix: options.typePrefix ?? "")
    }

    /// Swift names of the file's messages in declaration order, each before its nested
    /// messages.
    func messageTypeNames() throws(SwiftEmitterError) -> [String] {
        let package = file.package ?? ""
        var names: [String] = []
        var pending = file.messageTypes.reversed().map { (package.isEmpty ? "." : ".\(package).") + $0.name }
        while let protoName = pending.popLast() {
            let entry = try context.types.message(protoName)
            names.append(entry.swiftName)
            let nested = entry.descriptor.nestedTypes.filter { !$0.isMapEntry }
            pending.append(contentsOf: nested.reversed().map { protoName + "." + $0.name })
        }
        return names
    }

    /// Prints nothing for a file without messages.
    func generate(_ printer: inout CodePrinter) throws(SwiftEmitterError) {
        let typeNames = try messageTypeNames()
        guard !typeNames.isEmpty else { return }
        let visibility = context.visibility
        printer.print()
        printer.print("/// Every message type of \(file.name), nested ones included.")
        printer.block("\(visibility)enum \(name) {") { printer in
            printer.block("\(visibility)static let messageTypes: [any ProtoMessage.Type] = [", closing: "]") { printer in
                for typeName in typeNames {
                    printer.print("\(typeName).self,")
                }
            }
        }
    }
}
