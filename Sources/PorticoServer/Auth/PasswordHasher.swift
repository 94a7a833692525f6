import Crypto
import CryptoExtras
import Foundation
import NIOPosix

/// Hashes and verifies passwords with scrypt (RFC 7914).
///
/// scrypt is what Schema/README.md rule 15 asks for: OWASP's recommendation after argon2id
/// (which swift-crypto does not offer), memory-hard, with a tunable cost. The cost is
/// stored in each hash, so raising it later keeps old hashes verifiable. Hashing runs
/// on NIO's blocking thread pool: one hash holds a core for tens of milliseconds and
/// must not stall the event loops or Swift's cooperative threads.
///
/// Stored form (PHC string format): `$scrypt$ln=15,r=8,p=1$<salt>$<hash>`, base64.
public struct PasswordHasher: Sendable {
    /// log2 of scrypt's N.
    public let cost: Int
    static let blockSize = 8
    static let parallelism = 1
    static let saltByteCount = 16
    static let hashByteCount = 32

    public init(cost: Int) {
        precondition((1...20).contains(cost), "scrypt cost must be between 1 and 20")
        self.cost = cost
    }

    public func hash(_ password: String) async throws -> String {
        let salt = (0..<Self.saltByteCount).map { _ in UInt8.random(in: .min ... .max) }
        let derived = try await Self.derive(password, salt: salt, cost: cost)
        return "$scrypt$ln=\(cost),r=\(Self.blockSize),p=\(Self.parallelism)"
            + "$\(Data(salt).base64EncodedString())$\(Data(derived).base64EncodedString())"
    }

    /// True when `password` matches `storedHash`; false for a wrong password or a
    /// stored value that is not one of ours (never throws on bad stored data, so a
    /// damaged row cannot be told apart from a wrong password).
    public func verify(_ password: String, against storedHash: String) async throws -> Bool {
        guard let parsed = ParsedHash(storedHash) else { return false }
        let derived = try await Self.derive(password, salt: parsed.salt, cost: parsed.cost)
        return constantTimeEqual(derived, parsed.hash)
    }

    private static func derive(_ password: String, salt: [UInt8], cost: Int) async throws -> [UInt8] {
        try await NIOThreadPool.singleton.runIfActive {
            let key = try KDF.Scrypt.deriveKey(
                from: Array(password.utf8), salt: salt, outputByteCount: hashByteCount,
                rounds: 1 << cost, blockSize: blockSize, parallelism: parallelism
            )
            return key.withUnsafeBytes { Array($0) }
        }
    }

    private func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}

/// The parts of a stored `$scrypt$…` string.
private struct ParsedHash {
    var cost: Int
    var salt: [UInt8]
    var hash: [UInt8]

    init?(_ stored: String) {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == "scrypt",
            parts[2].hasPrefix("ln="), parts[2].hasSuffix(",r=8,p=1"),
            let cost = Int(parts[2].dropFirst(3).prefix { $0 != "," }), (1...20).contains(cost),
            let salt = Data(base64Encoded: String(parts[3])),
            let hash = Data(base64Encoded: String(parts[4])), hash.count == PasswordHasher.hashByteCount
        else { return nil }
        self.cost = cost
        self.salt = Array(salt)
        self.hash = Array(hash)
    }
}
