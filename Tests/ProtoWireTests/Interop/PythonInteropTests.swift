import Foundation
import ProtoWire
import TestSupport
import Testing

/// Wire interop with Python's protobuf runtime, on random messages of
/// `Tests/Interop/interop.proto` (`AllFields`: a field of every kind).
///
/// Messages are compared through their binary encoding, not with `==`: a message holding
/// NaN is never equal to itself, and both sides write canonical bytes (fields in number
/// order, packed repeated scalars, map entries sorted by key). JSON text is compared by
/// the harness (`harness.py check`): both JSON documents are parsed and compared as
/// values, objects as unordered maps and numbers by value (the same double with the same
/// sign of zero, or failing that the same float32, since float fields may be printed with
/// different digits); the exact check is that Python parses Swift's JSON into the same
/// bytes.
@Suite("Wire interop with Python protobuf")
struct PythonInteropTests {
    /// Fixed so failures reproduce; PORTICO_INTEROP_SEED and PORTICO_INTEROP_COUNT explore
    /// other messages (`PORTICO_INTEROP_SEED=7 Tools/test --filter PythonInteropTests`).
    static let seed = environmentInteger("PORTICO_INTEROP_SEED") ?? 20_261_129
    static let count = environmentInteger("PORTICO_INTEROP_COUNT") ?? 150

    static func environmentInteger(_ name: String) -> Int? {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0) }
    }

    /// Python → Swift → Python: Swift decodes Python's bytes and JSON, re-encodes them
    /// identically, and Python accepts Swift's bytes and JSON of every message.
    @Test func pythonMessagesRoundTripThroughSwift() async throws {
        let harness = try PythonHarness()
        try await withTemporaryDirectory { directory in
            let python = MessageFiles(directory: directory.appending(path: "python"))
            let swift = try MessageFiles(creating: directory.appending(path: "swift"))
            try await harness.generate(seed: Self.seed, count: Self.count, into: python.directory)
            for index in 0..<Self.count {
                try roundTrip(index, from: python, into: swift)
            }
            let report = try await harness.check(swift.directory)
            #expect(report.exitCode == 0, "\(report.output)")
            #expect(report.output.hasSuffix("checked \(Self.count) messages, 0 mismatches\n"))
        }
    }

    private func roundTrip(_ index: Int, from python: MessageFiles, into swift: MessageFiles) throws {
        let bytes = try python.binary(index)
        let json = try python.json(index)
        do {
            let fromBinary = try AllFields(serializedBytes: bytes)
            let reencoded = fromBinary.serializedBytes()
            #expect(reencoded == bytes, "message \(index): \(firstDifference(reencoded, bytes))")
            let fromJSON = try AllFields(jsonString: json)
            let fromJSONBytes = fromJSON.serializedBytes()
            #expect(fromJSONBytes == bytes, "message \(index) from JSON: \(firstDifference(fromJSONBytes, bytes))")
            try swift.write(index, binary: reencoded, json: fromBinary.jsonString())
        } catch {
            Issue.record("message \(index): \(error)")
        }
    }

    /// Fields Swift does not know survive it: `AllFieldsSubset` decodes Python's
    /// `AllFields` bytes, keeping most fields as unknown fields, and writes them back after
    /// its own; Python reads that as the original message, to the byte.
    @Test func unknownFieldsSurviveSwift() async throws {
        let harness = try PythonHarness()
        try await withTemporaryDirectory { directory in
            let python = MessageFiles(directory: directory.appending(path: "python"))
            let swift = try MessageFiles(creating: directory.appending(path: "swift"))
            try await harness.generate(seed: Self.seed, count: Self.count, into: python.directory)
            for index in 0..<Self.count {
                let subset = try Portico_Interop_V1_AllFieldsSubset(serializedBytes: python.binary(index))
                try swift.write(index, binary: subset.serializedBytes())
            }
            let report = try await harness.check(swift.directory, against: python.directory)
            #expect(report.exitCode == 0, "\(report.output)")
            #expect(report.output.hasSuffix("checked \(Self.count) messages, 0 mismatches\n"))
        }
    }

    /// Swift → Python: Python parses Swift's random messages (bytes and JSON), re-encodes
    /// the same bytes and writes the same JSON values.
    @Test func swiftMessagesParseInPython() async throws {
        let harness = try PythonHarness()
        try await withTemporaryDirectory { directory in
            let swift = MessageFiles(directory: directory)
            for index in 0..<Self.count {
                var random = InteropRandom(seed: UInt64(Self.seed), index: index)
                let message = random.allFields(index: index)
                let bytes = message.serializedBytes()
                let json = try message.jsonString()
                #expect(try AllFields(serializedBytes: bytes).serializedBytes() == bytes, "message \(index)")
                #expect(try AllFields(jsonString: json).serializedBytes() == bytes, "message \(index)")
                try swift.write(index, binary: bytes, json: json)
            }
            let report = try await harness.check(directory)
            #expect(report.exitCode == 0, "\(report.output)")
            #expect(report.output.hasSuffix("checked \(Self.count) messages, 0 mismatches\n"))
        }
    }

    /// One message of edge values, with Python's exact output for it.
    @Test func pythonCanonicalizesSwiftJSON() async throws {
        var message = AllFields()
        message.singularDouble = -0.0
        message.singularInt64 = .min
        message.colors = [Color(rawValue: -1), Color(rawValue: 42)]
        message.optionalInt32 = 0
        message.mapBoolBool = [true: false, false: true]
        message.farAway = .max
        message.timestamp.seconds = 1
        message.timestamp.nanos = 500_000
        message.renamed = "😀"
        let expectedBytes = hex(
            "10 80808080808080808001" + " 61 0000000000000080" + " c802 00"  // int64, double, optional
                + " aa03 0b ffffffffffffffffff01 2a"  // colors, packed: -1 (10 bytes), 42
                + " ba04 04 0800 1001" + " ba04 04 0801 1000"  // map entries, false before true
                + " aa06 06 0801 10a0c21e"  // timestamp
                + " 9208 04 f09f9880"  // renamed (field 130)
                + " fdffffff0f ffffffff")  // far_away: field 536870911, a 5-byte tag
        #expect(message.serializedBytes() == expectedBytes)

        let python = try await withTemporaryDirectory { directory in
            let input = directory.appending(path: "message.json")
            try Data(message.jsonString().utf8).write(to: input)
            return try await PythonHarness().canonicalize(input)
        }
        #expect(python.binary == expectedBytes)
        #expect(python.json == #"{"colors": ["COLOR_INFRARED", 42], "customJsonName": "\ud83d\ude00", "#
            + #""farAway": 4294967295, "mapBoolBool": {"false": true, "true": false}, "optionalInt32": 0, "#
            + #""singularDouble": -0.0, "singularInt64": "-9223372036854775808", "#
            + #""timestamp": "1970-01-01T00:00:01.000500Z"}"#)
        #expect(try AllFields(jsonString: python.json).serializedBytes() == expectedBytes)
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
