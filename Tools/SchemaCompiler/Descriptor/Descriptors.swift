/// The resolved model the linker builds: one type per message of
/// `google/protobuf/descriptor.proto`, holding exactly what protoc writes into a
/// `FileDescriptorSet` (without source info), plus a few fields the emitter needs that
/// are never serialized (marked "not serialized").
///
/// Optional properties are fields protoc leaves unset; `nil` is never written.
/// Options are kept already encoded: `options` is the serialized `*Options` message
/// (standard fields in field-number order, then custom options in source order), or
/// nil when protoc writes no options message at all. Interpreted values the emitter
/// needs are copied out into plain properties.

public struct FileDescriptorSet: Sendable, Hashable {
    public var files: [FileDescriptor]

    public init(files: [FileDescriptor]) {
        self.files = files
    }
}

public struct FileDescriptor: Sendable, Hashable {
    public var name: String
    public var package: String?
    public var dependencies: [String] = []
    public var publicDependencies: [Int32] = []
    public var weakDependencies: [Int32] = []
    public var messageTypes: [MessageDescriptor] = []
    public var enumTypes: [EnumDescriptor] = []
    public var services: [ServiceDescriptor] = []
    public var extensions: [FieldDescriptor] = []
    public var options: [UInt8]?
    /// "proto3" for proto3 files; nil for proto2 (protoc omits it).
    public var syntax: String?

    /// Not serialized: the file's comments on `syntax` / `package` (the file header).
    public var headerComments: Comments = .none

    public init(name: String) {
        self.name = name
    }

    public var isProto3: Bool { syntax == "proto3" }
}

public struct MessageDescriptor: Sendable, Hashable {
    public struct ExtensionRange: Sendable, Hashable {
        /// Inclusive.
        public var start: Int32
        /// Exclusive, as in the descriptor.
        public var end: Int32
        public var options: [UInt8]?

        public init(start: Int32, end: Int32, options: [UInt8]? = nil) {
            self.start = start
            self.end = end
            self.options = options
        }
    }

    public struct ReservedRange: Sendable, Hashable {
        /// Inclusive.
        public var start: Int32
        /// Exclusive, as in the descriptor.
        public var end: Int32

        public init(start: Int32, end: Int32) {
            self.start = start
            self.end = end
        }
    }

    public var name: String
    public var fields: [FieldDescriptor] = []
    public var extensions: [FieldDescriptor] = []
    public var nestedTypes: [MessageDescriptor] = []
    public var enumTypes: [EnumDescriptor] = []
    public var extensionRanges: [ExtensionRange] = []
    public var oneofDecls: [OneofDescriptor] = []
    public var options: [UInt8]?
    public var reservedRanges: [ReservedRange] = []
    public var reservedNames: [String] = []

    /// Not serialized: `.package.Outer.Name`, with the leading dot.
    public var fullName: String = ""
    /// Not serialized: `option map_entry = true` (set for generated and hand-written
    /// map entries alike).
    public var isMapEntry: Bool = false
    /// Not serialized: `option deprecated = true`.
    public var isDeprecated: Bool = false
    /// Not serialized: declared in a proto3 file, so singular scalar fields outside
    /// oneofs have no presence (option aggregates drop their zero values). The linker
    /// sets false for messages of proto2 files.
    public var isProto3: Bool = true
    public var location: SourceLocation? = nil
    public var comments: Comments = .none

    public init(name: String) {
        self.name = name
    }
}

public struct FieldDescriptor: Sendable, Hashable {
    public enum Label: Int32, Sendable, Hashable {
        case optional = 1
        case required = 2
        case repeated = 3
    }

    /// `FieldDescriptorProto.Type`, numbered as in descriptor.proto.
    public enum FieldType: Int32, Sendable, Hashable, CaseIterable {
        case double = 1
        case float = 2
        case int64 = 3
        case uint64 = 4
        case int32 = 5
        case fixed64 = 6
        case fixed32 = 7
        case bool = 8
        case string = 9
        case group = 10
        case message = 11
        case bytes = 12
        case uint32 = 13
        case `enum` = 14
        case sfixed32 = 15
        case sfixed64 = 16
        case sint32 = 17
        case sint64 = 18
    }

