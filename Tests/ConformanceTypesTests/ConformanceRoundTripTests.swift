import ConformanceTypes
import Foundation
import ProtoWire
import TestSupport
import Testing

/// Every message type of every conformance case, found through the generated registries,
/// round-trips between Python's protobuf runtime and schemac's generated code.
///
/// Python (`conformance_harness.py generate`) writes deterministic random messages of each
/// type as binary and JSON. Swift decodes each binary and must re-encode the same bytes;
/// decodes the JSON into the same message (same bytes, and `==` unless a NaN may be
/// inside); then writes its bytes and JSON back, and Python (`check`) must parse both into
/// the message it generated, with Swift's JSON equal to its own as JSON values.
@Suite("Conformance round trip with Python protobuf")
struct ConformanceRoundTripTests {
    /// `PORTICO_CONFORMANCE_SEED` overrides the seed, to search for failures.
    static let seed = ProcessInfo.processInfo.environment["PORTICO_CONFORMANCE_SEED"].flatMap { Int($0) } ?? 20_261_129

    @Test func everyMessageTypeRoundTrips() async throws {
        let harness = try ConformanceHarness()
        try await withTemporaryDirectory { directory in
            let pythonRoot = directory.appending(path: "python")
            let swiftRoot = directory.appending(path: "swift")
            let manifest = try await harness.generate(seed: Self.seed, into: pythonRoot)
            #expect(Set(manifest.cases.keys) == Set(ConformanceCase.all.map(\.name)))
            var messageCount = 0
            for conformanceCase in ConformanceCase.all {
                let entries = manifest.cases[conformanceCase.name] ?? [:]
                let swiftNames = conformanceCase.messageTypes.map { $0.protoMessageName }
                #expect(Set(swiftNames) == Set(entries.keys), "case \(conformanceCase.name): registries vs Python's types")
                let registry = ProtoTypeRegistry(conformanceCase.messageTypes)
                for type in conformanceCase.messageTypes {
                    guard let entry = entries[type.protoMessageName] else { continue }
                    let exchange = Exchange(
                        label: "\(conformanceCase.name) \(type.protoMessageName)",
                        python: MessageFolder(pythonRoot, caseName: conformanceCase.name, messageName: type.protoMessageName),
                        swift: MessageFolder(swiftRoot, caseName: conformanceCase.name, messageName: type.protoMessageName),
                        registry: registry)
                    exchange.roundTrip(type, entry: entry)
                    messageCount += entry.count
                }
            }
            let typeCount = manifest.cases.values.map(\.count).reduce(0, +)
            let report = try await harness.check(python: pythonRoot, swift: swiftRoot)
            #expect(report.exitCode == 0, "\(report.output)")
            #expect(report.output.hasSuffix(
                "checked \(messageCount) messages of \(typeCount) types in \(manifest.cases.count) cases, 0 mismatches\n"))
        }
    }
}

/// The messages of one type: Python's files in, Swift's files out.
struct Exchange {
    let label: String
    let python: MessageFolder
    let swift: MessageFolder
    /// The case's message types, for the payloads of `google.protobuf.Any`.
    let registry: ProtoTypeRegistry

    func roundTrip<M: ProtoMessage>(_ type: M.Type, entry: Manifest.Entry) {
        for index in 0..<entry.count {
            do {
                try roundTrip(M.self, index, mayHoldNaN: entry.nan.contains(index))
            } catch {
                let bytes = (try? python.binary(index)) ?? []
                Issue.record("\(label) #\(index): \(error)\nPython's bytes (\(bytes.count)): \(hexString(Array(bytes.prefix(512))))")
            }
        }
    }

    private func roundTrip<M: ProtoMessage>(_ type: M.Type, _ index: Int, mayHoldNaN: Bool) throws {
        let bytes = try python.binary(index)
        let fromBinary = try M(serializedBytes: bytes)
        let reencoded = fromBinary.serializedBytes()
        #expect(reencoded == bytes, "\(label) #\(index): re-encoded bytes differ: \(firstDifference(reencoded, bytes))")
        try swift.write(index, binary: reencoded)

        let json = try python.json(index)
        let fromJSON: M
        do {
            fromJSON = try M(jsonString: json, options: JSONDecodingOptions(typeRegistry: registry))
        } catch {
            Issue.record("\(label) #\(index): Python's JSON does not decode: \(error)\n\(json)")
            return
        }
        let fromJSONBytes = fromJSON.serializedBytes()
        #expect(fromJSONBytes == bytes, "\(label) #\(index): decoded from JSON, encodes differently: \(firstDifference(fromJSONBytes, bytes))\n\(json)")
        if !mayHoldNaN {
            #expect(fromJSON == fromBinary, "\(label) #\(index): decoded from JSON != decoded from binary\n\(json)")
        }
        try swift.write(index, json: try fromBinary.jsonString(options: JSONEncodingOptions(typeRegistry: registry)))
    }
}

/// Where two byte strings first differ, for failure messages.
func firstDifference(_ actual: [UInt8], _ expected: [UInt8]) -> String {
    guard actual != expected else { return "equal" }
    let offset = zip(actual, expected).prefix { $0 == $1 }.count
    let window = { (bytes: [UInt8]) in hexString(Array(bytes[offset..<min(bytes.count, offset + 16)])) }
    return "\(actual.count) bytes vs \(expected.count) expected; first difference at \(offset): "
        + "\(window(actual)) vs \(window(expected))"
}

func hexString(_ bytes: [UInt8]) -> String {
    bytes.map { byte in byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined()
}
