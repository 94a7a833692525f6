import GRPCCore

extension StreamingServerResponse {
    /// The same response with `wrap` run around its body.
    ///
    /// A streaming response's body runs after the interceptor chain has returned, so
    /// anything an interceptor wants around the *whole* call (task-local context, error
    /// mapping, the final status for the log) has to be put around the body as well.
    func wrappingBody(
        _ wrap: @escaping @Sendable (_ body: @Sendable () async throws -> Metadata) async throws -> Metadata
    ) -> Self {
        guard case .success(var contents) = accepted else { return self }
        let body = contents.producer
        contents.producer = { writer in
            try await wrap { try await body(writer) }
        }
        return StreamingServerResponse(accepted: .success(contents))
    }
}
