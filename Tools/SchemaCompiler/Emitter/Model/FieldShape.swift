/// How a field is represented in Swift, decided from its label, type and oneof.
enum FieldShape: Sendable, Hashable {
    /// Implicit presence (proto3 scalars, strings, bytes, enums): a plain stored value.
    case singular
    /// Explicit presence (message fields, proto3 `optional`): `_name: T?` plus
    /// `name`/`hasName`/`clearName`.
    case optional
    /// `repeated` (not a map): `[T]`.
    case repeated
    /// `map<K, V>`: `[K: V]`; `entry` is the generated map-entry message.
    case map(entry: MessageDescriptor)
    /// A member of the real oneof at `index` in the message's `oneofDecls`.
    case oneofMember(index: Int)

    /// Whether the field gets the `_name`/`hasName`/`clearName` members.
    static func hasExplicitPresence(_ field: FieldDescriptor) -> Bool {
        guard field.label != .repeated, !isRealOneofMember(field) else { return false }
        return field.type == .message || field.type == .group || field.proto3Optional == true
    }

    /// A member of a oneof written in the schema (not the synthetic `_name` oneof of a
    /// proto3 `optional` field).
    static func isRealOneofMember(_ field: FieldDescriptor) -> Bool {
        field.oneofIndex != nil && field.proto3Optional != true
    }
}
