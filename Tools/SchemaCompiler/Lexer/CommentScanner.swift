/// The comments found between two tokens, split the way protoc 3.21's
/// `Tokenizer::NextWithComments` splits them.
public struct CollectedComments: Sendable, Hashable {
    /// For the declaration that ended with the earlier token.
    public var trailing = ""
    /// Comment blocks separated from everything by blank lines.
    public var detached: [String] = []
    /// For the declaration that starts with the later token.
    public var leading = ""

    public init(trailing: String = "", detached: [String] = [], leading: String = "") {
        self.trailing = trailing
        self.detached = detached
        self.leading = leading
    }
}

/// Re-reads the whitespace and comments between two tokens to sort them into trailing,
/// detached and leading comments. The parser does this only after the tokens that end a
/// declaration (`;`, `{`, `}`), as protoc does, so comments elsewhere are dropped.
///
/// Comment text keeps everything after `//` (including the newline) or between `/*` and
/// `*/` (with each continuation line's leading spaces and `*` removed).
public struct CommentScanner {
    let source: [UInt8]
    var offset: Int
    var collector = Collector()

    /// Comments after `tokens[index]` (or before the first token when `index` is -1).
    public static func comments(in tokens: TokenizedSource, after index: Int) -> CollectedComments {
        let start = index < 0 ? tokens.contentStart : tokens.tokens[index].range.upperBound
        let next = tokens.tokens[index + 1]
        var scanner = CommentScanner(source: tokens.source, offset: start)
        if index < 0 {
            scanner.collector.canAttachToPrevious = false
        } else if !scanner.scanSameLine() {
            return CollectedComments()
        }
        guard scanner.scanFollowingLines() else { return scanner.collector.finish() }
        let endsScope = next.kind == .end || [UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ")")]
            .contains(where: { next.kind == .symbol && tokens.source[next.range.lowerBound] == $0 })
        if endsScope {
            // A comment right before `}` belongs to what precedes it, not to the `}`.
            scanner.collector.flush()
        }
        return scanner.collector.finish()
    }

    var current: UInt8 { offset < source.count ? source[offset] : 0 }

    func peek(_ distance: Int) -> UInt8 {
        offset + distance < source.count ? source[offset + distance] : 0
    }

    mutating func skipSpacesOnLine() {
        while current != UInt8(ascii: "\n"), current.isWhitespace { offset += 1 }
    }

    mutating func tryConsume(_ byte: UInt8) -> Bool {
        guard offset < source.count, source[offset] == byte else { return false }
        offset += 1
        return true
    }

    /// The rest of the earlier token's line. Returns false when the next token is on that
    /// line, in which case protoc attaches nothing.
    mutating func scanSameLine() -> Bool {
        skipSpacesOnLine()
        switch commentStart() {
        case .line:
            collector.startLineComment()
            readLineComment()
            collector.flush()
            return true
        case .block:
            collector.startBlockComment()
            readBlockComment()
            skipSpacesOnLine()
            guard tryConsume(UInt8(ascii: "\n")) else {
                // Another token follows on the comment's last line: it is unclear where
                // the comment belongs, so it goes nowhere.
                collector.clearBuffer()
                return false
            }
            collector.flush()
            return true
        case .slash:
            return false
        case .none:
            return tryConsume(UInt8(ascii: "\n"))
        }
    }

    /// The lines after the earlier token, up to the next token. Returns false when the
    /// next token is a `/` symbol (protoc then returns at once).
    mutating func scanFollowingLines() -> Bool {
        while true {
            skipSpacesOnLine()
            switch commentStart() {
            case .line:
                collector.startLineComment()
                readLineComment()
            case .block:
                collector.startBlockComment()
                readBlockComment()
                skipSpacesOnLine()
                _ = tryConsume(UInt8(ascii: "\n"))
            case .slash:
                return false
            case .none:
                guard tryConsume(UInt8(ascii: "\n")) else { return true }
                // A blank line ends the comment block and cuts the link to the earlier token.
                collector.flush()
                collector.canAttachToPrevious = false
            }
        }
    }
}

// MARK: - Reading comment text

extension CommentScanner {
    enum CommentStart {
        case line
        case block
        case slash
        case none
    }

    /// Consumes `//` or `/*` when present.
    mutating func commentStart() -> CommentStart {
        guard current == UInt8(ascii: "/") else { return .none }
        switch peek(1) {
        case UInt8(ascii: "/"):
            offset += 2
            return .line
        case UInt8(ascii: "*"):
            offset += 2
            return .block
        default:
            return .slash
        }
    }

    mutating func readLineComment() {
        let start = offset
        while current != 0, current != UInt8(ascii: "\n") { offset += 1 }
        _ = tryConsume(UInt8(ascii: "\n"))
        collector.buffer.append(contentsOf: source[start..<offset])
    }

    /// Reads up to and including `*/`, keeping the text without the continuation lines'
    /// indentation and leading `*`.
    mutating func readBlockComment() {
        var recordStart = offset
        while true {
            while current != 0, current != UInt8(ascii: "*"), current != UInt8(ascii: "/"),
                  current != UInt8(ascii: "\n") {
                offset += 1
            }
            if tryConsume(UInt8(ascii: "\n")) {
                collector.buffer.append(contentsOf: source[recordStart..<offset])
                skipSpacesOnLine()
                if tryConsume(UInt8(ascii: "*")), tryConsume(UInt8(ascii: "/")) { return }
                recordStart = offset
            } else if tryConsume(UInt8(ascii: "*")) {
                if tryConsume(UInt8(ascii: "/")) {
                    collector.buffer.append(contentsOf: source[recordStart..<(offset - 2)])
                    return
                }
            } else if tryConsume(UInt8(ascii: "/")) {
                continue
            } else {
                collector.buffer.append(contentsOf: source[recordStart..<offset])
                return
            }
        }
    }
}

// MARK: - Sorting comments (protoc's CommentCollector)

extension CommentScanner {
    struct Collector {
        var result = CollectedComments()
        var buffer: [UInt8] = []
        var hasComment = false
        var isLineComment = false
        var canAttachToPrevious = true

        /// Consecutive line comments form one block; a block comment never joins them.
        mutating func startLineComment() {
            if hasComment && !isLineComment { flush() }
            hasComment = true
            isLineComment = true
        }

        mutating func startBlockComment() {
            if hasComment { flush() }
            hasComment = true
            isLineComment = false
        }

        mutating func clearBuffer() {
            buffer.removeAll()
            hasComment = false
        }

        /// The buffered block is complete and does not lead into the next token.
        mutating func flush() {
            guard hasComment else { return }
            let text = String(decoding: buffer, as: UTF8.self)
            if canAttachToPrevious {
                result.trailing += text
                canAttachToPrevious = false
            } else {
                result.detached.append(text)
            }
            clearBuffer()
        }

        /// Whatever is still buffered leads into the next token.
        func finish() -> CollectedComments {
            var result = result
            if hasComment { result.leading = String(decoding: buffer, as: UTF8.self) }
            return result
        }
    }
}
