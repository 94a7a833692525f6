#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a secret from a terminal without showing it.
///
/// The terminal is switched to non-canonical mode with echo and signal keys off, so
/// Ctrl-C arrives as a byte this reader turns into "cancelled" instead of killing the
/// process with echo still off; the saved mode is restored on every way out. Erase
/// (Backspace/Delete) and kill (Ctrl-U) are handled here, as the terminal no longer does.
struct SecretReader {
    var input: Int32 = STDIN_FILENO

    /// The secret without its newline; nil on Ctrl-C, or end of input before any character.
    func read(prompt: String) -> String? {
        TerminalOutput.write(prompt)
        var saved = termios()
        guard tcgetattr(input, &saved) == 0 else { return readWithoutTerminal() }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO | ECHONL | ICANON | ISIG | IEXTEN)
        withUnsafeMutableBytes(of: &quiet.c_cc) { controls in
            controls[Int(VMIN)] = 1
            controls[Int(VTIME)] = 0
        }
        // TCSANOW, not TCSAFLUSH: keys typed ahead of the prompt belong to the secret.
        guard tcsetattr(input, TCSANOW, &quiet) == 0 else { return readWithoutTerminal() }
        defer {
            _ = tcsetattr(input, TCSANOW, &saved)
            // Echo was off, so the Enter key did not move the cursor to a new line.
            TerminalOutput.write("\n")
        }
        return readKeys()
    }

    private func readKeys() -> String? {
        var secret = SecretBuffer()
        defer { secret.erase() }
        while true {
            guard let byte = nextByte() else { return secret.isEmpty ? nil : secret.string }
            switch byte {
            case 0x0D, 0x0A: return secret.string
            case 0x03: return nil
            case 0x04 where secret.isEmpty: return nil
            case 0x04: return secret.string
            case 0x7F, 0x08: secret.removeLastCharacter()
            case 0x15: secret.erase()
            default: secret.append(byte)
            }
        }
    }

    /// Not a terminal (stdin redirected): nothing is echoed anyway.
    private func readWithoutTerminal() -> String? {
        var secret = SecretBuffer()
        defer { secret.erase() }
        while let byte = nextByte() {
            if byte == 0x0A { return secret.string }
            secret.append(byte)
        }
        return secret.isEmpty ? nil : secret.string
    }

    private func nextByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = systemRead(input, &byte, 1)
            if count == 1 { return byte }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemRead = Darwin.read
private let systemWrite = Darwin.write
#endif

/// The bytes of a secret being typed, overwritten with zeros when done or erased.
struct SecretBuffer {
    private var bytes: [UInt8] = []

    var isEmpty: Bool { bytes.isEmpty }
    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    /// Drops the last UTF-8 scalar: its continuation bytes (10xxxxxx), then its lead byte.
    mutating func removeLastCharacter() {
        while let last = bytes.last, last & 0xC0 == 0x80 { bytes.removeLast() }
        if !bytes.isEmpty { bytes.removeLast() }
    }

    mutating func erase() {
        for index in bytes.indices { bytes[index] = 0 }
        bytes.removeAll()
    }
}

/// Writes straight to the standard output descriptor, after flushing C's buffers
/// (which `print` fills), so earlier output comes first and a prompt shows before the
/// program waits for input.
enum TerminalOutput {
    static func write(_ text: String) {
        fflush(nil)
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { systemWrite(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
