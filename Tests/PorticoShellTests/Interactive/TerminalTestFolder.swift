import Foundation

/// A uniquely named folder under the temporary directory (not created).
struct TerminalTestFolder: Sendable {
    let path: String

    init(_ label: String) {
        path = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("portico-\(label)-\(getpid())-\(UInt32.random(in: 0 ... .max))")
    }

    func appending(_ component: String) -> String {
        (path as NSString).appendingPathComponent(component)
    }

    func create() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
