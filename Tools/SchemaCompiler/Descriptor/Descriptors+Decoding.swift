// Reading `descriptor.proto` messages back into the resolved model: for tests that
// compare protoc's output with ours, and for serving reflection. Unknown fields
// (e.g. `source_code_info`) are skipped. The "not serialized" properties that can be
// derived from the bytes (full names, map-entry, deprecation) are filled in.

extension FileDescriptorSet {
    /// Decodes `google.protobuf.FileDescriptorSet` bytes.
    public init(serializedBytes bytes: [UInt8]) throws(WireDecodingError) {
        var files: [FileDescriptor] = []
        for field in try WireReader.fields(of: bytes) where field.number == 1 {
            files.append(try FileDescriptor(serializedBytes: try field.bytes()))
        }
        self.init(files: files)
    }
}

extension FileDescriptor {
    /// Decodes `google.protobuf.FileDescriptorProto` bytes.
    public init(serializedBytes bytes: [UInt8]) throws(WireDecodingError) {
        self.init(name: "")
        // Full names and proto3 defaults depend on `package` and `syntax`, which
        // protoc writes after the types; nested definitions are decoded last.
        var definitions: [WireField] = []
        for field in try WireReader.fields(of: bytes) {
            switch field.number {
            case 1: name = try field.string()
            case 2: package = try field.string()
            case 3: dependencies.append(try field.string())
            case 4, 5, 6, 7: definitions.append(field)
            case 8: options = try field.bytes()
            case 10: publicDependencies.append(contentsOf: try field.int32s())
            case 11: weakDependencies.append(contentsOf: try field.int32s())
            case 12: syntax = try field.string()
            default: continue
            }
        }
        try decodeDefinitions(definitions)
    }

    private mutating func decodeDefinitions(_ definitions: [WireField]) throws(WireDecodingError) {
        let scope = package.map { "." + $0 } ?? ""
        let proto3 = isProto3
        for field in definitions {
            let bytes = try field.bytes()
            switch field.number {
            case 4: messageTypes.append(try MessageDescriptor(decoding: bytes, scope: scope, proto3: proto3))
            case 5: enumTypes.append(try EnumDescriptor(decoding: bytes, scope: scope, proto3: proto3))
            case 6: services.append(try ServiceDescriptor(decoding: bytes, scope: scope))
            default: extensions.append(try FieldDescriptor(decoding: bytes, scope: scope, proto3: proto3))
            }
        }
    }
}

extension MessageDescriptor {
    init(decoding bytes: [UInt8], scope: String, proto3: Bool) throws(WireDecodingError) {
        self.init(name: "")
        let fields = try WireReader.fields(of: bytes)
        for field in fields where field.number == 1 { name = try field.string() }
        fullName = scope + "." + name
        isProto3 = proto3
        for field in fields {
            switch field.number {
            case 2:
                self.fields.append(
                    try FieldDescriptor(decoding: try field.bytes(), scope: fullName, proto3: proto3))
            case 3:
                nestedTypes.append(
                    try MessageDescriptor(decoding: try field.bytes(), scope: fullName, proto3: proto3))
            case 4:
                enumTypes.append(
                    try EnumDescriptor(decoding: try field.bytes(), scope: fullName, proto3: proto3))
            case 5: extensionRanges.append(try Self.extensionRange(try field.bytes()))
            case 6:
                extensions.append(
                    try FieldDescriptor(decoding: try field.bytes(), scope: fullName, proto3: proto3))
            case 7: options = try field.bytes()
            case 8: oneofDecls.append(try Self.oneof(try field.bytes()))
            case 9:
                let (start, end) = try Self.range(try field.bytes())
                reservedRanges.append(ReservedRange(start: start, end: end))
            case 10: reservedNames.append(try field.string())
            default: continue
            }
        }
        isMapEntry = try OptionFlags.bool(7, in: options) ?? false
        isDeprecated = try OptionFlags.bool(3, in: options) ?? false
    }

    private static func extensionRange(_ bytes: [UInt8]) throws(WireDecodingError) -> ExtensionRange {
        let (start, end) = try range(bytes)
        var result = ExtensionRange(start: start, end: end)
        for field in try WireReader.fields(of: bytes) where field.number == 3 {
            result.options = try field.bytes()
        }
        return result
    }

    private static func oneof(_ bytes: [UInt8]) throws(WireDecodingError) -> OneofDescriptor {
        var oneof = OneofDescriptor(name: "")
        for field in try WireReader.fields(of: bytes) {
            switch field.number {
            case 1: oneof.name = try field.string()
            case 2: oneof.options = try field.bytes()
            default: continue
            }
        }
        return oneof
    }

