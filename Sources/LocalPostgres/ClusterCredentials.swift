#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The generated passwords of a local cluster's three roles, kept in `credentials.json`
/// in the cluster folder, readable by the server's user only (mode 0600).
struct ClusterCredentials: Codable, Equatable, Sendable {
    var superuserPassword: String
    var ownerPassword: String
    var appPassword: String

    static func generate() -> ClusterCredentials {
        ClusterCredentials(
            superuserPassword: randomPassword(),
            ownerPassword: randomPassword(),
            appPassword: randomPassword()
        )
    }

    /// 192 random bits as hex: nothing to escape in a URL or a config file.
    static func randomPassword() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<24).map { _ in
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            return String(byte, radix: 16).leftPadded(to: 2)
        }.joined()
    }

    static func load(from path: String) throws(LocalPostgresClusterError) -> ClusterCredentials {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LocalPostgresClusterError(
                .unusableDataDirectory,
                "\(path) is missing or unreadable: the cluster's passwords are lost; "
                    + "remove the cluster folder to start over with an empty database"
            )
        }
        do {
            return try JSONDecoder().decode(ClusterCredentials.self, from: data)
        } catch {
            throw LocalPostgresClusterError(.unusableDataDirectory, "\(path) is not a Portico credentials file", cause: error)
        }
    }

    func save(to path: String) throws(LocalPostgresClusterError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try writePrivateFile(path, contents: try encoder.encode(self))
        } catch let error as LocalPostgresClusterError {
            throw error
        } catch {
            throw LocalPostgresClusterError(.unusableDataDirectory, "cannot write \(path)", cause: error)
        }
    }
}

/// Writes `contents` to `path` through a temporary file created with mode 0600 (never
/// readable by others, not even for an instant) and renamed into place.
func writePrivateFile(_ path: String, contents: Data) throws(LocalPostgresClusterError) {
    let temporary = "\(path).tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw fileError("create", temporary) }
    let written = contents.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    let synced = fsync(descriptor) == 0
    close(descriptor)
    guard written == contents.count, synced, rename(temporary, path) == 0 else {
        let error = fileError("write", path)
        unlink(temporary)
        throw error
    }
}

func fileError(_ action: String, _ path: String) -> LocalPostgresClusterError {
    LocalPostgresClusterError(.unusableDataDirectory, "cannot \(action) \(path): \(String(cString: strerror(errno)))")
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
