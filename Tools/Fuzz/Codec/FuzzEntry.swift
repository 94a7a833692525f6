// The libFuzzer entry point for ProtoWire. Every input is tried as protobuf binary and,
// when it is UTF-8, as proto3 JSON, against each fuzzed message type. Decoding may
// reject an input (that is its job); anything it accepts must survive a round trip, and
// a violated property traps so libFuzzer records the input as a crash.

#if canImport(Glibc)
import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let text = String(validating: bytes, as: UTF8.self)
    var accepted: [String] = []
    for type in FuzzedMessages.types {
        if RoundTrip.checkBinary(type, bytes) {
            accepted.append("binary " + type.protoMessageName)
        }
        if let text, RoundTrip.checkJSON(type, text) {
            accepted.append("JSON " + type.protoMessageName)
        }
    }
    if verbose {
        print("accepted as: " + (accepted.isEmpty ? "nothing" : accepted.joined(separator: ", ")))
    }
    return 0
}

/// `PORTICO_FUZZ_VERBOSE=1 fuzz-protowire FILE...` prints which decoders accepted each
/// input: a check that the seeds reach the decoders they were written for.
private let verbose = getenv("PORTICO_FUZZ_VERBOSE") != nil
