// protoc collects comments only when it consumes a token that ends a declaration (`;`,
// `{`, `}`): the comments after that token are the trailing comment of what it ended,
// and the leading comments of whatever comes next wait until that next declaration ends.

extension Parser {
    /// Consumes `text` when it is the current token and returns the comments of the
    /// declaration it ends; nil when the current token is something else.
    ///
    /// With `attachingComments` false (an empty statement, a closing `}`, recovery), the
    /// comments attach to nothing, but the ones read here still lead into what follows.
    mutating func tryConsumeEndOfDeclaration(_ text: String, attachingComments: Bool) -> Comments? {
        guard lookingAt(text) else { return nil }
        let collected = CommentScanner.comments(in: input, after: index)
        advance()
        var leading = collected.leading
        swap(&leading, &upcomingLeadingComments)
        if attachingComments {
            var detached = collected.detached
            swap(&detached, &upcomingDetachedComments)
            return Comments(
                leading: leading.isEmpty ? nil : leading,
                trailing: collected.trailing.isEmpty ? nil : collected.trailing,
                leadingDetached: detached
            )
        }
        if text == "}" {
            // Leaving a scope drops the detached comments that were waiting inside it.
            upcomingDetachedComments = collected.detached
        } else {
            upcomingDetachedComments += collected.detached
        }
        return Comments.none
    }

    /// Consumes `text`, which must end the declaration, and returns its comments.
    mutating func consumeEndOfDeclaration(_ text: String) throws(Failure) -> Comments {
        guard let comments = tryConsumeEndOfDeclaration(text, attachingComments: true) else {
            error("Expected \"\(text)\".")
            throw Failure()
        }
        return comments
    }

    /// Consumes a stray `}` at file level; what follows it starts afresh.
    mutating func consumeUnmatchedBrace() {
        let collected = CommentScanner.comments(in: input, after: index)
        advance()
        upcomingLeadingComments = collected.leading
        upcomingDetachedComments = collected.detached
    }
}

// MARK: - Recovery

extension Parser {
    /// Skips the rest of a statement that failed: up to and including the next `;`, or
    /// past the next `{ ... }` block, or up to (not including) a `}`.
    mutating func skipStatement() {
        while !isAtEnd {
            if lookingAt(.symbol) {
                if tryConsumeEndOfDeclaration(";", attachingComments: false) != nil { return }
                if tryConsume("{") {
                    skipRestOfBlock()
                    return
                }
                if lookingAt("}") { return }
            }
            advance()
        }
    }

    /// Skips to just after the `}` matching an already consumed `{`.
    mutating func skipRestOfBlock() {
        while !isAtEnd {
            if lookingAt(.symbol) {
                if tryConsumeEndOfDeclaration("}", attachingComments: false) != nil { return }
                if tryConsume("{") {
                    // protoc then also steps over the token after the nested block (the
                    // `advance()` below); so do we, so that the errors after it match.
                    skipRestOfBlock()
                }
            }
            advance()
        }
    }
}
