/// Accumulates generated Swift source with indentation management.
///
/// Every generator writes through one printer so indentation and whitespace rules live
/// in one place: lines are indented by the current level, blank lines stay empty, and
/// trailing whitespace is never written (golden files compare byte for byte).
/// Model: swift-protobuf's `SwiftProtobufPluginLibrary/CodePrinter.swift`.
public struct CodePrinter: Sendable {
    /// The text printed so far.
    public private(set) var content: String = ""

    private let singleIndent: String
    private var indentation: String = ""

    public init(indent: String = "    ") {
        self.singleIndent = indent
    }

    /// Whether nothing has been printed yet.
    public var isEmpty: Bool { content.isEmpty }

    /// Prints each string as one or more lines (embedded newlines are honoured and each
    /// resulting line is indented). `print()` with no arguments prints a blank line.
    public mutating func print(_ lines: String...) {
        if lines.isEmpty {
            content.append("\n")
            return
        }
        for text in lines {
            printLines(text)
        }
    }

    /// Prints every line of `lines` (an array form of `print(_:)`).
    public mutating func print(contentsOf lines: [String]) {
        for text in lines {
            printLines(text)
        }
    }

    /// Runs `body` one indentation level deeper.
    public mutating func withIndentation<Failure: Error>(
        _ body: (inout CodePrinter) throws(Failure) -> Void
    ) throws(Failure) {
        indentation.append(singleIndent)
        defer { indentation.removeLast(singleIndent.count) }
        try body(&self)
    }

    /// Prints `opening`, the body one level deeper, then `closing` (`}` by default).
    public mutating func block<Failure: Error>(
        _ opening: String, closing: String = "}", _ body: (inout CodePrinter) throws(Failure) -> Void
    ) throws(Failure) {
        print(opening)
        try withIndentation(body)
        print(closing)
    }

    /// Prints `switch subject {`, the body at the same level (cases line up with the
    /// `switch`, as Swift style has it), then `}`.
    public mutating func switchBlock<Failure: Error>(
        _ subject: String, _ body: (inout CodePrinter) throws(Failure) -> Void
    ) throws(Failure) {
        print("switch \(subject) {")
        try body(&self)
        print("}")
    }

    private mutating func printLines(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingTrailingWhitespace()
            if !trimmed.isEmpty {
                content.append(indentation)
                content.append(contentsOf: trimmed)
            }
            content.append("\n")
        }
    }
}

extension Substring {
    fileprivate func trimmingTrailingWhitespace() -> Substring {
        var end = endIndex
        while end > startIndex {
            let before = index(before: end)
            guard self[before] == " " || self[before] == "\t" else { break }
            end = before
        }
        return self[startIndex..<end]
    }
}
