import Foundation
import GRPCCore
import Logging

/// Gives every call a request id and logs one line when it ends: method, status,
/// duration, request id and peer. Never a message body, a token or a password.
///
/// The id comes from the caller's `x-request-id` when it is a sane token (so a
/// client's logs and ours line up), otherwise it is generated; it is sent back in
/// the response's initial metadata.
struct RequestLoggingInterceptor: ServerInterceptor {
    let logger: Logger

    func intercept<Input: Sendable, Output: Sendable>(
        request: StreamingServerRequest<Input>,
        context: ServerContext,
        next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
    ) async throws -> StreamingServerResponse<Output> {
        let requestID = Self.requestID(from: request.metadata)
        let started = ContinuousClock.now
        let log = CallLog(logger: logger, method: context.descriptor.fullyQualifiedMethod,
                          requestID: requestID, peer: context.remotePeer, started: started)
        let call = CallContext(requestID: requestID, principal: nil)
        return try await CallContext.$current.withValue(call) {
            var response: StreamingServerResponse<Output>
            do {
                response = try await next(request, context)
            } catch {
                log.finished(error: error)
                throw error
            }
            if case .failure(let error) = response.accepted {
                log.finished(error: error)
                return response
            }
            if case .success(var contents) = response.accepted {
                contents.metadata.replaceOrAddString(requestID, forKey: "x-request-id")
                response.accepted = .success(contents)
            }
            return response.wrappingBody { body in
                do {
                    let trailers = try await body()
                    log.finished(error: nil)
                    return trailers
                } catch {
                    log.finished(error: error)
                    throw error
                }
            }
        }
    }

    /// Up to 64 characters of letters, digits, `-`, `_` and `.`; anything else is
    /// replaced, so a caller cannot inject text into our log lines.
    static func requestID(from metadata: Metadata) -> String {
        for value in metadata[stringValues: "x-request-id"] {
            let allowed = value.utf8.count <= 64 && !value.isEmpty
                && value.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
            if allowed { return value }
        }
        return UUID().uuidString.lowercased()
    }
}

/// One call's log line, written when the call ends.
struct CallLog: Sendable {
    let logger: Logger
    let method: String
    let requestID: String
    let peer: String
    let started: ContinuousClock.Instant

    func finished(error: (any Error)?) {
        let status = (error as? RPCError)?.code.description ?? (error == nil ? "ok" : "unknown")
        logger.info(
            "rpc",
            metadata: [
                "method": .string(method),
                "status": .string(status),
                "duration_ms": .string(Self.milliseconds(ContinuousClock.now - started)),
                "request_id": .string(requestID),
                "peer": .string(peer),
            ]
        )
    }

    /// "12.34": milliseconds with two decimals, rounded. Integer arithmetic rather than
    /// `String(format:)`, whose Foundation machinery showed in profiles of this line,
    /// which is written for every call.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        // A hundredth of a millisecond is 10^13 attoseconds.
        let hundredths = max(0, seconds * 100_000 + (attoseconds + 5_000_000_000_000) / 10_000_000_000_000)
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
