/// A message's JSON field names, generated once per message type as a static table.
///
/// Lookup accepts both the json_name and the .proto name; duplicate and oneof checks
/// work on the field, so `{"byId":…, "by_id":…}` is a duplicate.
public struct JSONFieldTable: Sendable {
    public struct Field: Sendable {
        public let number: Int
        public let jsonName: String
        public let protoName: String
        /// Index of the containing oneof within the message (real oneofs only).
        public let oneof: Int?
        /// For a oneof member: JSON `null` is a value of its type (`google.protobuf.Value`,
        /// `NullValue`) and selects the member, instead of being skipped.
        public let nullIsValue: Bool

        public init(_ number: Int, _ jsonName: String, _ protoName: String, oneof: Int? = nil, nullIsValue: Bool = false) {
            self.number = number
            self.jsonName = jsonName
            self.protoName = protoName
            self.oneof = oneof
            self.nullIsValue = nullIsValue
        }
    }

    @usableFromInline
    let fields: [Field]
    @usableFromInline
    let indexByName: [String: Int]

    public init(_ fields: [Field]) {
        self.fields = fields
        var indexByName: [String: Int] = [:]
        for (index, field) in fields.enumerated() {
            indexByName[field.jsonName] = index
            indexByName[field.protoName] = index
        }
        self.indexByName = indexByName
    }
}

/// Progress through one JSON object being decoded as a message.
public struct JSONObjectCursor {
    @usableFromInline
    let table: JSONFieldTable
    @usableFromInline
    var isFirst = true
    @usableFromInline
    var skipsTypeKey: Bool
    /// Fields seen so far, by table index: a bit set for the first 64, then a set.
    @usableFromInline
    var seenLow: UInt64 = 0
    @usableFromInline
    var seenHigh: Set<Int> = []
    @usableFromInline
    var oneofsSeen: Set<Int> = []

    @usableFromInline
    init(table: JSONFieldTable, skipsTypeKey: Bool) {
        self.table = table
        self.skipsTypeKey = skipsTypeKey
    }

    /// Marks a field as seen; false if it already was.
    @usableFromInline
    mutating func markSeen(_ index: Int) -> Bool {
        if index < 64 {
            let bit: UInt64 = 1 << UInt64(index)
            defer { seenLow |= bit }
            return seenLow & bit == 0
        }
        return seenHigh.insert(index).inserted
    }
}
