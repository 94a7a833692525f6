/// The Swift names of one message's generated members, chosen once so every generator
/// (and every reference from another message) agrees.
struct MessageMemberNames: Sendable, Hashable {
    /// Names of one field's members. `has`/`clear` exist only for fields with explicit
    /// presence; `storage` is the private `_name` of presence and deprecated fields and
    /// the variable of any field in a `_Storage` class.
    struct Field: Sendable, Hashable {
        /// The public property (backticked when it is a keyword).
        var property: String
        /// `_` + property.
        var storage: String
        var has: String
        var clear: String
    }

    struct Oneof: Sendable, Hashable {
        /// The stored property holding the selected case.
        var property: String
        /// The nested enum type: `OneOf_` + UpperCamel oneof name.
        var enumType: String
    }

    /// Parallel to `MessageDescriptor.fields`.
    var fields: [Field]
    /// Parallel to `MessageDescriptor.oneofDecls`; nil for synthetic oneofs.
    var oneofs: [Oneof?]
    /// Every member name taken (unquoted), which nested types must avoid.
    var taken: Set<String>

    /// Allocates names in declaration order (fields, then oneofs); a name that is already
    /// taken gets `_` appended until it is free, so the result never collides.
    init(message: MessageDescriptor) {
        var taken = SwiftKeywords.messageMemberNames.union(["_Storage"])
        fields = message.fields.map { field in
            Self.allocateField(field, hasPresence: FieldShape.hasExplicitPresence(field), taken: &taken)
        }
        oneofs = message.oneofDecls.map { oneof in
            oneof.isSynthetic ? nil : Self.allocateOneof(oneof, taken: &taken)
        }
        self.taken = taken
    }

    private static func allocateField(
        _ field: FieldDescriptor, hasPresence: Bool, taken: inout Set<String>
    ) -> Field {
        var base = SwiftNaming.unquoted(SwiftNaming.sanitizedPropertyName(SwiftNaming.lowerCamelCase(field.name)))
        while true {
            let names = Field(
                property: SwiftNaming.quotedIfKeyword(base),
                storage: "_" + base,
                has: "has" + SwiftNaming.uppercasingFirst(base),
                clear: "clear" + SwiftNaming.uppercasingFirst(base)
            )
            var wanted = hasPresence ? [base, names.storage, names.has, names.clear] : [base]
            if field.isDeprecated && !hasPresence { wanted.append(names.storage) }
            if wanted.allSatisfy({ !taken.contains($0) }) {
                taken.formUnion(wanted)
                return names
            }
            base += "_"
        }
    }

    private static func allocateOneof(_ oneof: OneofDescriptor, taken: inout Set<String>) -> Oneof {
        var base = SwiftNaming.unquoted(SwiftNaming.sanitizedPropertyName(SwiftNaming.lowerCamelCase(oneof.name)))
        while taken.contains(base) { base += "_" }
        taken.insert(base)
        var enumType = "OneOf_" + SwiftNaming.upperCamelCase(oneof.name)
        while taken.contains(enumType) { enumType += "_" }
        taken.insert(enumType)
        return Oneof(property: SwiftNaming.quotedIfKeyword(base), enumType: enumType)
    }
}
