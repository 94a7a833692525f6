/// Field limits protoc enforces.
enum FieldNumbers {
    static let max: Int32 = 536_870_911
    static let firstReserved: Int32 = 19000
    static let lastReserved: Int32 = 19999
}

extension FieldDescriptor.FieldType {
    /// The scalar type a keyword names, e.g. `int32`; nil for a message/enum reference.
    init?(keyword: String) {
        switch keyword {
        case "double": self = .double
        case "float": self = .float
        case "int64": self = .int64
        case "uint64": self = .uint64
        case "int32": self = .int32
        case "fixed64": self = .fixed64
        case "fixed32": self = .fixed32
        case "bool": self = .bool
        case "string": self = .string
        case "bytes": self = .bytes
        case "uint32": self = .uint32
        case "sfixed32": self = .sfixed32
        case "sfixed64": self = .sfixed64
        case "sint32": self = .sint32
        case "sint64": self = .sint64
        default: return nil
        }
    }

    /// Scalar numeric types: the only ones a repeated field can pack.
    public var isPackable: Bool {
        switch self {
        case .string, .bytes, .message, .group: false
        default: true
        }
    }

}

extension AST.IntegerLiteral {
    /// The value when it fits in an `Int32`.
    var int32Value: Int32? {
        if isNegative {
            return magnitude <= UInt64(Int32.max) + 1 ? Int32(truncatingIfNeeded: 0 &- Int64(magnitude)) : nil
        }
        return magnitude <= UInt64(Int32.max) ? Int32(magnitude) : nil
    }
}

extension LinkSession {
    /// Where a field sits: its scope for the full name, the declaring message, and
    /// for extensions the `extend` target.
    struct FieldContext {
        var scope: String
        var parent: MessageNode?
        var file: FileNode
        var extendee: AST.TypeReference? = nil
        var oneofIndex: Int? = nil
    }

    func makeField(_ declaration: AST.FieldDeclaration, _ context: FieldContext) -> FieldNode {
        let field = FieldNode(
            name: declaration.name, fullName: qualified(context.scope, declaration.name.text),
            file: context.file, parent: context.parent, location: declaration.location,
            numberLocation: declaration.number.location, typeReference: declaration.type)
        field.comments = declaration.comments
        field.extendee = context.extendee
        field.oneofIndex = context.oneofIndex
        field.type = declaration.type.isFullyQualified ? nil : FieldDescriptor.FieldType(keyword: declaration.type.text)
        assignNumber(declaration.number, to: field)
        assignLabel(declaration, to: field, inOneof: context.oneofIndex != nil)
        splitOptions(declaration.options, of: field)
        return field
    }

    /// Field numbers: protoc's parser range check, then `BuildFieldOrExtension`'s.
    func assignNumber(_ literal: AST.IntegerLiteral, to field: FieldNode) {
        if literal.isNegative {
            error("Expected field number.", at: literal.location)
            return
        }
        guard let number = literal.int32Value else {
            error("Integer out of range.", at: literal.location)
            return
        }
        field.number = number
        if number <= 0 {
            error("Field numbers must be positive integers.", at: literal.location)
        } else if !field.isExtension && number > FieldNumbers.max {
            error("Field numbers cannot be greater than \(FieldNumbers.max).", at: literal.location)
        } else if number >= FieldNumbers.firstReserved && number <= FieldNumbers.lastReserved {
            error("Field numbers \(FieldNumbers.firstReserved) through \(FieldNumbers.lastReserved) are reserved for the protocol buffer library implementation.", at: literal.location)
        }
    }

    /// Labels as descriptors store them. The parser has already rejected labels it
    /// does not allow (in oneofs, missing in proto2, `required` in proto3).
    private func assignLabel(_ declaration: AST.FieldDeclaration, to field: FieldNode, inOneof: Bool) {
        field.declaredLabel = declaration.label
        field.labelLocation = declaration.labelLocation
        guard !inOneof else { return }
        switch declaration.label {
        case .repeated: field.label = .repeated
        case .required:
            field.label = .required
            if field.isExtension && !field.file.isProto3 {
                error("Message extensions cannot have required fields.", at: declaration.type.location)
            }
        case .optional:
            field.isProto3Optional = field.file.isProto3
        case nil:
            break
        }
    }

    /// `default` and `json_name` become descriptor fields; the rest are options (the
    /// parser has reported either being set twice).
    private func splitOptions(_ options: [AST.OptionDeclaration], of field: FieldNode) {
        for option in options {
            guard option.name.count == 1, case .field(let name) = option.name[0] else {
                field.options.append(option)
                continue
            }
            switch name.text {
            case "default":
                field.defaultOption = option
            case "json_name":
                field.jsonNameOption = option
                if case .string(let bytes) = option.value {
                    field.jsonName = String(decoding: bytes, as: UTF8.self)
                } else {
                    error("Expected string for JSON name.", at: option.valueLocation)
                }
            default:
                field.options.append(option)
            }
        }
    }
}
