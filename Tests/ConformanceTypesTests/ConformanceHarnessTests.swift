import Foundation
import TestSupport
import Testing

/// The harness judges the round trip, so it must be able to say "no": `check` gets
/// Python's own files for `json_names` (which pass) with four of them spoiled.
@Suite("Conformance harness verdicts")
struct ConformanceHarnessTests {
    @Test func checkReportsEveryKindOfMismatch() async throws {
        let harness = try ConformanceHarness()
        try await withTemporaryDirectory { directory in
            let pythonRoot = directory.appending(path: "python")
            let swiftRoot = directory.appending(path: "swift")
            let manifest = try await harness.generate(seed: 1, into: pythonRoot, cases: ["json_names"])
            #expect(manifest.cases.mapValues { $0.mapValues(\.count) } == ["json_names": ["shelf.json.Record": 5]])
            let python = MessageFolder(pythonRoot, caseName: "json_names", messageName: "shelf.json.Record")
            let swift = MessageFolder(swiftRoot, caseName: "json_names", messageName: "shelf.json.Record")
            for index in 0..<5 {
                try swift.write(index, binary: python.binary(index), json: python.json(index))
            }
            let unspoiled = try await harness.check(python: pythonRoot, swift: swiftRoot)
            #expect(unspoiled.exitCode == 0, "\(unspoiled.output)")
            #expect(unspoiled.output == "checked 5 messages of 1 types in 1 cases, 0 mismatches\n")

            try swift.write(0, json: #"{"plain": ""}"#)  // the same message, other JSON
            try swift.write(1, json: python.json(2))  // another message
            try swift.write(3, binary: python.binary(3) + [0x98, 0x06, 0x01])  // unknown field 99 = 1
            try FileManager.default.removeItem(at: swift.url.appending(path: "4.json"))
            let spoiled = try await harness.check(python: pythonRoot, swift: swiftRoot)
            #expect(spoiled.exitCode == 1)
            let lines = spoiled.output.split(separator: "\n").map(String.init)
            let length = try python.binary(3).count
            for expected in [
                "--- json_names shelf.json.Record #0: Swift's JSON differs from Python's (Swift vs Python):",
                #"$.plain: only in Swift: """#,
                "--- json_names shelf.json.Record #1: Swift's JSON parses to another message (- generated, + from Swift's JSON):",
                "--- json_names shelf.json.Record #3: Swift's bytes differ (- Python, + Swift):",
                "+@\(length) field 99 wire 0: 1",
                "--- json_names shelf.json.Record #4: Swift wrote no 4.bin or 4.json",
                "checked 5 messages of 1 types in 1 cases, 4 mismatches",
            ] {
                let isReported = lines.contains(expected)  // a Bool: the report is long
                #expect(isReported, "missing line \(expected) in:\n\(spoiled.output)")
            }
        }
    }
}
