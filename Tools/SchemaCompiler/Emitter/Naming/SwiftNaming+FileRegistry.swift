/// Names of the per-file message registries (see `FileRegistryGenerator`).
extension SwiftNaming {
    /// Every registry name ends with this, and no generated type name does.
    public static let fileRegistrySuffix = "_ProtoFile"

    /// The registry enum of a proto file: the type prefix, then the path without
    /// `.proto` with its components UpperCamel-joined by `_` as package prefixes are,
    /// then `_ProtoFile` (`portico/v1/common.proto` → `Portico_V1_Common_ProtoFile`).
    ///
    /// Why it cannot collide with a message or enum type: module-level type names are
    /// `sanitizedTypeName(…)`, which escapes every name ending in `_ProtoFile` (to
    /// `…_ProtoFile_`), and the `_` that de-duplication appends cannot recreate the suffix.
    /// So no type name ends in `_ProtoFile` and every registry name does. Two files of
    /// one compilation have different paths; the emitter rejects the rare paths that
    /// still map to one name (`a_b.proto` and `aB.proto`, or `a-b.proto`).
    public static func fileRegistryName(protoPath: String, typePrefix: String) -> String {
        var base = Substring(protoPath)
        if base.hasSuffix(".proto") { base = base.dropLast(".proto".count) }
        // Path components become package-like components; characters a Swift
        // identifier cannot hold separate words, as `_` does.
        let dotted = String(base.map { character -> Character in
            if character == "/" { return "." }
            return character.isASCIIIdentifierCharacter ? character : "_"
        })
        let stem = packagePrefix(dotted)
        return typePrefix + (stem.isEmpty ? "_" : stem) + fileRegistrySuffix.dropFirst()
    }
}

extension Character {
    fileprivate var isASCIIIdentifierCharacter: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self) || self == "_"
    }
}
