#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Where the shell reads its commands from: a line editor on a terminal, or plain
/// standard input (a script, a pipe). The shell asks for one line at a time, so an
/// implementation may redraw, complete and keep history however it likes.
public protocol LineInput: AnyObject {
    /// The next line without its line break, or nil at end of input. `prompt` is shown
    /// first when the input is a terminal (a plain input ignores it).
    func readLine(prompt: String) -> String?
    /// A line typed without echo (passwords); nil at end of input. Never kept in history.
    func readSecret(prompt: String) -> String?
    /// Remembers a command line the shell ran (not called for secrets).
    func addHistory(_ line: String)
}

/// Reads lines from a file descriptor (standard input by default) with no editing, no
/// prompt (it would only end up in a script's output) and no history. A secret typed at
/// a terminal (`-c "login EMAIL"` run by hand) is read by `SecretReader`, without echo;
/// from a script or a pipe it is the next ordinary line, so a script gives the password
/// on the line after `login`.
public final class PlainLineInput: LineInput {
    private var reader: LineReader

    public init(fileDescriptor: Int32 = 0) {
        reader = LineReader(fileDescriptor: fileDescriptor)
    }

    public func readLine(prompt: String) -> String? {
        reader.next()
    }

    public func readSecret(prompt: String) -> String? {
        guard isatty(reader.fileDescriptor) == 1 else { return reader.next() }
        return SecretReader(input: reader.fileDescriptor).read(prompt: prompt)
    }

    public func addHistory(_ line: String) {}
}

/// Lines from a fixed list (`-c "cmd; cmd"`); secrets cannot come from there, so
/// they are read from standard input instead.
public final class ScriptLineInput: LineInput {
    private var lines: ArraySlice<String>
    private let secrets: any LineInput

    public init(lines: [String], secrets: any LineInput = PlainLineInput()) {
        self.lines = lines[...]
        self.secrets = secrets
    }

    public func readLine(prompt: String) -> String? { lines.popFirst() }

    public func readSecret(prompt: String) -> String? { secrets.readSecret(prompt: prompt) }

    public func addHistory(_ line: String) {}
}

/// Unbuffered line reading with `read(2)`: the shell must not read ahead of the line
/// it needs, or a password line meant for `login` could be swallowed by a buffer that
/// a child process or another reader should have seen.
struct LineReader {
    let fileDescriptor: Int32
    private var atEnd = false

    init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    mutating func next() -> String? {
        guard !atEnd else { return nil }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(fileDescriptor, &byte, 1)
            if count == 1 {
                if byte == UInt8(ascii: "\n") { break }
                bytes.append(byte)
            } else if count < 0, errno == EINTR {
                continue
            } else {
                atEnd = true
                if bytes.isEmpty { return nil }
                break
            }
        }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
