import Foundation
import GRPCCore
import PorticoAPI

extension AuthService {
    /// The one answer for an unknown email and a wrong password alike.
    static let signInFailed = PorticoError(.unauthenticated, "email or password is incorrect")

    func login(request: Portico_V1_LoginRequest, context: ServerContext) async throws -> Portico_V1_LoginResponse {
        let input = try LoginInput(request)
        try await throttle.admitAttempt(emailKey: input.emailKey)
        let credentials = try await store.credentials(forEmail: input.email)
        // Unknown emails verify against the decoy hash: same work, same time.
        let matches = try await hasher.verify(request.password, against: credentials?.passwordHash ?? decoyHash)
        guard let credentials, matches else { throw Self.signInFailed }
        if credentials.isTemporary, let expiry = credentials.temporaryExpiresAt, expiry <= Date() {
            throw PorticoError(.unauthenticated, "the temporary password has expired; ask for a new invite")
        }
        try await throttle.recordSuccess(emailKey: input.emailKey)
        let memberships = try await store.memberships(ofUser: credentials.userID)
        let membership = try Self.chooseMembership(memberships, tenantID: input.tenantID)
        return try await openSession(
            userID: credentials.userID, membership: membership, memberships: memberships,
            passwordChangeRequired: credentials.isTemporary
        )
    }

    /// The membership a sign-in acts as: the requested tenant's, or the first one
    /// (the operator role first, then tenants by name).
    static func chooseMembership(
        _ memberships: [MembershipRow], tenantID: UUID?
    ) throws(PorticoError) -> MembershipRow {
        if let tenantID {
            guard let match = memberships.first(where: { $0.tenantID == tenantID }) else {
                throw PorticoError.notFound("membership in tenant \(tenantID.uuidString.lowercased())")
            }
            return match
        }
        guard let first = memberships.first else {
            // Rule 11 deletes a login with its last membership; one left without any
            // has nothing to act as.
            throw PorticoError(.failedPrecondition, "this login has no memberships")
        }
        return first
    }
}

/// A validated Login request.
struct LoginInput {
    var email: String
    /// Throttling and lookups ignore case.
    var emailKey: String
    var tenantID: UUID?

    init(_ request: Portico_V1_LoginRequest) throws(PorticoError) {
        email = request.email.trimmingCharacters(in: .whitespacesAndNewlines)
        if email.isEmpty { throw .invalidField("email", "must not be empty") }
        if email.utf8.count > 320 { throw .invalidField("email", "must be at most 320 bytes") }
        if request.password.isEmpty { throw .invalidField("password", "must not be empty") }
        if request.password.count > PasswordPolicy.maximumLength {
            throw .invalidField("password", "must be at most \(PasswordPolicy.maximumLength) characters")
        }
        emailKey = email.lowercased()
        tenantID = request.tenantId.isEmpty ? nil : try UUID(field: "tenant_id", request.tenantId, what: "a UUID")
    }
}
