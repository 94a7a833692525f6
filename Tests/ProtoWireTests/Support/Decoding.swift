import ProtoWire
import Testing

/// Decodes `bytes` as `M` and returns the decoding error's code, or nil on success.
func decodingErrorCode<M: ProtoMessage>(
    _ type: M.Type, _ bytes: [UInt8], options: BinaryDecodingOptions = .init()
) -> ProtoDecodingError.Code? {
    do {
        _ = try M(serializedBytes: bytes, options: options)
        return nil
    } catch {
        return error.code
    }
}

/// Decodes `json` as `M` and returns the error's code, or nil on success.
func jsonErrorCode<M: ProtoMessage>(
    _ type: M.Type, _ json: String, options: JSONDecodingOptions = .init()
) -> ProtoJSONError.Code? {
    do {
        _ = try M(jsonString: json, options: options)
        return nil
    } catch {
        return error.code
    }
}
