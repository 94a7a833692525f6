// The parser is recursive-descent, so every construct that nests has a depth limit:
// hostile input (20,000 nested messages, an option value nested as deep) must end in
// an error, never in a stack overflow. Past a limit the parser reports one error and
// skips the rest of the construct with a loop, then goes on after it.

extension Parser {
    /// protoc 3.21 compiles 31 levels of nested messages and rejects the 32nd, with
    /// "Reached maximum recursion limit for nested messages." (its descriptor builder
    /// counts the message and group bodies: enums, oneofs and `extend` blocks add no
    /// level of their own). protoc gives no position; this parser reports the name of
    /// the first message past the limit.
    static let maximumMessageDepth = 31

    /// Messages inside an aggregate option value may nest 100 deep, the recursion limit
    /// protobuf's text-format parser applies by default in later releases. (protoc 3.21
    /// itself sets none, and crashes somewhere near 10,000 levels.)
    static let maximumAggregateDepth = 100

    static let aggregateTooDeepMessage =
        "Message is too deep, the parser exceeded the configured recursion limit of \(maximumAggregateDepth)."

    /// Skips to just after the `}` that balances an already consumed `{`, counting
    /// braces (unlike protoc's error recovery in `skipRestOfBlock`, which may step over a
    /// `}`): used where a valid but too-deep block is left out.
    mutating func skipBalancedBlock() {
        var openBlocks = 1
        while !isAtEnd {
            if lookingAt(.symbol) {
                if lookingAt("{") {
                    openBlocks += 1
                } else if lookingAt("}") {
                    openBlocks -= 1
                    if openBlocks == 0 {
                        _ = tryConsumeEndOfDeclaration("}", attachingComments: false)
                        return
                    }
                }
            }
            advance()
        }
    }
}
