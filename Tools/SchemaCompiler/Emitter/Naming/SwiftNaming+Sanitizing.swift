/// Escaping of generated names that would not compile or would shadow something.
extension SwiftNaming {
    /// A type name that is safe as a Swift type declaration and reference: names that
    /// are keywords, common standard-library / ProtoWire types or generated members
    /// get a trailing `_`. A name already ending in `_` is escaped as its stem plus `_`,
    /// so `Type` → `Type_` and `Type_` → `Type__` never meet. Names ending in
    /// `_ProtoFile` are escaped too: that suffix belongs to file registries (see
    /// `fileRegistryName`).
    public static func sanitizedTypeName(_ name: String) -> String {
        if SwiftKeywords.reservedTypeNames.contains(name) || isAllUnderscores(name)
            || name.hasSuffix(fileRegistrySuffix) {
            return name + "_"
        }
        if name.hasSuffix("_") {
            return sanitizedTypeName(String(name.dropLast())) + "_"
        }
        return name
    }

    /// A stored or computed property name for a message field or oneof: generated
    /// member names get a trailing `_`, as do names that look like a generated
    /// `hasX`/`clearX` accessor; other keywords are backticked.
    public static func sanitizedPropertyName(_ name: String) -> String {
        needsSuffix(name, isReserved: isReservedPropertyName) ? name + "_" : quotedIfKeyword(name)
    }

    /// An enum case name: enum members (`rawValue`, `allCases`, `unrecognized`, …) get
    /// a trailing `_`, keywords are backticked.
    public static func sanitizedEnumCaseName(_ name: String) -> String {
        needsSuffix(name, isReserved: isReservedEnumCaseName) ? name + "_" : quotedIfKeyword(name)
    }

    /// A name needs the `_` suffix when it is reserved, or when it is a reserved name
    /// plus underscores (`self_` → `self__`, so it cannot meet the escaped `self`).
    private static func needsSuffix(_ name: String, isReserved: (String) -> Bool) -> Bool {
        if isReserved(name) { return true }
        guard name.hasSuffix("_"), name.count > 1 else { return false }
        return needsSuffix(String(name.dropLast()), isReserved: isReserved)
    }

    private static func isReservedPropertyName(_ name: String) -> Bool {
        SwiftKeywords.messageMemberNames.contains(name) || isAllUnderscores(name)
            || looksLikeAccessor(name, prefix: "has") || looksLikeAccessor(name, prefix: "clear")
    }

    private static func isReservedEnumCaseName(_ name: String) -> Bool {
        SwiftKeywords.enumMemberNames.contains(name) || isAllUnderscores(name)
    }

    /// `hasFoo`, `clearFoo`: names that could collide with a presence accessor.
    private static func looksLikeAccessor(_ name: String, prefix: String) -> Bool {
        guard name.hasPrefix(prefix) else { return false }
        let rest = name.dropFirst(prefix.count)
        guard let next = rest.first else { return false }
        return ("A"..."Z").contains(next)
    }
}

/// Strips an enum's name from the front of its value names, ignoring case and
/// underscores (`Status` strips `STATUS_OPEN` to `OPEN`), as swift-protobuf does.
struct EnumPrefixStripper {
    private let prefix: [Character]

    init(enumName: String) {
        prefix = Array(enumName.lowercased().filter { $0 != "_" })
    }

    /// The value name without the prefix, or nil when it does not start with the
    /// prefix, is nothing but the prefix, or would not start with a letter.
    func strip(_ valueName: String) -> String? {
        let characters = Array(valueName)
        var index = 0
        var matched = 0
        while matched < prefix.count {
            guard index < characters.count else { return nil }
            if characters[index] == "_" {
                index += 1
                continue
            }
            guard Character(characters[index].lowercased()) == prefix[matched] else { return nil }
            index += 1
            matched += 1
        }
        while index < characters.count && characters[index] == "_" { index += 1 }
        guard index < characters.count, characters[index].isLetter else { return nil }
        return String(characters[index...])
    }
}
