/// A generated protobuf message.
///
/// Generated code implements the requirements with one line per field per pass, calling
/// the `@inlinable` helpers on `SizeCache`, `BinaryWriter`, `BinaryReader`, `JSONWriter`
/// and `JSONReader`; everything else (`serializedBytes()`, `jsonString()`, …) comes from
/// extensions.
public protocol ProtoMessage: Sendable, Hashable {
    init()

    /// The fully qualified proto name, e.g. `"portico.v1.Money"`.
    static var protoMessageName: String { get }

    /// Fields the schema does not know, kept from decoding and re-encoded last.
    var unknownFields: UnknownFields { get set }

    /// Pass 1 of encoding: returns the encoded size of this message's fields (without
    /// its own tag or length prefix), reserving a `SizeCache` slot for every nested
    /// length-delimited value before sizing it.
    func protoComputeSize(_ sizes: inout SizeCache) -> Int

    /// Pass 2 of encoding: writes the fields in field-number order, then unknown fields.
    func protoEncode(to writer: inout BinaryWriter)

    /// Decodes one field whose tag was just read; unknown numbers go to `unknownFields`.
    mutating func protoDecodeField(
        _ tag: FieldTag, from reader: inout BinaryReader
    ) throws(ProtoDecodingError)

    /// Writes the whole message as a JSON value (normally an object).
    func protoEncodeJSON(to writer: inout JSONWriter) throws(ProtoJSONError)

    /// Reads the whole message from a JSON value (normally an object).
    mutating func protoDecodeJSON(from reader: inout JSONReader) throws(ProtoJSONError)

    /// True for the one message whose JSON form can be `null` (`google.protobuf.Value`):
    /// a `null` field value then means "set to null" instead of "unset".
    static var protoJSONNullIsValue: Bool { get }
}

extension ProtoMessage {
    @inlinable
    public static var protoJSONNullIsValue: Bool { false }

    /// `type.googleapis.com/` + the proto name: the URL `Any` uses for this type.
    public static var protoTypeURL: String { "type.googleapis.com/" + protoMessageName }
}