    public var name: String
    public var number: Int32
    public var label: Label
    public var type: FieldType
    /// Fully qualified with a leading dot, for message and enum fields.
    public var typeName: String?
    /// Fully qualified with a leading dot, for extensions.
    public var extendee: String?
    /// proto2 `[default = ...]`, as protoc renders it.
    public var defaultValue: String?
    public var oneofIndex: Int32?
    public var jsonName: String?
    public var options: [UInt8]?
    public var proto3Optional: Bool?

    /// Not serialized: whether a repeated scalar field is encoded packed (proto3's
    /// default, unless `[packed = false]`).
    public var isPacked: Bool = false
    /// Not serialized: `[deprecated = true]`.
    public var isDeprecated: Bool = false
    /// Not serialized: `.package.Message.field`, or for an extension `.package.name` /
    /// `.package.Scope.name` (where it is declared), with the leading dot. Option
    /// error messages name extensions by it.
    public var fullName: String = ""
    public var location: SourceLocation? = nil
    public var comments: Comments = .none

    public init(name: String, number: Int32, label: Label, type: FieldType) {
        self.name = name
        self.number = number
        self.label = label
        self.type = type
    }
}

public struct OneofDescriptor: Sendable, Hashable {
    public var name: String
    public var options: [UInt8]?

    /// Not serialized: true for the `_name` oneof protoc makes for a proto3 `optional`.
    public var isSynthetic: Bool = false
    public var location: SourceLocation? = nil
    public var comments: Comments = .none

    public init(name: String) {
        self.name = name
    }
}

public struct EnumDescriptor: Sendable, Hashable {
    public struct ReservedRange: Sendable, Hashable {
        /// Inclusive.
        public var start: Int32
        /// Inclusive (unlike message reserved ranges), as in the descriptor.
        public var end: Int32

        public init(start: Int32, end: Int32) {
            self.start = start
            self.end = end
        }
    }

    public var name: String
    public var values: [EnumValueDescriptor] = []
    public var options: [UInt8]?
    public var reservedRanges: [ReservedRange] = []
    public var reservedNames: [String] = []

    /// Not serialized: `.package.Outer.Name`.
    public var fullName: String = ""
    /// Not serialized: false for proto2 enums (closed enums).
    public var isOpen: Bool = true
    public var location: SourceLocation? = nil
    public var comments: Comments = .none

    public init(name: String) {
        self.name = name
    }
}

public struct EnumValueDescriptor: Sendable, Hashable {
    public var name: String
    public var number: Int32
    public var options: [UInt8]?

    public var isDeprecated: Bool = false
    public var location: SourceLocation? = nil
    public var comments: Comments = .none

    public init(name: String, number: Int32) {
        self.name = name
        self.number = number
    }
}

public struct ServiceDescriptor: Sendable, Hashable {
    public var name: String
    public var methods: [MethodDescriptor] = []
    public var options: [UInt8]?

    /// Not serialized: `.package.Name`.
    public var fullName: String = ""
    public var location: SourceLocation? = nil
    public var comments: Comments = .none

    public init(name: String) {
        self.name = name
    }
}

public struct MethodDescriptor: Sendable, Hashable {
    public var name: String
    /// Fully qualified with a leading dot.
    public var inputType: String
    public var outputType: String
    public var options: [UInt8]?
    /// protoc writes these only when true.
    public var clientStreaming: Bool = false
    public var serverStreaming: Bool = false

    public var location: SourceLocation? = nil
    public var comments: Comments = .none

    public init(name: String, inputType: String, outputType: String) {
        self.name = name
        self.inputType = inputType
        self.outputType = outputType
    }
}
