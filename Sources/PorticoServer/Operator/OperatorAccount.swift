import Foundation
import Logging

/// Creates the platform's first OPERATOR login on first start (Schema/README.md rule 1's
/// one exception to "users exist only through invites").
enum OperatorAccount {
    /// Creates the operator when none exists. A generated password is printed once to
    /// standard output, never logged; only its hash is stored.
    static func bootstrap(
        _ bootstrap: OperatorBootstrap, database: Database, hasher: PasswordHasher, logger: Logger
    ) async throws {
        let email = bootstrap.email.trimmingCharacters(in: .whitespacesAndNewlines)
        if let password = bootstrap.password {
            try PasswordPolicy.validate(password, field: "PORTICO_OPERATOR_PASSWORD")
        }
        let password = bootstrap.password ?? generatedPassword()
        let hash = try await hasher.hash(password)
        let store = OperatorStore(database: database)
        guard try await store.bootstrapOperator(email: email, name: "Operator", passwordHash: hash) else { return }
        logger.notice("created the operator login", metadata: ["email": "\(email)"])
        if bootstrap.password == nil {
            // Straight to standard output, unbuffered: it must appear now, not when the
            // server exits, and never in the log.
            let notice = """
                Portico operator login created (shown once, stored only hashed):
                  email:    \(email)
                  password: \(password)

                """
            FileHandle.standardOutput.write(Data(notice.utf8))
        }
    }

    /// 24 characters from an unambiguous alphabet: about 138 bits.
    static func generatedPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<24).map { _ in alphabet.randomElement(using: &generator)! })
    }
}
