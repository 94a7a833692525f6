/// The syntax tree of one `.proto` file, exactly as written: names are unresolved,
/// numbers are literals, options are uninterpreted. The linker turns it into the
/// resolved model (`FileDescriptor` and friends), which is a different set of types.
public enum AST {}

extension AST {
    /// A name token with where it was written.
    public struct Identifier: Sendable, Hashable {
        public var text: String
        public var location: SourceLocation

        public init(_ text: String, at location: SourceLocation) {
            self.text = text
            self.location = location
        }
    }

    /// A possibly qualified type or symbol reference: `Foo`, `foo.Bar`, `.foo.Bar`.
    public struct TypeReference: Sendable, Hashable {
        /// The reference as written, components joined by `.`, with a leading `.` when
        /// it is fully qualified. Whitespace and comments between parts are dropped.
        public var text: String
        public var location: SourceLocation

        public init(_ text: String, at location: SourceLocation) {
            self.text = text
            self.location = location
        }

        public var isFullyQualified: Bool { text.hasPrefix(".") }
    }

    /// An integer literal, possibly negative, kept as sign and magnitude so that every
    /// value from -2^63 to 2^64-1 fits and range checks happen in the linker.
    public struct IntegerLiteral: Sendable, Hashable {
        public var isNegative: Bool
        public var magnitude: UInt64
        public var location: SourceLocation

        public init(isNegative: Bool = false, magnitude: UInt64, at location: SourceLocation) {
            self.isNegative = isNegative
            self.magnitude = magnitude
            self.location = location
        }
    }

    /// The file: every top-level statement in source order.
    public struct File: Sendable, Hashable {
        public var path: String
        public var statements: [FileStatement]

        public init(path: String, statements: [FileStatement]) {
            self.path = path
            self.statements = statements
        }
    }

    public enum FileStatement: Sendable, Hashable {
        case syntax(SyntaxDeclaration)
        case package(PackageDeclaration)
        case `import`(ImportDeclaration)
        case option(OptionDeclaration)
        case message(MessageDeclaration)
        case `enum`(EnumDeclaration)
        case service(ServiceDeclaration)
        case extend(ExtendDeclaration)
    }

    public struct SyntaxDeclaration: Sendable, Hashable {
        /// The string's value: "proto3", "proto2" or whatever was written.
        public var value: String
        public var location: SourceLocation
        /// Where the string literal starts (protoc reports unknown syntax there).
        public var valueLocation: SourceLocation
        public var comments: Comments
    }

    public struct PackageDeclaration: Sendable, Hashable {
        /// Dotted name, components joined by `.` with spacing removed.
        public var name: String
        public var location: SourceLocation
        public var nameLocation: SourceLocation
        public var comments: Comments
    }

    public struct ImportDeclaration: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            case normal
            case `public`
            case weak
        }

        public var path: String
        public var kind: Kind
        public var location: SourceLocation
        /// Where the path string starts.
        public var pathLocation: SourceLocation
        public var comments: Comments
    }
}

// MARK: - Options

extension AST {
    /// `option (my.ext).field = value;` or one entry of a `[a = 1, (b) = 2]` list.
    public struct OptionDeclaration: Sendable, Hashable {
        public var name: [OptionNamePart]
        public var value: OptionValue
        /// Where the option name starts.
        public var location: SourceLocation
        public var valueLocation: SourceLocation
        public var comments: Comments
    }

    public enum OptionNamePart: Sendable, Hashable {
        /// A plain field name such as `java_package` or the `field` of `(ext).field`.
        case field(Identifier)
        /// A parenthesised extension name such as `(my.pkg.ext)`, as written.
        case `extension`(TypeReference)
    }

    public enum OptionValue: Sendable, Hashable {
        /// `true`, `false`, `inf`, `nan`, an enum value name, or any other identifier.
        /// `-inf` / `-nan` are `.identifier` with `isNegative`.
        case identifier(String, isNegative: Bool)
        case integer(IntegerLiteral)
        /// A floating-point literal; `isNegative` is kept separately so `-0.0` is exact.
        case float(Double, isNegative: Bool, text: String)
        /// A string (adjacent literals concatenated, escapes decoded) as raw bytes.
        case string([UInt8])
        /// A text-format message value `{ a: 1 b { c: 2 } }`.
        case aggregate([AggregateField])
    }

    /// One `name: value` or `name { ... }` entry of a text-format aggregate value.
    public struct AggregateField: Sendable, Hashable {
        public enum Name: Sendable, Hashable {
            case field(Identifier)
            /// `[pkg.ext]`
            case `extension`(TypeReference)
            /// `[type.googleapis.com/pkg.Msg]` (an expanded Any).
            case anyTypeURL(String, location: SourceLocation)
        }

        public var name: Name
        public var value: AggregateValue
        public var location: SourceLocation
    }

    public indirect enum AggregateValue: Sendable, Hashable {
        /// A scalar, string or identifier; never `.aggregate`.
        case scalar(OptionValue, location: SourceLocation)
        /// `{ ... }` or `< ... >`.
        case message([AggregateField], location: SourceLocation)
        /// `[v1, v2]`.
        case list([AggregateValue], location: SourceLocation)
    }
}

