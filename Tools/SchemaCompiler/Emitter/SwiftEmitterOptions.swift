/// How `SwiftEmitter` writes its output, parsed from `--swift_opt=Key=Value` pairs.
///
/// Keys (case-sensitive, as swift-protobuf spells its own options):
/// - `Visibility=Public|Internal|Package` (default `Public`): access level of generated
///   declarations.
/// - `FileNaming=FullPath|PathToUnderscores|DropPath` (default `FullPath`): how a
///   `.proto` path becomes a `.swift` path.
/// - `ModuleMapping=<proto path>=<Swift module>` (repeatable): the module that holds the
///   generated code of a proto file, so other modules' files get an `import`.
/// - `TypePrefix=<identifier>`: prepended to every top-level type name.
/// - `FilePrefix=<text>`: prepended to every generated file's name (Swift rejects two
///   files with the same name in one module, e.g. several schemas' `main.proto`).
/// - `EmitWellKnownTypes=true|false` (default `false`): also emit `google/protobuf/*`
///   files, which ProtoWire normally provides.
/// - `ModuleRegistry=<identifier>`: also write `<identifier>.swift`, an enum describing
///   the whole compilation (services, file descriptors, symbols, extensions; see
///   `ModuleRegistryGenerator`).
/// - `MethodOptionTable=<extension full name>` (repeatable, needs `ModuleRegistry`):
///   adds to the registry a table from each method's descriptor to the value of that
///   custom method option, as the option's generated message type.
public struct SwiftEmitterOptions: Sendable, Hashable {
    /// The access level written on generated declarations.
    public enum Visibility: String, Sendable, Hashable, CaseIterable {
        case `public` = "Public"
        case `internal` = "Internal"
        case `package` = "Package"

        /// The keyword with a trailing space, or nothing for `internal`.
        var declarationPrefix: String {
            switch self {
            case .public: "public "
            case .internal: ""
            case .package: "package "
            }
        }
    }

    /// How a `.proto` path maps to the generated `.swift` path.
    public enum FileNaming: String, Sendable, Hashable, CaseIterable {
        /// `portico/v1/common.proto` → `portico/v1/common.pb.swift`.
        case fullPath = "FullPath"
        /// `portico/v1/common.proto` → `portico_v1_common.pb.swift`, unique in one folder.
        case pathToUnderscores = "PathToUnderscores"
        /// `portico/v1/common.proto` → `common.pb.swift`.
        case dropPath = "DropPath"
    }

    public var visibility: Visibility = .public
    /// Proto file path (as imported) → name of the Swift module holding its types.
    public var moduleMappings: [String: String] = [:]
    public var fileNaming: FileNaming = .fullPath
    /// Prepended to every top-level Swift type name (lets many independent schemas share
    /// one module without clashes).
    public var typePrefix: String? = nil
    /// Prepended to the name (not the folder) of every generated file.
    public var filePrefix: String = ""
    /// Emit `google/protobuf/*.proto` files too (used to regenerate ProtoWire's own
    /// well-known types).
    public var emitWellKnownTypes: Bool = false
    /// Name of the registry enum (and its file), when one is wanted.
    public var moduleRegistry: String? = nil
    /// Full names (no leading dot) of method options the registry tabulates.
    public var methodOptionTables: [String] = []

    public init() {}

    /// Parses `--swift_opt` pairs; throws on an unknown key or a malformed value.
    public init(parameters: [(String, String)]) throws(SwiftEmitterError) {
        for (key, value) in parameters {
            try apply(key: key, value: value)
        }
        if !methodOptionTables.isEmpty && moduleRegistry == nil {
            throw SwiftEmitterError("swift_opt MethodOptionTable needs swift_opt ModuleRegistry: the table is part of the registry")
        }
    }

    private mutating func apply(key: String, value: String) throws(SwiftEmitterError) {
        switch key {
        case "Visibility":
            visibility = try Self.parseEnum(key: key, value: value)
        case "FileNaming":
            fileNaming = try Self.parseEnum(key: key, value: value)
        case "ModuleMapping":
            guard let separator = value.lastIndex(of: "="),
                  !value[..<separator].isEmpty, !value[value.index(after: separator)...].isEmpty
            else {
                throw SwiftEmitterError("invalid value '\(value)' for swift_opt ModuleMapping; expected <proto path>=<module>")
            }
            moduleMappings[String(value[..<separator])] = String(value[value.index(after: separator)...])
        case "TypePrefix":
            guard SwiftNaming.isIdentifier(value) else {
                throw SwiftEmitterError("invalid value '\(value)' for swift_opt TypePrefix; expected a Swift identifier")
            }
            typePrefix = value
        case "FilePrefix":
            guard !value.contains("/") else {
                throw SwiftEmitterError("invalid value '\(value)' for swift_opt FilePrefix; expected a file name prefix without '/'")
            }
            filePrefix = value
        case "EmitWellKnownTypes":
            guard let flag = Bool(value) else {
                throw SwiftEmitterError("invalid value '\(value)' for swift_opt EmitWellKnownTypes; expected true or false")
            }
            emitWellKnownTypes = flag
        case "ModuleRegistry":
            guard SwiftNaming.isIdentifier(value) else {
                throw SwiftEmitterError("invalid value '\(value)' for swift_opt ModuleRegistry; expected a Swift identifier")
            }
            moduleRegistry = value
        case "MethodOptionTable":
            let name = value.hasPrefix(".") ? String(value.dropFirst()) : value
            guard !name.isEmpty, name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(SwiftNaming.isProtoIdentifier) else {
                throw SwiftEmitterError("invalid value '\(value)' for swift_opt MethodOptionTable; expected the full name of an extension, e.g. pkg.option")
            }
            methodOptionTables.append(name)
        default:
            throw SwiftEmitterError("unknown swift_opt '\(key)'")
        }
    }

    private static func parseEnum<Choice: RawRepresentable<String> & CaseIterable>(
        key: String, value: String
    ) throws(SwiftEmitterError) -> Choice {
        if let choice = Choice.allCases.first(where: { $0.rawValue.lowercased() == value.lowercased() }) {
            return choice
        }
        let expected = Choice.allCases.map(\.rawValue).joined(separator: ", ")
        throw SwiftEmitterError("invalid value '\(value)' for swift_opt \(key); expected one of \(expected)")
    }
}

/// An error the Swift emitter reports (bad options, or a schema it cannot express).
public struct SwiftEmitterError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
