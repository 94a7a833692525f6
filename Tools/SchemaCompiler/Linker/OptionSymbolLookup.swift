/// What option interpretation needs from the linker's symbol table.
///
/// The linker implements it once every type of every file is linked; the options
/// interpreter uses it to resolve `(extension)` names, `[pkg.ext]` / Any URLs inside
/// aggregate values, and to read the (linked) `*Options` messages it encodes into.
public protocol OptionSymbolLookup {
    /// Resolves an extension name as written in `(...)` (relative, or absolute with a
    /// leading dot) with protoc's resolution rules, as seen from `file` (only symbols
    /// visible through that file's imports, incl. `import public` chains). `scope` is
    /// protoc's name scope: the full name, with a leading dot, of the element whose
    /// options are interpreted (".pkg.Msg" for a message's options, ".pkg.Msg.field"
    /// for a field's; the linker passes ".pkg._" for file options); the search starts
    /// in its parent. Inside an aggregate value of message type `.pkg.Limit`, pass
    /// ".pkg.Limit".
    func resolveExtension(_ name: String, from scope: String, file: String) -> ExtensionLookup
    /// A linked message (fields resolved: typeName filled, fullName set) by fully
    /// qualified name with leading dot, e.g. ".google.protobuf.FieldOptions".
    func message(named fullName: String) -> MessageDescriptor?
    /// A linked enum by fully qualified name with leading dot.
    func enumType(named fullName: String) -> EnumDescriptor?
    /// Resolves a type name (for `[pkg.Type]` / Any URLs in aggregates) like a field
    /// type is resolved.
    func resolveType(_ name: String, from scope: String, file: String) -> TypeLookup
}

/// The outcome of looking up an extension name for an option.
public enum ExtensionLookup: Sendable, Hashable {
    /// The extension, with `extendee` and `typeName` (fully qualified) filled in.
    case found(FieldDescriptor)
    case notFound
    /// The name resolved to something else; `kind` is protoc's word for it
    /// ("message", "field", "enum", "enum value", "package", "service", "method",
    /// "oneof").
    case notAnExtension(kind: String)
    /// The extension exists but its file is not imported by the file that uses it.
    case notVisible(definedIn: String)
}

/// The outcome of looking up a type name.
public enum TypeLookup: Sendable, Hashable {
    /// A message, by fully qualified name with a leading dot.
    case message(String)
    /// An enum, by fully qualified name with a leading dot.
    case enumType(String)
    case notFound
    /// The name resolved to something that is not a type (protoc's word for it).
    case other(kind: String)
}
