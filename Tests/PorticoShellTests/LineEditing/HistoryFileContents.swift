import Foundation

/// Reads libedit's history file format: a `_HiStOrY_V2_` header, then one entry per
/// line encoded with strvis(3) (octal escapes such as `\040` for a space).
enum HistoryFileContents {
    static func entries(in path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        if lines.first == "_HiStOrY_V2_" { lines.removeFirst() }
        return lines.map(decodeVis)
    }

    /// Undoes strvis's octal (`\ooo`) and backslash (`\\`) escapes.
    static func decodeVis(_ line: String) -> String {
        var bytes: [UInt8] = []
        let source = Array(line.utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "\\"), index + 3 < source.count,
               let value = UInt8(String(decoding: source[(index + 1)...(index + 3)], as: UTF8.self), radix: 8) {
                bytes.append(value)
                index += 4
            } else if source[index] == UInt8(ascii: "\\"), index + 1 < source.count, source[index + 1] == UInt8(ascii: "\\") {
                bytes.append(UInt8(ascii: "\\"))
                index += 2
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
