/// The registry's `fileDescriptors`, `symbols` and `extensions`: every file of the
/// compilation (imports included) with its serialized descriptor, where each symbol is
/// declared, and every extension — what gRPC reflection answers from.
struct RegistryDescriptorsGenerator {
    /// Every file of the compilation, each after its dependencies.
    let files: [FileDescriptor]
    let visibility: String

    func generate(_ printer: inout CodePrinter) {
        printFileDescriptors(&printer)
        printer.print()
        printSymbols(&printer)
        printer.print()
        printExtensions(&printer)
    }

    private func printFileDescriptors(_ printer: inout CodePrinter) {
        printer.print("/// Every file of the compilation, imports included, each after its dependencies;")
        printer.print("/// the descriptors are the bytes `protoc --descriptor_set_out --include_imports` writes.")
        printer.block("\(visibility)static let fileDescriptors: [ProtoWireGRPC.ProtoFileDescription] = [", closing: "]") { printer in
            for file in files {
                printer.block("ProtoWireGRPC.ProtoFileDescription(", closing: "),") { printer in
                    printer.print("name: \(SwiftLiteral.string(file.name)),")
                    let dependencies = file.dependencies.map(SwiftLiteral.string).joined(separator: ", ")
                    printer.print("dependencies: [\(dependencies)],")
                    printer.print("base64Descriptor: \"\"\"")
                    printer.withIndentation { printer in
                        let lines = Base64Text.lines(file.serializedBytes(), width: 100)
                        for (index, line) in lines.enumerated() {
                            printer.print(index == lines.count - 1 ? line : line + "\\")
                        }
                        printer.print("\"\"\"")
                    }
                }
            }
        }
    }

    private func printSymbols(_ printer: inout CodePrinter) {
        printer.print("/// Full name → declaring file of every message, enum, service, method and extension.")
        var fileBySymbol: [String: String] = [:]
        for file in files {
            for symbol in Self.symbols(of: file) where fileBySymbol[symbol] == nil {
                fileBySymbol[symbol] = file.name
            }
        }
        let declaration = "\(visibility)static let symbols: [String: String] = ["
        guard !fileBySymbol.isEmpty else {
            printer.print(declaration + ":]")
            return
        }
        printer.block(declaration, closing: "]") { printer in
            for symbol in fileBySymbol.keys.sorted() {
                printer.print("\(SwiftLiteral.string(symbol)): \(SwiftLiteral.string(fileBySymbol[symbol]!)),")
            }
        }
    }

    private func printExtensions(_ printer: inout CodePrinter) {
        printer.print("/// Every extension of the compilation, in file and declaration order.")
        let extensions = files.flatMap { file in Self.extensions(of: file).map { (file.name, $0) } }
        let declaration = "\(visibility)static let extensions: [ProtoWireGRPC.ProtoExtensionDescription] = ["
        guard !extensions.isEmpty else {
            printer.print(declaration + "]")
            return
        }
        printer.block(declaration, closing: "]") { printer in
            for (fileName, field) in extensions {
                printer.block("ProtoWireGRPC.ProtoExtensionDescription(", closing: "),") { printer in
                    printer.print("fullName: \(SwiftLiteral.string(String(field.fullName.dropFirst()))),")
                    printer.print("extendee: \(SwiftLiteral.string(String((field.extendee ?? "").dropFirst()))),")
                    printer.print("fieldNumber: \(field.number),")
                    printer.print("fileName: \(SwiftLiteral.string(fileName))")
                }
            }
        }
    }

    /// Full names (no leading dot) of everything a file declares that reflection can
    /// be asked for.
    static func symbols(of file: FileDescriptor) -> [String] {
        let package = file.package ?? ""
        let prefix = package.isEmpty ? "" : package + "."
        var symbols: [String] = []
        var pending = file.messageTypes.map { (prefix + $0.name, $0) }
        symbols += file.enumTypes.map { prefix + $0.name }
        while let (name, message) = pending.popLast() {
            symbols.append(name)
            symbols += message.enumTypes.map { name + "." + $0.name }
            pending += message.nestedTypes.map { (name + "." + $0.name, $0) }
        }
        for service in file.services {
            symbols.append(prefix + service.name)
            symbols += service.methods.map { prefix + service.name + "." + $0.name }
        }
        symbols += extensions(of: file).map { String($0.fullName.dropFirst()) }
        return symbols
    }

    /// File-level extensions, then those declared inside messages (depth first).
    static func extensions(of file: FileDescriptor) -> [FieldDescriptor] {
        var result = file.extensions
        var pending = Array(file.messageTypes.reversed())
        while let message = pending.popLast() {
            result += message.extensions
            pending += message.nestedTypes.reversed()
        }
        return result
    }
}

/// Base64 (standard alphabet, padded) for descriptors in generated source.
enum Base64Text {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    /// The encoding cut into lines of `width` characters (at least one line).
    static func lines(_ bytes: [UInt8], width: Int) -> [String] {
        let text = encode(bytes)
        guard !text.isEmpty else { return [""] }
        return stride(from: 0, to: text.count, by: width).map { start in
            String(text[start..<min(start + width, text.count)])
        }
    }

    static func encode(_ bytes: [UInt8]) -> [Character] {
        var output: [Character] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var chunk: UInt32 = 0
            for offset in 0..<3 {
                chunk = chunk << 8 | UInt32(offset < count ? bytes[index + offset] : 0)
            }
            for position in 0..<4 {
                output.append(position <= count ? alphabet[Int(chunk >> (18 - 6 * UInt32(position)) & 0x3F)] : "=")
            }
            index += 3
        }
        return output
    }
}
