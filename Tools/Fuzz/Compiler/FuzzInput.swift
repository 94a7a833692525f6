/// How fuzz input bytes become `.proto` files: the whole input is `main.proto`, unless
/// it contains marker lines `//--- NAME.proto`, which start a new file named NAME.proto
/// (the text before the first marker stays `main.proto`). Seeds of multi-file schemas
/// use the markers, so mutations exercise imports as well.
struct FuzzInput {
    let mainPath = "main.proto"
    private(set) var files: [String: [UInt8]] = [:]

    static let marker = Array("//--- ".utf8)

    init(_ bytes: [UInt8]) {
        var path = mainPath
        var current: [UInt8] = []
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if line.starts(with: Self.marker) {
                files[path, default: []] += current
                current = []
                path = String(decoding: line.dropFirst(Self.marker.count), as: UTF8.self)
                continue
            }
            current += line
            current.append(UInt8(ascii: "\n"))
        }
        if !current.isEmpty { current.removeLast() }  // The split added one newline too many.
        files[path, default: []] += current
    }

    /// How many lines a file has, for checking diagnostic positions.
    func lineCount(of path: String) -> Int? {
        files[path].map { $0.count(where: { $0 == UInt8(ascii: "\n") }) + 1 }
    }
}
