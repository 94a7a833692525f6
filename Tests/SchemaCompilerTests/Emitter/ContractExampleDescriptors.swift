@testable import SchemaCompiler

/// `Golden/contract-example.proto`
/// and the `google/protobuf/timestamp.proto` it imports, resolved by hand exactly as the
/// linker resolves them, so the emitter's golden test does not depend on the parser.
enum ContractExampleDescriptors {
    static let package = "portico.example.v1"

    static var timestampFile: FileDescriptor {
        var file = FileDescriptor(name: "google/protobuf/timestamp.proto")
        file.package = "google.protobuf"
        file.syntax = "proto3"
        var timestamp = MessageDescriptor(name: "Timestamp")
        timestamp.fullName = ".google.protobuf.Timestamp"
        timestamp.fields = [field("seconds", 1, .int64), field("nanos", 2, .int32)]
        file.messageTypes = [timestamp]
        return file
    }

    static var file: FileDescriptor {
        var file = FileDescriptor(name: "contract-example.proto")
        file.package = package
        file.syntax = "proto3"
        file.dependencies = ["google/protobuf/timestamp.proto"]
        file.enumTypes = [status]
        file.messageTypes = [address, node, sample]
        return file
    }

    static var status: EnumDescriptor {
        var status = EnumDescriptor(name: "Status")
        status.fullName = ".\(package).Status"
        status.comments = Comments(leading: " A status with a prefix to strip.\n")
        status.values = [
            EnumValueDescriptor(name: "STATUS_UNSPECIFIED", number: 0),
            EnumValueDescriptor(name: "STATUS_OPEN", number: 1),
            EnumValueDescriptor(name: "STATUS_CLOSED", number: 2),
        ]
        return status
    }

    static var address: MessageDescriptor {
        var address = MessageDescriptor(name: "Address")
        address.fullName = ".\(package).Address"
        address.comments = Comments(leading: " A location.\n")
        address.fields = [field("line1", 1, .string), field("city", 2, .string)]
        return address
    }

    static var node: MessageDescriptor {
        var node = MessageDescriptor(name: "Node")
        node.fullName = ".\(package).Node"
        node.comments = Comments(leading: " A node in a tree: recursive through a singular field.\n")
        node.fields = [
            field("name", 1, .string),
            field("parent", 2, .message, typeName: ".\(package).Node"),
            field("children", 3, .message, label: .repeated, typeName: ".\(package).Node"),
        ]
        return node
    }

    static var sample: MessageDescriptor {
        let sampleName = ".\(package).Sample"
        var sample = MessageDescriptor(name: "Sample")
        sample.fullName = sampleName
        sample.comments = Comments(leading: " Every field kind.\n")
        var i32 = field("i32", 1, .int32)
        i32.comments = Comments(leading: " Doc on a field.\n")
        sample.fields = [
            i32, field("i64", 2, .int64), field("u32", 3, .uint32), field("u64", 4, .uint64),
            field("s32", 5, .sint32), field("s64", 6, .sint64), field("f32", 7, .fixed32),
            field("f64", 8, .fixed64), field("sf32", 9, .sfixed32), field("sf64", 10, .sfixed64),
            field("fl", 11, .float), field("db", 12, .double), field("flag", 13, .bool),
            field("text", 14, .string), field("blob", 15, .bytes),
            field("status", 16, .enum, typeName: ".\(package).Status"),
            field("address", 17, .message, typeName: ".\(package).Address"),
            packed(field("numbers", 18, .int32, label: .repeated)),
            field("tags", 19, .string, label: .repeated),
            field("addresses", 20, .message, label: .repeated, typeName: ".\(package).Address"),
            field("counts", 21, .message, label: .repeated, typeName: "\(sampleName).CountsEntry"),
            field("by_id", 22, .message, label: .repeated, typeName: "\(sampleName).ByIdEntry"),
            proto3Optional(field("maybe", 23, .int32), oneofIndex: 1),
            inOneof(field("name", 24, .string)),
            inOneof(field("where", 25, .message, typeName: ".\(package).Address")),
            inOneof(field("state", 26, .enum, typeName: ".\(package).Status")),
            field("at", 27, .message, typeName: ".google.protobuf.Timestamp"),
            field("unpacked", 28, .int32, label: .repeated),
            packed(field("statuses", 29, .enum, label: .repeated, typeName: ".\(package).Status")),
            field("inner", 30, .message, typeName: "\(sampleName).Inner"),
        ]
        var synthetic = OneofDescriptor(name: "_maybe")
        synthetic.isSynthetic = true
        sample.oneofDecls = [OneofDescriptor(name: "choice"), synthetic]
        var inner = MessageDescriptor(name: "Inner")
        inner.fullName = "\(sampleName).Inner"
        inner.fields = [field("x", 1, .int32)]
        sample.nestedTypes = [
            mapEntry("CountsEntry", parent: sampleName, key: field("key", 1, .string), value: field("value", 2, .int64)),
            mapEntry("ByIdEntry", parent: sampleName, key: field("key", 1, .int32),
                     value: field("value", 2, .message, typeName: ".\(package).Address")),
            inner,
        ]
        return sample
    }

    private static func field(
        _ name: String, _ number: Int32, _ type: FieldDescriptor.FieldType,
        label: FieldDescriptor.Label = .optional, typeName: String? = nil
    ) -> FieldDescriptor {
        var field = FieldDescriptor(name: name, number: number, label: label, type: type)
        field.typeName = typeName
        field.jsonName = SwiftNaming.protoJSONName(name)
        return field
    }

    private static func packed(_ field: FieldDescriptor) -> FieldDescriptor {
        var field = field
        field.isPacked = true
        return field
    }

    private static func proto3Optional(_ field: FieldDescriptor, oneofIndex: Int32) -> FieldDescriptor {
        var field = field
        field.proto3Optional = true
        field.oneofIndex = oneofIndex
        return field
    }

    private static func inOneof(_ field: FieldDescriptor) -> FieldDescriptor {
        var field = field
        field.oneofIndex = 0
        return field
    }

    private static func mapEntry(
        _ name: String, parent: String, key: FieldDescriptor, value: FieldDescriptor
    ) -> MessageDescriptor {
        var entry = MessageDescriptor(name: name)
        entry.fullName = "\(parent).\(name)"
        entry.isMapEntry = true
        entry.fields = [key, value]
        return entry
    }
}
