/// One message resolved for code generation: its fields (groups dropped: ProtoWire has
/// no group support, so their data lands in unknown fields), its real oneofs and how
/// its fields are stored.
struct MessageModel: Sendable {
    struct Oneof: Sendable {
        let descriptor: OneofDescriptor
        let names: MessageMemberNames.Oneof
        /// Index among the message's real oneofs (the JSON field table's `oneof:`).
        let realIndex: Int
        /// Members in declaration order.
        let members: [FieldModel]
    }

    let entry: SwiftTypeTable.MessageEntry
    /// Fields in declaration order.
    let fields: [FieldModel]
    /// Real oneofs, keyed by their index in `oneofDecls`.
    let oneofs: [Int: Oneof]
    /// Fields live in a copy-on-write `_Storage` class (the message is on a cycle).
    let usesStorage: Bool

    var descriptor: MessageDescriptor { entry.descriptor }
    var swiftName: String { entry.swiftName }

    /// Fields in field-number order, the order of every serialization pass.
    var fieldsByNumber: [FieldModel] { fields.sorted { $0.number < $1.number } }

    init(entry: SwiftTypeTable.MessageEntry, types: SwiftTypeTable) throws(SwiftEmitterError) {
        self.entry = entry
        var fields: [FieldModel] = []
        for (field, names) in zip(entry.descriptor.fields, entry.members.fields) where field.type != .group {
            fields.append(try FieldModel(field, names: names, types: types))
        }
        self.fields = fields
        var oneofs: [Int: Oneof] = [:]
        var realIndex = 0
        for (index, names) in entry.members.oneofs.enumerated() {
            guard let names else { continue }
            let members = fields.filter { $0.shape == .oneofMember(index: index) }
            oneofs[index] = Oneof(descriptor: entry.descriptor.oneofDecls[index], names: names,
                                  realIndex: realIndex, members: members)
            realIndex += 1
        }
        self.oneofs = oneofs
        usesStorage = types.usesStorage(entry.protoFullName)
    }

    /// The oneof a field belongs to, if any.
    func oneof(of field: FieldModel) -> Oneof? {
        guard case .oneofMember(let index) = field.shape else { return nil }
        return oneofs[index]
    }

    /// How the serialization passes reach a field's stored value: through the `storage`
    /// local for storage-backed messages, the `_name` optional for presence fields, else
    /// the property itself.
    func storedValue(_ field: FieldModel) -> String {
        if usesStorage { return "storage." + field.names.storage }
        return field.hasPrivateStorage ? field.names.storage : Self.reference(field.names.property)
    }

    /// How the passes reach a oneof's stored case.
    func storedValue(_ oneof: Oneof) -> String {
        usesStorage ? "storage." + Self.storageName(oneof) : Self.reference(oneof: oneof.names.property)
    }

    /// Names the generated methods bind locally (parameters, `size`, `storage`,
    /// `cursor`, `number`): a field property spelled bare would be shadowed.
    static let localNames: Set<String> = [
        "size", "sizes", "storage", "writer", "reader", "tag", "cursor", "number",
    ]

    /// A field property as generated code spells it: `self.` in front when a local of a
    /// generated method could shadow it.
    static func reference(_ property: String) -> String {
        let name = SwiftNaming.unquoted(property)
        return localNames.contains(name) ? "self." + name : property
    }

    /// A oneof property as generated code spells it: oneofs are also read next to the
    /// `value` bound from a case and assigned from a setter's `newValue`.
    static func reference(oneof property: String) -> String {
        let name = SwiftNaming.unquoted(property)
        return localNames.contains(name) || name == "value" || name == "newValue" ? "self." + name : property
    }

    /// The `_Storage` variable of a oneof.
    static func storageName(_ oneof: Oneof) -> String {
        "_" + SwiftNaming.unquoted(oneof.names.property)
    }
}
