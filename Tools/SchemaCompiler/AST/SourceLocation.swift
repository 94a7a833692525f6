/// A point in a schema file, 1-based, as protoc prints it (`file:line:column`).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path as given on the command line or found under an import root
    /// (the same string that becomes `FileDescriptorProto.name`).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// Comments attached to a declaration, kept so the emitter can write doc comments.
/// Text is as protoc's SourceCodeInfo keeps it: comment markers removed, one line per
/// source line, each line keeping its leading space.
public struct Comments: Sendable, Hashable {
    public var leading: String?
    public var trailing: String?
    public var leadingDetached: [String]

    public init(leading: String? = nil, trailing: String? = nil, leadingDetached: [String] = []) {
        self.leading = leading
        self.trailing = trailing
        self.leadingDetached = leadingDetached
    }

    public static let none = Comments()
}
