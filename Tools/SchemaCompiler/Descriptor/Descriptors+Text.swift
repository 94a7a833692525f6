// A readable, line-per-value rendering of descriptors in the spirit of protobuf's
// text format, used for diffs in tests and for debugging output. Options are shown
// as their raw wire fields (`number: value`), since custom options are not known
// by name here.

extension FileDescriptorSet {
    /// One line per value; nested messages indented by two spaces.
    public var debugText: String {
        var printer = DescriptorTextPrinter()
        for file in files {
            printer.block("file") { file.print(into: &$0) }
        }
        return printer.text
    }
}

extension FileDescriptor {
    public var debugText: String {
        var printer = DescriptorTextPrinter()
        print(into: &printer)
        return printer.text
    }

    fileprivate func print(into printer: inout DescriptorTextPrinter) {
        printer.string("name", name)
        printer.string("package", package)
        for dependency in dependencies { printer.string("dependency", dependency) }
        for message in messageTypes { printer.block("message_type") { message.print(into: &$0) } }
        for enumType in enumTypes { printer.block("enum_type") { enumType.print(into: &$0) } }
        for service in services { printer.block("service") { service.print(into: &$0) } }
        for field in extensions { printer.block("extension") { field.print(into: &$0) } }
        printer.options(options)
        for index in publicDependencies { printer.line("public_dependency: \(index)") }
        for index in weakDependencies { printer.line("weak_dependency: \(index)") }
        printer.string("syntax", syntax)
    }
}

extension MessageDescriptor {
    fileprivate func print(into printer: inout DescriptorTextPrinter) {
        printer.string("name", name)
        for field in fields { printer.block("field") { field.print(into: &$0) } }
        for nested in nestedTypes { printer.block("nested_type") { nested.print(into: &$0) } }
        for enumType in enumTypes { printer.block("enum_type") { enumType.print(into: &$0) } }
        for range in extensionRanges {
            printer.block("extension_range") { body in
                body.line("start: \(range.start)")
                body.line("end: \(range.end)")
                body.options(range.options)
            }
        }
        for field in extensions { printer.block("extension") { field.print(into: &$0) } }
        printer.options(options)
        for oneof in oneofDecls {
            printer.block("oneof_decl") { body in
                body.string("name", oneof.name)
                body.options(oneof.options)
            }
        }
        for range in reservedRanges {
            printer.line("reserved_range { start: \(range.start) end: \(range.end) }")
        }
        for name in reservedNames { printer.string("reserved_name", name) }
    }
}

extension FieldDescriptor {
    fileprivate func print(into printer: inout DescriptorTextPrinter) {
        printer.string("name", name)
        printer.string("extendee", extendee)
        printer.line("number: \(number)")
        printer.line("label: \(label)")
        printer.line("type: \(type)")
        printer.string("type_name", typeName)
        printer.string("default_value", defaultValue)
        printer.options(options)
        if let oneofIndex { printer.line("oneof_index: \(oneofIndex)") }
        printer.string("json_name", jsonName)
        if let proto3Optional { printer.line("proto3_optional: \(proto3Optional)") }
    }
}

extension EnumDescriptor {
    fileprivate func print(into printer: inout DescriptorTextPrinter) {
        printer.string("name", name)
        for value in values {
            printer.block("value") { body in
                body.string("name", value.name)
                body.line("number: \(value.number)")
                body.options(value.options)
            }
        }
        printer.options(options)
        for range in reservedRanges {
            printer.line("reserved_range { start: \(range.start) end: \(range.end) }")
        }
        for name in reservedNames { printer.string("reserved_name", name) }
    }
}

extension ServiceDescriptor {
    fileprivate func print(into printer: inout DescriptorTextPrinter) {
        printer.string("name", name)
        for method in methods {
            printer.block("method") { body in
                body.string("name", method.name)
                body.string("input_type", method.inputType)
                body.string("output_type", method.outputType)
                body.options(method.options)
                if method.clientStreaming { body.line("client_streaming: true") }
                if method.serverStreaming { body.line("server_streaming: true") }
            }
        }
        printer.options(options)
    }
}

/// Accumulates indented lines.
struct DescriptorTextPrinter {
    private(set) var text = ""
    private var indentation = ""

    mutating func line(_ content: String) {
        text += indentation + content + "\n"
    }

    mutating func string(_ name: String, _ value: String?) {
        guard let value else { return }
        line("\(name): \(quoted(Array(value.utf8)))")
    }

    mutating func block(_ name: String, _ body: (inout DescriptorTextPrinter) -> Void) {
        line("\(name) {")
        indentation += "  "
        body(&self)
        indentation.removeLast(2)
        line("}")
    }

    /// An encoded options message, field by field; `options {}` when present but empty.
    mutating func options(_ options: [UInt8]?) {
        guard let options else { return }
        guard let fields = try? WireReader.fields(of: options) else {
            line("options: <malformed \(hex(options))>")
            return
        }
        block("options") { $0.wireFields(fields) }
    }

    private mutating func wireFields(_ fields: [WireField]) {
        for field in fields {
            switch field.value {
            case .varint(let value): line("\(field.number): \(value)")
            case .fixed32(let value): line("\(field.number): 0x\(String(value, radix: 16)) (fixed32)")
            case .fixed64(let value): line("\(field.number): 0x\(String(value, radix: 16)) (fixed64)")
            case .group(let inner): block("\(field.number) (group)") { $0.wireFields(inner) }
            case .lengthDelimited(let bytes): lengthDelimited(field.number, bytes)
            }
        }
    }

    /// Printable text is shown as a string; otherwise a parseable body as a nested
    /// block, and anything else as hex.
    private mutating func lengthDelimited(_ number: Int32, _ bytes: [UInt8]) {
        let isText = bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        if !bytes.isEmpty, !isText, let inner = try? WireReader.fields(of: bytes) {
            block("\(number)") { $0.wireFields(inner) }
        } else if isText {
            line("\(number): \(quoted(bytes))")
        } else {
            line("\(number): <\(hex(bytes))>")
        }
    }

    private func quoted(_ bytes: [UInt8]) -> String {
        var result = "\""
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): result += "\\\""
            case UInt8(ascii: "\\"): result += "\\\\"
            case 0x20..<0x7F: result.unicodeScalars.append(Unicode.Scalar(byte))
            default: result += "\\" + String(byte, radix: 8)
            }
        }
        return result + "\""
    }

    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0 >> 4, radix: 16) + String($0 & 0xF, radix: 16) }.joined()
    }
}
