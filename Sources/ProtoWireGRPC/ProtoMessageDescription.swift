public import ProtoWire

/// A message of a compiled schema as a generated module registry lists it (`messages`):
/// its Swift type, so generic code can decode and encode it by name (a shell reading
/// proto3 JSON for any method), and its fields, so it can describe and complete them.
public struct ProtoMessageDescription: Sendable {
    /// The generated type; `messageType.protoMessageName` is the message's full name.
    public var messageType: any ProtoMessage.Type
    /// In declaration order (oneof members where they are declared).
    public var fields: [ProtoFieldDescription]

    public init(messageType: any ProtoMessage.Type, fields: [ProtoFieldDescription]) {
        self.messageType = messageType
        self.fields = fields
    }

    /// The field whose JSON name or proto name is `name` (JSON input accepts both).
    public func field(named name: String) -> ProtoFieldDescription? {
        fields.first { $0.jsonName == name } ?? fields.first { $0.name == name }
    }
}

/// One field of a `ProtoMessageDescription`.
public struct ProtoFieldDescription: Sendable, Hashable {
    /// What the field's `type` names.
    public enum Kind: Sendable, Hashable {
        /// A scalar: `type` is its proto keyword (`string`, `int64`, `bytes`, …).
        case scalar
        /// `type` is the message's full name (`portico.v1.Money`).
        case message
        /// `type` is the enum's full name (`portico.v1.Role`).
        case `enum`
    }

    /// The name in the `.proto` file (`tenant_id`).
    public var name: String
    /// The proto3 JSON name (`tenantId`).
    public var jsonName: String
    public var number: Int32
    /// The element type as text; for a map, the value type (`keyType` holds the key's).
    public var type: String
    public var kind: Kind
    public var isRepeated: Bool
    /// The key's scalar keyword when the field is a map, nil otherwise.
    public var keyType: String?

    public init(
        name: String, jsonName: String, number: Int32, type: String, kind: Kind = .scalar,
        isRepeated: Bool = false, keyType: String? = nil
    ) {
        self.name = name
        self.jsonName = jsonName
        self.number = number
        self.type = type
        self.kind = kind
        self.isRepeated = isRepeated
        self.keyType = keyType
    }

    public var isMap: Bool { keyType != nil }

    /// The type as a schema would write it: `string`, `repeated portico.v1.Tenant`,
    /// `map<string, int32>`.
    public var typeDescription: String {
        if let keyType { return "map<\(keyType), \(type)>" }
        return isRepeated ? "repeated \(type)" : type
    }
}
