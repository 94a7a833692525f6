/// Generates everything one field (not a oneof member) contributes to its message: the
/// property declaration and one line per serialization pass, each a call to a ProtoWire
/// `@inlinable` helper specialised by the field's kind type.
struct FieldGenerator {
    let field: FieldModel
    let message: MessageModel
    let context: EmitterContext

    private var visibility: String { context.visibility }
    private var names: MessageMemberNames.Field { field.names }
    /// The stored value as the passes reach it.
    private var stored: String { message.storedValue(field) }
    private var kind: String { "\(field.value.kind).self" }

    // MARK: Declarations

    func printDeclaration(_ printer: inout CodePrinter) {
        let deprecation = DocComment.attribute(if: field.isDeprecated)
        printer.print(contentsOf: DocComment.lines(field.descriptor.comments, deprecation: deprecation))
        let declaration = "\(visibility)var \(names.property): \(field.propertyType)"
        switch (field.shape, message.usesStorage) {
        case (.optional, false):
            printer.block("\(declaration) {") { printer in
                printer.print("get { \(names.storage) ?? \(field.value.defaultValue) }")
                printer.print("set { \(names.storage) = newValue }")
            }
            printPresenceAccessors(&printer, stored: names.storage, mutableStored: names.storage)
        case (.optional, true):
            printer.block("\(declaration) {") { printer in
                printer.print("get { _storage.\(names.storage) ?? \(field.value.defaultValue) }")
                printer.print("set { _uniqueStorage().\(names.storage) = newValue }")
            }
            printPresenceAccessors(&printer, stored: "_storage." + names.storage,
                                   mutableStored: "_uniqueStorage()." + names.storage)
        case (_, true):
            printer.block("\(declaration) {") { printer in
                printer.print("get { _storage.\(names.storage) }")
                printer.print("set { _uniqueStorage().\(names.storage) = newValue }")
            }
        case (_, false) where field.isDeprecated:
            printer.block("\(declaration) {") { printer in
                printer.print("get { \(names.storage) }")
                printer.print("set { \(names.storage) = newValue }")
            }
        case (_, false):
            printer.print("\(declaration) = \(field.initialValue)")
        }
    }

    private func printPresenceAccessors(_ printer: inout CodePrinter, stored: String, mutableStored: String) {
        let deprecation = DocComment.attribute(if: field.isDeprecated)
        printer.print(contentsOf: DocComment.lines(.none, deprecation: deprecation))
        printer.print("\(visibility)var \(names.has): Bool { \(stored) != nil }")
        printer.print(contentsOf: DocComment.lines(.none, deprecation: deprecation))
        printer.print("\(visibility)mutating func \(names.clear)() { \(mutableStored) = nil }")
    }

    /// The private stored property behind a presence field (an optional) or a deprecated
    /// field (so the passes never touch the deprecated accessor), in a message without
    /// storage class.
    var privateStorageDeclaration: String? {
        guard !message.usesStorage else { return nil }
        if field.shape == .optional {
            return "private var \(names.storage): \(field.value.swiftType)? = nil"
        }
        guard field.isDeprecated else { return nil }
        return "private var \(names.storage): \(field.propertyType) = \(field.initialValue)"
    }

    /// The field's variable in the `_Storage` class.
    var storageClassDeclaration: String {
        let type = field.shape == .optional ? field.value.swiftType + "?" : field.propertyType
        return "var \(names.storage): \(type) = \(field.initialValue)"
    }

    // MARK: Binary

    var sizeLine: String {
        "size += sizes.\(binaryHelper(base: "sizeOf"))(\(stored), field: \(field.number), \(kindArguments))"
    }

    var encodeLine: String {
        "writer.\(binaryHelper(base: "write"))(\(stored), field: \(field.number), \(kindArguments))"
    }

    var decodeLine: String {
        "case \(field.number): try reader.\(readHelper)(tag, into: &\(stored), \(kindArguments))"
    }

    // MARK: JSON

    var jsonEncodeLine: String {
        let helper: String
        switch field.shape {
        case .singular, .oneofMember: helper = "write"
        case .optional: helper = "writeOptional"
        case .repeated: helper = "writeRepeated"
        case .map: helper = "writeMap"
        }
        let names = "json: \(SwiftLiteral.string(field.jsonName)), proto: \(SwiftLiteral.string(field.protoName))"
        return "try writer.\(helper)(\(stored), \(names), \(kindArguments))"
    }

    var jsonDecodeLine: String {
        "case \(field.number): try reader.\(readHelper)(into: &\(stored), \(kindArguments))"
    }

    // MARK: Helpers

    /// `as: K.self`, or `key: K.self, value: V.self` for maps.
    private var kindArguments: String {
        if let key = field.mapKey {
            return "key: \(key.kind).self, value: \(kind)"
        }
        return "as: \(kind)"
    }

    /// `sizeOf`/`write` plus the shape: `Optional`, `Packed`, `Repeated` or `Map`.
    private func binaryHelper(base: String) -> String {
        switch field.shape {
        case .singular, .oneofMember: base
        case .optional: base + "Optional"
        case .repeated: base + (isPacked ? "Packed" : "Repeated")
        case .map: base + "Map"
        }
    }

    /// Reading accepts packed and unpacked input alike, so one helper per shape.
    private var readHelper: String {
        switch field.shape {
        case .singular, .optional, .oneofMember: "read"
        case .repeated: "readRepeated"
        case .map: "readMap"
        }
    }

    /// Only numeric, bool and enum fields can be packed, whatever the descriptor says.
    private var isPacked: Bool {
        guard field.isPacked else { return false }
        switch field.descriptor.type {
        case .string, .bytes, .message, .group: return false
        default: return true
        }
    }
}

/// Swift literal spelling.
enum SwiftLiteral {
    /// A double-quoted Swift string literal with `"`, `\` and control characters escaped.
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
