#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file for secrets (session tokens, command history) that only its owner can read.
enum OwnerOnlyFile {
    /// Opens `path` for writing, created with mode 0600, never through a symbolic link
    /// (which could point at someone else's file). An existing file keeps its mode
    /// through O_CREAT, so it is narrowed to 0600 before anything is written. Returns
    /// the descriptor, or nil (with `errno` set) when the file cannot be opened or is
    /// not ours to narrow.
    static func openForWriting(_ path: String, truncating: Bool) -> Int32? {
        let flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (truncating ? O_TRUNC : 0)
        let descriptor = open(path, flags, S_IRUSR | S_IWUSR)
        guard descriptor >= 0 else { return nil }
        guard fchmod(descriptor, S_IRUSR | S_IWUSR) == 0 else {
            let error = errno
            close(descriptor)
            errno = error
            return nil
        }
        return descriptor
    }
}
