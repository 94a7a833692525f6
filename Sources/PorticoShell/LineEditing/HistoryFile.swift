#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the interactive shell keeps its history between sessions: a file only its
/// owner can read (mode 0600), holding at most `limit` lines.
public struct HistoryFile: Sendable, Equatable {
    public var path: String
    public var limit: Int

    public init(path: String, limit: Int = 1000) {
        self.path = path
        self.limit = limit
    }

    /// `~/.portico_shell_history`, or nil when there is no home folder to keep it in.
    public static func inHomeFolder(environment: [String: String]) -> HistoryFile? {
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        let folder = home.hasSuffix("/") ? String(home.dropLast()) : home
        return HistoryFile(path: folder + "/.portico_shell_history")
    }

    var exists: Bool { access(path, F_OK) == 0 }

    /// Creates the file as 0600 before libedit opens it for writing: libedit creates
    /// files with the umask's mode (usually world-readable), but truncating an existing
    /// file keeps its mode. An older file with a wider mode is narrowed. False when the
    /// file cannot be created or is not ours to narrow; then nothing is written.
    func prepareForWriting() -> Bool {
        guard let descriptor = OwnerOnlyFile.openForWriting(path, truncating: false) else { return false }
        close(descriptor)
        return true
    }
}
