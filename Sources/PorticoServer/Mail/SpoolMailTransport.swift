#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NIOPosix

/// Writes each message as `<outbox id>.eml` into a folder (0700, files 0600: they hold
/// temporary passwords), atomically: a temporary file is written and fsynced, then
/// renamed over the final name, so a reader never sees half a message and a redelivery
/// after a crash replaces the file instead of adding a second one.
struct SpoolMailTransport: MailTransport {
    let directory: String

    var summary: String { "spool \(directory)" }

    func deliver(_ mail: RenderedMail) async throws(MailError) {
        let directory = directory
        do {
            // Blocking file calls (fsync above all) run on NIO's thread pool, not on the
            // cooperative pool.
            try await NIOThreadPool.singleton.runIfActive {
                try Self.store(mail, in: directory)
            }
        } catch let error as MailError {
            throw error
        } catch {
            throw MailError(.spoolFailed, "writing to the spool \(directory) failed: \(error)")
        }
    }

    static func store(_ mail: RenderedMail, in directory: String) throws(MailError) {
        try createDirectory(directory)
        let target = (directory as NSString).appendingPathComponent(mail.fileName)
        // A dot name: spool readers skip it, and it never collides with a message.
        let temporary = (directory as NSString)
            .appendingPathComponent(".\(mail.fileName).\(UInt64.random(in: 0 ... .max)).tmp")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("creating \(temporary)") }
        do throws(MailError) {
            defer { close(descriptor) }
            try writeAll(Array(mail.text.utf8), to: descriptor, path: temporary)
            guard fsync(descriptor) == 0 else { throw failure("fsync of \(temporary)") }
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, target) == 0 else {
            let error = failure("renaming \(temporary) to \(target)")
            unlink(temporary)
            throw error
        }
        syncDirectory(directory)
    }

    private static func createDirectory(_ directory: String) throws(MailError) {
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
        } catch {
            throw MailError(.spoolFailed, "cannot create the spool folder \(directory): \(error.localizedDescription)")
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(MailError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("writing \(path)")
            }
            offset += written
        }
    }

    /// Makes the rename itself durable; a failure here leaves a complete file, so it is
    /// not an error.
    private static func syncDirectory(_ directory: String) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private static func failure(_ what: String) -> MailError {
        MailError(.spoolFailed, "\(what) failed: \(String(cString: strerror(errno)))")
    }
}
