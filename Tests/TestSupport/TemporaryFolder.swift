import Foundation

/// A uniquely named folder under the temporary directory, for tests that need files.
/// It is not created, so a test can let the code under test create it.
public struct TemporaryFolder: Sendable {
    public let path: String

    public init(_ label: String) {
        path = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("portico-\(label)-\(getpid())-\(UInt32.random(in: 0 ... .max))")
    }

    public func appending(_ component: String) -> String {
        (path as NSString).appendingPathComponent(component)
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
