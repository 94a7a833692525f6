/// Documentation of generated service code: grpc-swift's fixed texts, with the schema's
/// own comment quoted under "Source IDL Documentation" as protoc-gen-grpc-swift-2 does.
enum ServiceDocs {
    /// The comment protoc-gen-grpc-swift-2 uses for a service or method: the leading
    /// comment, else the trailing one; one entry per line, trailing blank lines dropped.
    static func commentLines(_ comments: Comments) -> [String] {
        guard let text = comments.leading ?? comments.trailing else { return [] }
        var lines = text.replacingCRLF().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while let last = lines.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.removeLast() }
        return lines
    }

    /// `header`, then the quoted schema comment when there is one.
    static func suffix(_ header: [String], withDocs documentation: [String]) -> [String] {
        guard !documentation.isEmpty else { return header }
        return header + ["///"] + quoted(documentation)
    }

    /// `header`, the quoted schema comment (if any), then `footer`, `///` between them.
    static func interpose(_ documentation: [String], between header: [String], and footer: [String]) -> [String] {
        guard !documentation.isEmpty else { return header + ["///"] + footer }
        return header + ["///"] + quoted(documentation) + ["///"] + footer
    }

    /// protoc keeps the space after `//`; the quote drops it (`// Foo` → `/// > Foo`).
    private static func quoted(_ documentation: [String]) -> [String] {
        ["/// > Source IDL Documentation:", "/// >"]
            + documentation.map { "/// > " + ($0.hasPrefix(" ") ? $0.dropFirst() : Substring($0)) }
    }

    /// The `- Throws:` text every handler shares.
    static let handlerThrows = [
        "/// - Throws: Any error which occurred during the processing of the request. Thrown errors",
        "///     of type `RPCError` are mapped to appropriate statuses. All other errors are converted",
        "///     to an internal error.",
    ]

    /// The `handleResponse` parameter text every client call shares.
    static let handleResponseParameter = [
        "///   - handleResponse: A closure which handles the response, the result of which is",
        "///       returned to the caller. Returning from the closure will cancel the RPC if it",
        "///       hasn't already finished.",
    ]
}

extension String {
    fileprivate func replacingCRLF() -> String {
        var result = ""
        var previousWasCR = false
        for character in unicodeScalars {
            if previousWasCR && character != "\n" { result.append("\r") }
            previousWasCR = character == "\r"
            if !previousWasCR { result.unicodeScalars.append(character) }
        }
        if previousWasCR { result.append("\r") }
        return result
    }
}
