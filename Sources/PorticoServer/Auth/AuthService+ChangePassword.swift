import GRPCCore
import PorticoAPI

extension AuthService {
    func changePassword(
        request: Portico_V1_ChangePasswordRequest, context: ServerContext
    ) async throws -> Portico_V1_ChangePasswordResponse {
        let principal = try CallContext.requirePrincipal()
        try PasswordPolicy.validate(request.newPassword, field: "new_password")
        guard let storedHash = try await store.passwordHash(ofUser: principal.userID) else {
            throw PorticoError.unauthenticated
        }
        if !principal.passwordChangeRequired {
            try await checkCurrentPassword(request.currentPassword, storedHash: storedHash, principal: principal)
        }
        if try await hasher.verify(request.newPassword, against: storedHash) {
            throw PorticoError.invalidField("new_password", "must differ from the current password")
        }
        let newHash = try await hasher.hash(request.newPassword)
        let expiresAt = try await store.replacePassword(
            userID: principal.userID, keepingSession: principal.sessionID, newHash: newHash
        )
        var response = Portico_V1_ChangePasswordResponse()
        response.session = Portico_V1_Session(token: nil, expiresAt: expiresAt, passwordChangeRequired: false)
        return response
    }

    /// Outside the forced first change the current password is required, and guesses
    /// at it count against the same throttle as sign-in: a stolen session must not
    /// become a way to brute-force the password.
    private func checkCurrentPassword(_ current: String, storedHash: String, principal: Principal) async throws {
        if current.isEmpty { throw PorticoError.invalidField("current_password", "is required") }
        let emailKey = principal.email.lowercased()
        try await throttle.admitAttempt(emailKey: emailKey)
        guard try await hasher.verify(current, against: storedHash) else {
            throw PorticoError(.permissionDenied, "current_password: is incorrect")
        }
        try await throttle.recordSuccess(emailKey: emailKey)
    }
}