    /// `start` and `end` of a reserved or extension range (both messages number them 1, 2).
    static func range(_ bytes: [UInt8]) throws(WireDecodingError) -> (Int32, Int32) {
        var start: Int32 = 0
        var end: Int32 = 0
        for field in try WireReader.fields(of: bytes) {
            switch field.number {
            case 1: start = try field.int32()
            case 2: end = try field.int32()
            default: continue
            }
        }
        return (start, end)
    }
}

extension FieldDescriptor {
    /// `scope` is the containing message (or, for extensions, the declaring scope).
    init(decoding bytes: [UInt8], scope: String, proto3: Bool = false) throws(WireDecodingError) {
        self.init(name: "", number: 0, label: .optional, type: .int32)
        for field in try WireReader.fields(of: bytes) {
            switch field.number {
            case 1: name = try field.string()
            case 2: extendee = try field.string()
            case 3: number = try field.int32()
            case 4: label = try field.enumValue(Label.self)
            case 5: type = try field.enumValue(FieldType.self)
            case 6: typeName = try field.string()
            case 7: defaultValue = try field.string()
            case 8: options = try field.bytes()
            case 9: oneofIndex = try field.int32()
            case 10: jsonName = try field.string()
            case 17: proto3Optional = try field.int64() != 0
            default: continue
            }
        }
        fullName = scope + "." + name
        isDeprecated = try OptionFlags.bool(3, in: options) ?? false
        isPacked = try Self.isPacked(label: label, type: type, options: options, proto3: proto3)
    }

    private static func isPacked(
        label: Label, type: FieldType, options: [UInt8]?, proto3: Bool
    ) throws(WireDecodingError) -> Bool {
        guard label == .repeated, type.isPackable else { return false }
        return try OptionFlags.bool(2, in: options) ?? proto3
    }
}

extension EnumDescriptor {
    init(decoding bytes: [UInt8], scope: String, proto3: Bool) throws(WireDecodingError) {
        self.init(name: "")
        isOpen = proto3
        for field in try WireReader.fields(of: bytes) {
            switch field.number {
            case 1: name = try field.string()
            case 2: values.append(try Self.value(try field.bytes()))
            case 3: options = try field.bytes()
            case 4:
                let (start, end) = try MessageDescriptor.range(try field.bytes())
                reservedRanges.append(ReservedRange(start: start, end: end))
            case 5: reservedNames.append(try field.string())
            default: continue
            }
        }
        fullName = scope + "." + name
    }

    private static func value(_ bytes: [UInt8]) throws(WireDecodingError) -> EnumValueDescriptor {
        var value = EnumValueDescriptor(name: "", number: 0)
        for field in try WireReader.fields(of: bytes) {
            switch field.number {
            case 1: value.name = try field.string()
            case 2: value.number = try field.int32()
            case 3: value.options = try field.bytes()
            default: continue
            }
        }
        value.isDeprecated = try OptionFlags.bool(1, in: value.options) ?? false
        return value
    }
}

extension ServiceDescriptor {
    init(decoding bytes: [UInt8], scope: String) throws(WireDecodingError) {
        self.init(name: "")
        for field in try WireReader.fields(of: bytes) {
            switch field.number {
            case 1: name = try field.string()
            case 2: methods.append(try Self.method(try field.bytes()))
            case 3: options = try field.bytes()
            default: continue
            }
        }
        fullName = scope + "." + name
    }

    private static func method(_ bytes: [UInt8]) throws(WireDecodingError) -> MethodDescriptor {
        var method = MethodDescriptor(name: "", inputType: "", outputType: "")
        for field in try WireReader.fields(of: bytes) {
            switch field.number {
            case 1: method.name = try field.string()
            case 2: method.inputType = try field.string()
            case 3: method.outputType = try field.string()
            case 4: method.options = try field.bytes()
            case 5: method.clientStreaming = try field.int64() != 0
            case 6: method.serverStreaming = try field.int64() != 0
            default: continue
            }
        }
        return method
    }
}

/// Reads single standard bool flags (`deprecated`, `map_entry`, `packed`) out of an
/// encoded options message; the last occurrence wins, as in protobuf parsing.
enum OptionFlags {
    static func bool(_ number: Int32, in options: [UInt8]?) throws(WireDecodingError) -> Bool? {
        guard let options else { return nil }
        var result: Bool?
        for field in try WireReader.fields(of: options) where field.number == number {
            result = try field.int64() != 0
        }
        return result
    }
}