// MARK: - Messages

extension AST {
    public struct MessageDeclaration: Sendable, Hashable {
        public var name: Identifier
        public var elements: [MessageElement]
        /// Where the `message` keyword is.
        public var location: SourceLocation
        public var comments: Comments
    }

    public enum MessageElement: Sendable, Hashable {
        case field(FieldDeclaration)
        case map(MapFieldDeclaration)
        case oneof(OneofDeclaration)
        case message(MessageDeclaration)
        case `enum`(EnumDeclaration)
        case extend(ExtendDeclaration)
        case extensions(ExtensionRangeDeclaration)
        case reserved(ReservedDeclaration)
        case option(OptionDeclaration)
        /// `group` fields (proto2 only); parsed so the checker can reject them with
        /// protoc's message.
        case group(GroupDeclaration)
    }

    public enum FieldLabel: Sendable, Hashable {
        case optional
        case required
        case repeated
    }

    public struct FieldDeclaration: Sendable, Hashable {
        /// nil when no label was written (a proto3 singular field).
        public var label: FieldLabel?
        public var labelLocation: SourceLocation?
        /// A scalar keyword (`int32`, `string`, ...) or a message/enum reference.
        public var type: TypeReference
        public var name: Identifier
        public var number: IntegerLiteral
        /// The compact options `[...]` in order, including `default` and `json_name`.
        public var options: [OptionDeclaration]
        /// Where the declaration starts (label or type).
        public var location: SourceLocation
        public var comments: Comments
    }

    public struct MapFieldDeclaration: Sendable, Hashable {
        public var keyType: TypeReference
        public var valueType: TypeReference
        public var name: Identifier
        public var number: IntegerLiteral
        public var options: [OptionDeclaration]
        /// Where the `map` keyword is.
        public var location: SourceLocation
        public var comments: Comments
    }

    public struct GroupDeclaration: Sendable, Hashable {
        public var label: FieldLabel?
        public var name: Identifier
        public var number: IntegerLiteral
        public var elements: [MessageElement]
        public var location: SourceLocation
        public var comments: Comments
        /// The compact options `[...]` written before the body, in order.
        public var options: [OptionDeclaration] = []
    }

    public struct OneofDeclaration: Sendable, Hashable {
        public enum Element: Sendable, Hashable {
            case field(FieldDeclaration)
            case option(OptionDeclaration)
            /// Only so the checker can reject them with protoc's wording.
            case map(MapFieldDeclaration)
            case group(GroupDeclaration)
        }

        public var name: Identifier
        public var elements: [Element]
        public var location: SourceLocation
        public var comments: Comments
    }

    /// `extensions 100 to 199, 500 to max [options];`
    public struct ExtensionRangeDeclaration: Sendable, Hashable {
        public var ranges: [NumberRange]
        public var options: [OptionDeclaration]
        public var location: SourceLocation
        public var comments: Comments
    }

    /// `reserved 2, 15, 9 to 11, 40 to max;` or `reserved "foo", "bar";`
    public struct ReservedDeclaration: Sendable, Hashable {
        public var ranges: [NumberRange]
        public var names: [Identifier]
        public var location: SourceLocation
        public var comments: Comments
    }

    /// `start`, `start to end` or `start to max` (then `end` is nil and `isMax` true).
    public struct NumberRange: Sendable, Hashable {
        public var start: IntegerLiteral
        public var end: IntegerLiteral?
        public var isMax: Bool
        public var location: SourceLocation
    }

    /// `extend Foo { ... }` at file or message level.
    public struct ExtendDeclaration: Sendable, Hashable {
        public var extendee: TypeReference
        public var fields: [FieldDeclaration]
        /// Groups are parsed only to be rejected.
        public var groups: [GroupDeclaration]
        public var location: SourceLocation
        public var comments: Comments
    }
}

// MARK: - Enums and services

extension AST {
    public struct EnumDeclaration: Sendable, Hashable {
        public var name: Identifier
        public var values: [EnumValueDeclaration]
        public var options: [OptionDeclaration]
        public var reserved: [ReservedDeclaration]
        public var location: SourceLocation
        public var comments: Comments
    }

    public struct EnumValueDeclaration: Sendable, Hashable {
        public var name: Identifier
        public var number: IntegerLiteral
        public var options: [OptionDeclaration]
        public var location: SourceLocation
        public var comments: Comments
    }

    public struct ServiceDeclaration: Sendable, Hashable {
        public var name: Identifier
        public var methods: [MethodDeclaration]
        public var options: [OptionDeclaration]
        public var location: SourceLocation
        public var comments: Comments
    }

    public struct MethodDeclaration: Sendable, Hashable {
        public var name: Identifier
        public var inputType: TypeReference
        public var clientStreaming: Bool
        public var outputType: TypeReference
        public var serverStreaming: Bool
        public var options: [OptionDeclaration]
        /// `rpc X(A) returns (B) {}` has a body (protoc then writes an empty `options`
        /// message even with no options); `rpc X(A) returns (B);` has none.
        public var hasBody: Bool
        public var location: SourceLocation
        public var comments: Comments
    }
}
