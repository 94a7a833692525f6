import Foundation

@testable import SchemaCompiler

/// A throwaway directory of `.proto` files for driver tests.
struct TemporaryTree: ~Copyable {
    let root: String

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("schemac-driver-\(UUID().uuidString)").path
        for (path, contents) in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }
}
