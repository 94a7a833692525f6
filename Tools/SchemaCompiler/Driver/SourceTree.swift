import Foundation

/// protoc's view of the file system: import roots (`-I`) map virtual paths such as
/// `shelf/book.proto` (which become descriptor names) to files on disk, searched in
/// order; `google/protobuf/*.proto` not found under a root come from `BuiltInFiles`.
struct SourceTree: Sendable {
    /// Roots as given, in search order.
    let roots: [String]

    init(roots: [String]) {
        self.roots = roots.isEmpty ? ["."] : roots
    }

    /// The file's bytes for a virtual path, from the first root that has it.
    func read(_ virtualPath: String) -> [UInt8]? {
        if let disk = diskPath(for: virtualPath), let data = FileManager.default.contents(atPath: disk) {
            return [UInt8](data)
        }
        return BuiltInFiles.source(for: virtualPath).map { Array($0.utf8) }
    }

    /// The first existing disk file for a virtual path, or nil.
    func diskPath(for virtualPath: String) -> String? {
        for root in roots {
            let candidate = Self.join(root, virtualPath)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
        }
        return nil
    }

    /// protoc's `MakeProtoProtoPathRelative`: the virtual path of an input file named
    /// on the command line, either a disk path under a root or already virtual.
    func virtualPath(forInput input: String) -> Result<String, Diagnostic> {
        let exists = FileManager.default.fileExists(atPath: input)
        if !exists {
            if diskPath(for: Self.canonical(input)) != nil || BuiltInFiles.source(for: input) != nil {
                return .success(Self.canonical(input))
            }
            return .failure(Self.inputError(
                "Could not make proto path relative: \(input): No such file or directory", input))
        }
        let disk = Self.canonical(input)
        for root in roots {
            guard let virtual = Self.relative(disk, to: Self.canonical(root)) else { continue }
            if let shadowing = diskPath(for: virtual), Self.canonical(shadowing) != disk {
                return .failure(Self.inputError(
                    "\(input): Input is shadowed in the --proto_path by \"\(shadowing)\".  Either use the "
                        + "latter file as your input or reorder the --proto_path so that the former file's "
                        + "location comes first.", input))
            }
            return .success(virtual)
        }
        if diskPath(for: disk) != nil { return .success(disk) }
        return .failure(Self.inputError(
            "\(input): File does not reside within any path specified using --proto_path (or -I).  "
                + "You must specify a --proto_path which encompasses this file.  Note that the proto_path "
                + "must be an exact prefix of the .proto file names -- protoc is too dumb to figure out "
                + "when two paths (e.g. absolute and relative) are equivalent (it's harder than you think).",
            input))
    }

    /// A problem with a command-line input, which protoc reports without a position.
    private static func inputError(_ message: String, _ input: String) -> Diagnostic {
        Diagnostic(.error, at: SourceLocation(file: input, line: 0, column: 0), message)
    }

    /// `path` relative to `root` when `root` is a prefix of whole components; the
    /// current directory (`""`) contains every relative path.
    static func relative(_ path: String, to root: String) -> String? {
        if root.isEmpty { return path.hasPrefix("/") ? nil : path }
        if root == "/" { return path.hasPrefix("/") ? String(path.dropFirst()) : nil }
        guard path.hasPrefix(root + "/") else { return nil }
        return String(path.dropFirst(root.count + 1))
    }

    /// Drops `.` components and repeated or trailing slashes, as protoc does before
    /// matching paths; `.` itself becomes `""`.
    static func canonical(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        let parts = path.split(separator: "/").filter { $0 != "." }
        let joined = parts.joined(separator: "/")
        return isAbsolute ? "/" + joined : joined
    }

    static func join(_ root: String, _ virtualPath: String) -> String {
        let base = canonical(root)
        if base.isEmpty { return virtualPath }
        return base.hasSuffix("/") ? base + virtualPath : base + "/" + virtualPath
    }
}
