// Serialization of the resolved model as protoc writes `descriptor.proto` messages:
// fields in field-number order, unset (nil) optionals never written, repeated
// scalars unpacked (descriptor.proto is proto2), `options` written whenever non-nil.

extension FileDescriptorSet {
    /// The `google.protobuf.FileDescriptorSet` bytes, as `protoc --descriptor_set_out`.
    public func serializedBytes() -> [UInt8] {
        var writer = WireWriter()
        for file in files {
            writer.writeMessage(1) { file.encode(into: &$0) }
        }
        return writer.bytes
    }
}

extension FileDescriptor {
    /// The `google.protobuf.FileDescriptorProto` bytes.
    public func serializedBytes() -> [UInt8] {
        var writer = WireWriter()
        encode(into: &writer)
        return writer.bytes
    }

    func encode(into writer: inout WireWriter) {
        writer.writeString(1, name)
        if let package { writer.writeString(2, package) }
        for dependency in dependencies { writer.writeString(3, dependency) }
        for message in messageTypes { writer.writeMessage(4) { message.encode(into: &$0) } }
        for enumType in enumTypes { writer.writeMessage(5) { enumType.encode(into: &$0) } }
        for service in services { writer.writeMessage(6) { service.encode(into: &$0) } }
        for field in extensions { writer.writeMessage(7) { field.encode(into: &$0) } }
        if let options { writer.writeBytes(8, options) }
        for index in publicDependencies { writer.writeInt(10, Int64(index)) }
        for index in weakDependencies { writer.writeInt(11, Int64(index)) }
        if let syntax { writer.writeString(12, syntax) }
    }
}

extension MessageDescriptor {
    func encode(into writer: inout WireWriter) {
        writer.writeString(1, name)
        for field in fields { writer.writeMessage(2) { field.encode(into: &$0) } }
        for nested in nestedTypes { writer.writeMessage(3) { nested.encode(into: &$0) } }
        for enumType in enumTypes { writer.writeMessage(4) { enumType.encode(into: &$0) } }
        for range in extensionRanges {
            writer.writeMessage(5) { body in
                body.writeInt(1, Int64(range.start))
                body.writeInt(2, Int64(range.end))
                if let options = range.options { body.writeBytes(3, options) }
            }
        }
        for field in extensions { writer.writeMessage(6) { field.encode(into: &$0) } }
        if let options { writer.writeBytes(7, options) }
        for oneof in oneofDecls {
            writer.writeMessage(8) { body in
                body.writeString(1, oneof.name)
                if let options = oneof.options { body.writeBytes(2, options) }
            }
        }
        for range in reservedRanges {
            writer.writeMessage(9) { body in
                body.writeInt(1, Int64(range.start))
                body.writeInt(2, Int64(range.end))
            }
        }
        for name in reservedNames { writer.writeString(10, name) }
    }
}

extension FieldDescriptor {
    func encode(into writer: inout WireWriter) {
        writer.writeString(1, name)
        if let extendee { writer.writeString(2, extendee) }
        writer.writeInt(3, Int64(number))
        writer.writeInt(4, Int64(label.rawValue))
        writer.writeInt(5, Int64(type.rawValue))
        if let typeName { writer.writeString(6, typeName) }
        if let defaultValue { writer.writeString(7, defaultValue) }
        if let options { writer.writeBytes(8, options) }
        if let oneofIndex { writer.writeInt(9, Int64(oneofIndex)) }
        if let jsonName { writer.writeString(10, jsonName) }
        if let proto3Optional { writer.writeBool(17, proto3Optional) }
    }
}

extension EnumDescriptor {
    func encode(into writer: inout WireWriter) {
        writer.writeString(1, name)
        for value in values {
            writer.writeMessage(2) { body in
                body.writeString(1, value.name)
                body.writeInt(2, Int64(value.number))
                if let options = value.options { body.writeBytes(3, options) }
            }
        }
        if let options { writer.writeBytes(3, options) }
        for range in reservedRanges {
            writer.writeMessage(4) { body in
                body.writeInt(1, Int64(range.start))
                body.writeInt(2, Int64(range.end))
            }
        }
        for name in reservedNames { writer.writeString(5, name) }
    }
}

extension ServiceDescriptor {
    func encode(into writer: inout WireWriter) {
        writer.writeString(1, name)
        for method in methods {
            writer.writeMessage(2) { body in
                body.writeString(1, method.name)
                body.writeString(2, method.inputType)
                body.writeString(3, method.outputType)
                if let options = method.options { body.writeBytes(4, options) }
                if method.clientStreaming { body.writeBool(5, true) }
                if method.serverStreaming { body.writeBool(6, true) }
            }
        }
        if let options { writer.writeBytes(3, options) }
    }
}
