/// Word lists the name mangling checks generated identifiers against.
///
/// The keyword lists follow The Swift Programming Language's lexical structure (the
/// same lists swift-protobuf's `SwiftLanguage.swift` uses), plus the runtime and
/// generated-member names that a proto identifier must not shadow.
enum SwiftKeywords {
    // `open` is left out on purpose: it is only a modifier, and `case open` is common.
    static let declarationKeywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension",
        "fileprivate", "func", "import", "init", "inout", "internal", "let", "nonisolated",
        "operator", "package", "precedencegroup", "private", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var",
    ]

    static let statementKeywords: Set<String> = [
        "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough",
        "for", "guard", "if", "in", "repeat", "return", "switch", "throw", "where", "while",
    ]

    static let expressionAndTypeKeywords: Set<String> = [
        "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true",
        "try",
    ]

    /// Every word that needs backticks to be used as an identifier.
    static let reserved: Set<String> =
        declarationKeywords.union(statementKeywords).union(expressionAndTypeKeywords)

    /// Standard-library and Foundation type names generated code spells unqualified;
    /// a generated type with one of these names would shadow them.
    static let commonTypes: Set<String> = [
        "Array", "Bool", "Character", "Data", "Dictionary", "Double", "Equatable", "Error",
        "Float", "Hashable", "Hasher", "Int", "Int8", "Int16", "Int32", "Int64", "Never",
        "Optional", "Result", "Sendable", "Set", "String", "Swift", "UInt", "UInt8",
        "UInt16", "UInt32", "UInt64", "Void", "CaseIterable", "Foundation",
    ]

    /// ProtoWire names generated code spells unqualified.
    static let runtimeTypes: Set<String> = [
        "ProtoWire", "ProtoMessage", "ProtoEnum", "UnknownFields", "SizeCache",
        "BinaryWriter", "BinaryReader", "FieldTag", "WireType", "ProtoDecodingError",
        "JSONWriter", "JSONReader", "ProtoJSONError", "ProtoEncodingError",
        "BinaryDecodingOptions", "JSONEncodingOptions", "JSONDecodingOptions", "JSONFieldTable",
        "ProtoInt32", "ProtoInt64", "ProtoUInt32", "ProtoUInt64", "ProtoSInt32", "ProtoSInt64",
        "ProtoFixed32", "ProtoFixed64", "ProtoSFixed32", "ProtoSFixed64", "ProtoFloat",
        "ProtoDouble", "ProtoBool", "ProtoString", "ProtoBytes", "ProtoEnumKind",
        "ProtoMessageKind",
    ]

    /// Names a generated type may not take, not even with backticks.
    static let reservedTypeNames: Set<String> = reserved
        .union(commonTypes)
        .union(runtimeTypes)
        .union(["Type", "Protocol", "_Storage", "protoMessageName", "unknownFields"])

    /// Instance members every generated message has (or inherits from ProtoMessage and
    /// the standard protocols); a field property may not take these names.
    static let messageMemberNames: Set<String> = [
        "init", "self", "Self", "Type", "Protocol", "unknownFields", "protoMessageName",
        "protoComputeSize", "protoEncode", "protoDecodeField", "protoEncodeJSON",
        "protoDecodeJSON", "protoDecodeFields", "protoJSONNullIsValue", "protoTypeURL",
        "serializedBytes", "jsonString", "jsonUTF8Bytes", "merge", "hash", "hashValue",
        "description", "debugDescription", "dynamicType", "isInitialized", "_storage",
        "_uniqueStorage", "_protoJSONFields",
    ]

    /// Members of every generated enum; a case may not take these names.
    static let enumMemberNames: Set<String> = [
        "init", "self", "Self", "Type", "Protocol", "rawValue", "allCases", "unrecognized",
        "hashValue", "hash", "description", "debugDescription", "dynamicType", "protoName",
        "protoNames", "RawValue", "AllCases",
    ]
}
