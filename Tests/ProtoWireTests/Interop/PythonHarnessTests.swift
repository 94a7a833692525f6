import Foundation
import TestSupport
import Testing

/// The harness is the judge of the interop tests, so it must be able to say "no": these
/// feed `harness.py check` hand-made files with a known verdict.
@Suite("Python harness verdicts")
struct PythonHarnessTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var binary: [UInt8]
        var json: String?
        var exitCode: Int32
        var expectedLines: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "canonical bytes and JSON pass",
            binary: [0x08, 0x07], json: #"{ "singularInt32" : 7 }"#, exitCode: 0,
            expectedLines: ["checked 1 messages, 0 mismatches"]),
        Case(
            name: "fields out of number order",
            binary: [0x10, 0x05, 0x08, 0x07], json: nil, exitCode: 1,
            expectedLines: [
                "--- message 0: 0.bin: Python re-encodes the bytes differently (- Swift, + Python):",
                "-@0 field 2 wire 0: 5", "+@0 field 1 wire 0: 7",
                "checked 1 messages, 1 mismatches",
            ]),
        Case(
            name: "JSON of another message",
            binary: [0x08, 0x07], json: #"{"singularInt32": 8}"#, exitCode: 1,
            expectedLines: [
                "--- message 0: 0.json parses to another message than 0.bin (- from .bin, + from .json):",
                "-singular_int32: 7", "+singular_int32: 8",
                "$.singularInt32: 8.0 vs 7.0",
            ]),
        Case(
            name: "proto field names instead of json names",
            binary: [0x08, 0x07], json: #"{"singular_int32": 7}"#, exitCode: 1,
            expectedLines: [
                "--- message 0: 0.json differs from Python's JSON (Swift vs Python):",
                "$.singularInt32: only in Python: 7.0",
                "$.singular_int32: only in Swift: 7.0",
            ]),
        Case(
            name: "the sign of zero counts",
            binary: [0x61, 0, 0, 0, 0, 0, 0, 0, 0x80], json: #"{"singularDouble": 0}"#,
            exitCode: 1,
            expectedLines: [
                "--- message 0: 0.json parses to another message than 0.bin (- from .bin, + from .json):",
                "-singular_double: -0.0", "$.singularDouble: 0.0 vs -0.0",
            ]),
        Case(
            name: "float digits may differ when the float32 is the same",
            binary: [0x5D, 0x01, 0x00, 0x00, 0x00], json: #"{"singularFloat": 1e-45}"#,
            exitCode: 0, expectedLines: ["checked 1 messages, 0 mismatches"]),
        Case(
            name: "map entries in ascending key order (int32 -1 before 3)",
            binary: mapInt32Entries(-1, 3), json: #"{"mapInt32Int32": {"3": 1, "-1": 1}}"#,
            exitCode: 0, expectedLines: ["checked 1 messages, 0 mismatches"]),
        Case(
            name: "map entries in descending key order",
            binary: mapInt32Entries(3, -1), json: nil, exitCode: 1,
            expectedLines: [
                "-@0 field 61 wire 2: 08031001", "+@0 field 61 wire 2: 08ffffffffffffffffff011001",
                "checked 1 messages, 1 mismatches",
            ]),
        Case(
            name: "bytes Python cannot parse",
            binary: [0x0A, 0x05, 0x01], json: nil, exitCode: 1,
            expectedLines: ["checked 1 messages, 1 mismatches"]),
    ]

    /// `map_int32_int32` (field 61) entries `key: 1` in the given order; each key is -1
    /// or in 0...127 (one varint byte).
    static func mapInt32Entries(_ keys: Int32...) -> [UInt8] {
        keys.flatMap { key -> [UInt8] in
            precondition(key == -1 || (0...127).contains(key))
            let keyVarint: [UInt8] = key < 0
                ? [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01] : [UInt8(key)]
            let entry = [0x08] + keyVarint + [0x10, 0x01]
            return [0xEA, 0x03, UInt8(entry.count)] + entry
        }
    }

    @Test(arguments: cases)
    func verdict(_ testCase: Case) async throws {
        let harness = try PythonHarness()
        try await withTemporaryDirectory { directory in
            try Data(testCase.binary).write(to: directory.appending(path: "0.bin"))
            if let json = testCase.json {
                try Data(json.utf8).write(to: directory.appending(path: "0.json"))
            }
            let run = try await harness.check(directory)
            #expect(run.exitCode == testCase.exitCode, "\(run.output)")
            let lines = run.output.split(separator: "\n").map(String.init)
            for expected in testCase.expectedLines {
                #expect(lines.contains(expected), "missing line \(expected) in:\n\(run.output)")
            }
        }
    }

    @Test func anEmptyFolderIsAFailure() async throws {
        let run = try await withTemporaryDirectory { try await PythonHarness().check($0) }
        #expect(run.exitCode == 1)
        #expect(run.output == "checked 0 messages, 0 mismatches\n")
    }

    @Test func generateIsDeterministic() async throws {
        let harness = try PythonHarness()
        try await withTemporaryDirectory { directory in
            let first = MessageFiles(directory: directory.appending(path: "first"))
            let second = MessageFiles(directory: directory.appending(path: "second"))
            try await harness.generate(seed: 42, count: 3, into: first.directory)
            try await harness.generate(seed: 42, count: 3, into: second.directory)
            for index in 0..<3 {
                #expect(try first.binary(index) == second.binary(index))
                #expect(try first.json(index) == second.json(index))
            }
            #expect(try first.binary(0).isEmpty, "message 0 is the empty message")
            #expect(try first.json(0) == "{}")
        }
    }
}
