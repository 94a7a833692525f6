// The libFuzzer entry point for ProtoWire. Every input is tried as protobuf binary and,
// when it is UTF-8, as proto3 JSON, against each fuzzed message type. Decoding may
// reject an input (that is its job); anything it accepts must survive a round trip, and
// a violated property traps so libFuzzer records the input as a crash.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let text = String(validating: bytes, as: UTF8.self)
    for type in FuzzedMessages.types {
        RoundTrip.checkBinary(type, bytes)
        if let text {
            RoundTrip.checkJSON(type, text)
        }
    }
    return 0
}
