/// The linker's working tree: one reference-type node per definition, holding both
/// what the AST said (with positions for diagnostics) and what linking has worked out
/// so far. Nodes never leave the linker; `Linker+Output.swift` turns them into the
/// resolved descriptors.

final class FileNode {
    let ast: AST.File
    var path: String { ast.path }
    var isProto3 = false
    /// The package, "" when the file has none.
    var package = ""
    var packageDeclaration: AST.PackageDeclaration?
    var imports: [AST.ImportDeclaration] = []
    var options: [AST.OptionDeclaration] = []
    var messages: [MessageNode] = []
    var enums: [EnumNode] = []
    var services: [ServiceNode] = []
    var extensions: [FieldNode] = []
    var headerComments: Comments = .none

    /// Files whose symbols this file may use: itself, its imports, and whatever those
    /// import publicly (transitively).
    var visibleFiles: Set<String> = []
    /// Direct imports not yet used by any lookup (for the unused-import warning).
    var unusedImports: Set<String> = []
    var encodedOptions: [UInt8]?
    var optimizeForLite = false
    var hasGenericServices = false

    init(ast: AST.File) {
        self.ast = ast
    }

    /// protoc's scope string for top-level elements: the package, or "".
    var scope: String { package }
}

final class MessageNode {
    let name: AST.Identifier
    /// Without leading dot.
    let fullName: String
    let file: FileNode
    weak var parent: MessageNode?
    var location: SourceLocation
    var comments: Comments = .none
    var fields: [FieldNode] = []
    var nested: [MessageNode] = []
    var enums: [EnumNode] = []
    var extensions: [FieldNode] = []
    var oneofs: [OneofNode] = []
    var extensionRanges: [RangeNode] = []
    var reservedRanges: [RangeNode] = []
    var reservedNames: [AST.Identifier] = []
    var options: [AST.OptionDeclaration] = []
    /// Set for the entry type the linker generates for a `map<K, V>` field.
    var generatedForMapField: FieldNode?
    /// A group's field (proto2): the message is the group's body.
    var isGroupBody = false

    var encodedOptions: [UInt8]?
    var isMapEntry = false
    var isDeprecated = false

    init(name: AST.Identifier, fullName: String, file: FileNode, parent: MessageNode?, location: SourceLocation) {
        self.name = name
        self.fullName = fullName
        self.file = file
        self.parent = parent
        self.location = location
    }
}

final class FieldNode {
    let name: AST.Identifier
    let fullName: String
    let file: FileNode
    /// The message declaring the field (for extensions: the message the `extend`
    /// block sits in, or nil at file level).
    weak var parent: MessageNode?
    var location: SourceLocation
    var comments: Comments = .none
    var number: Int32 = 0
    var numberLocation: SourceLocation
    var declaredLabel: AST.FieldLabel?
    var labelLocation: SourceLocation?
    var label: FieldDescriptor.Label = .optional
    var typeReference: AST.TypeReference
    /// Known from the keyword for scalars; set by cross-linking otherwise.
    var type: FieldDescriptor.FieldType?
    /// Fully qualified, with a leading dot, after cross-linking.
    var typeName: String?
    var extendee: AST.TypeReference?
    var extendeeName: String?
    var oneofIndex: Int?
    var isProto3Optional = false
    /// Options to interpret: everything except `default` and `json_name`.
    var options: [AST.OptionDeclaration] = []
    var jsonNameOption: AST.OptionDeclaration?
    var jsonName: String?
    var defaultOption: AST.OptionDeclaration?
    var defaultValue: String?
    /// For a `map<K, V>` field: the declaration (key type checks point at it).
    var mapDeclaration: AST.MapFieldDeclaration?
    var isGroup = false

    var resolvedMessage: MessageNode?
    var resolvedEnum: EnumNode?
    var extendeeMessage: MessageNode?
    var encodedOptions: [UInt8]?
    var isPacked = false
    var isDeprecated = false
    var packedOption: Bool?

    var isExtension: Bool { extendee != nil }

    init(name: AST.Identifier, fullName: String, file: FileNode, parent: MessageNode?,
         location: SourceLocation, numberLocation: SourceLocation, typeReference: AST.TypeReference) {
        self.name = name
        self.fullName = fullName
        self.file = file
        self.parent = parent
        self.location = location
        self.numberLocation = numberLocation
        self.typeReference = typeReference
    }
}

final class OneofNode {
    let name: String
    let location: SourceLocation
    var comments: Comments = .none
    var options: [AST.OptionDeclaration] = []
    var isSynthetic = false
    var fieldCount = 0
    var encodedOptions: [UInt8]?

    init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }
}

/// A message reserved or extension range, end exclusive; or an enum reserved
/// range, end inclusive.
final class RangeNode {
    var start: Int32
    var end: Int32
    let location: SourceLocation
    var options: [AST.OptionDeclaration] = []
    var encodedOptions: [UInt8]?

    init(start: Int32, end: Int32, location: SourceLocation) {
        self.start = start
        self.end = end
        self.location = location
    }
}

final class EnumNode {
    let name: AST.Identifier
    let fullName: String
    let file: FileNode
    weak var parent: MessageNode?
    let declaration: AST.EnumDeclaration
    var values: [EnumValueNode] = []
    var reservedRanges: [RangeNode] = []
    var reservedNames: [AST.Identifier] = []
    var encodedOptions: [UInt8]?
    var allowsAlias = false

    init(declaration: AST.EnumDeclaration, fullName: String, file: FileNode, parent: MessageNode?) {
        self.name = declaration.name
        self.fullName = fullName
        self.file = file
        self.parent = parent
        self.declaration = declaration
    }
}

final class EnumValueNode {
    let declaration: AST.EnumValueDeclaration
    let fullName: String
    var number: Int32 = 0
    var encodedOptions: [UInt8]?
    var isDeprecated = false
    unowned let enumNode: EnumNode

    init(declaration: AST.EnumValueDeclaration, fullName: String, enumNode: EnumNode) {
        self.declaration = declaration
        self.fullName = fullName
        self.enumNode = enumNode
    }

    var name: String { declaration.name.text }
}

final class ServiceNode {
    let declaration: AST.ServiceDeclaration
    let fullName: String
    let file: FileNode
    var methods: [MethodNode] = []
    var encodedOptions: [UInt8]?

    init(declaration: AST.ServiceDeclaration, fullName: String, file: FileNode) {
        self.declaration = declaration
        self.fullName = fullName
        self.file = file
    }
}

final class MethodNode {
    let declaration: AST.MethodDeclaration
    let fullName: String
    var inputType = ""
    var outputType = ""
    var encodedOptions: [UInt8]?

    init(declaration: AST.MethodDeclaration, fullName: String) {
        self.declaration = declaration
        self.fullName = fullName
    }
}
