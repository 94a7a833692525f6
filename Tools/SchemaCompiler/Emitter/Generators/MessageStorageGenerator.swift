/// Generates the copy-on-write box of a message on a cycle of singular message fields,
/// and the `==`/`hash(into:)` that compare it by value (the box is a class).
struct MessageStorageGenerator {
    let model: MessageModel
    let context: EmitterContext

    private var visibility: String { context.visibility }

    /// Storage variable declarations in property order: a oneof's variable sits where
    /// its first member is declared.
    private var storageVariables: [(name: String, declaration: String)] {
        var variables: [(name: String, declaration: String)] = []
        var seenOneofs: Set<Int> = []
        for field in model.fields {
            if let oneof = model.oneof(of: field) {
                guard seenOneofs.insert(oneof.realIndex).inserted else { continue }
                let generator = OneofGenerator(oneof: oneof, message: model, context: context)
                variables.append((MessageModel.storageName(oneof), generator.storageClassDeclaration))
            } else {
                let generator = FieldGenerator(field: field, message: model, context: context)
                variables.append((field.names.storage, generator.storageClassDeclaration))
            }
        }
        return variables
    }

    func generate(_ printer: inout CodePrinter) {
        let name = model.swiftName
        printer.print()
        printer.block("\(visibility)static func == (lhs: \(name), rhs: \(name)) -> Bool {") { printer in
            printer.print("lhs.unknownFields == rhs.unknownFields")
            printer.print("    && (lhs._storage === rhs._storage || lhs._storage.isEqual(to: rhs._storage))")
        }
        printer.print()
        printer.block("\(visibility)func hash(into hasher: inout Hasher) {") { printer in
            printer.print("_storage.hash(into: &hasher)")
            printer.print("hasher.combine(unknownFields)")
        }
        printer.print()
        printStorageClass(&printer)
        printer.print()
        printer.print("private var _storage = _Storage.defaultInstance")
        printer.print()
        printer.block("private mutating func _uniqueStorage() -> _Storage {") { printer in
            printer.block("if !isKnownUniquelyReferenced(&_storage) {") { printer in
                printer.print("_storage = _storage.copy()")
            }
            printer.print("return _storage")
        }
    }

    private func printStorageClass(_ printer: inout CodePrinter) {
        let variables = storageVariables
        printer.print("/// Fields live in a shared, copy-on-write box so the recursive struct has a finite size.")
        printer.block("private final class _Storage: @unchecked Sendable {") { printer in
            printer.print(contentsOf: variables.map(\.declaration))
            printer.print()
            printer.print("static let defaultInstance = _Storage()")
            printer.print()
            printer.block("func copy() -> _Storage {") { printer in
                printer.print("let copy = _Storage()")
                printer.print(contentsOf: variables.map { "copy.\($0.name) = \($0.name)" })
                printer.print("return copy")
            }
            printer.print()
            printer.block("func isEqual(to other: _Storage) -> Bool {") { printer in
                if variables.isEmpty { printer.print("true") }
                for (index, variable) in variables.enumerated() {
                    let comparison = "\(variable.name) == other.\(variable.name)"
                    printer.print(index == 0 ? comparison : "    && " + comparison)
                }
            }
            printer.print()
            printer.block("func hash(into hasher: inout Hasher) {") { printer in
                printer.print(contentsOf: variables.map { "hasher.combine(\($0.name))" })
            }
        }
    }
}
