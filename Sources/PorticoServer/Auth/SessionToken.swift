import Crypto
import Foundation

/// A bearer token: 32 random bytes, base64url. Only its SHA-256 is stored, so a
/// leaked database copy cannot be replayed as sessions.
public struct SessionToken: Sendable {
    public let value: String

    /// A fresh token from the system's cryptographic random source.
    public static func generate() -> SessionToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let base64 = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return SessionToken(value: "pt_" + base64)
    }

    public init(value: String) {
        self.value = value
    }

    /// What the sessions table keys on.
    public var hash: [UInt8] {
        Array(SHA256.hash(data: Array(value.utf8)))
    }

    /// The token from an `authorization: Bearer <token>` header value, or nil for any
    /// other shape. Tokens are short; anything longer than 256 bytes is refused
    /// before hashing.
    public init?(authorizationHeader: String) {
        let prefix = "bearer "
        guard authorizationHeader.utf8.count <= 256 + prefix.utf8.count,
            authorizationHeader.lowercased().hasPrefix(prefix)
        else { return nil }
        let token = authorizationHeader.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty else { return nil }
        self.value = token
    }
}
