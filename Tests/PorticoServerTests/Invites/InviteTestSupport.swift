import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import PorticoAPI
@testable import PorticoServer
import PostgresNIO

/// One email as the outbox holds it.
struct QueuedMail: Sendable, Equatable {
    var kind: String
    var recipientEmail: String
    var recipientName: String
    var subject: String
    var body: String
    var secret: String?
}

/// How many rows an invite can write: a refused call must leave every count as it was.
struct InviteRowCounts: Sendable, Equatable {
    var logins: Int
    var memberships: Int
    var inviteEvents: Int
    var outbox: Int
}

/// A tenant with a signed-in ADMIN (password already their own) and one client.
struct AdminWorld: Sendable {
    var tenantID: UUID
    var tenantName: String
    var clientID: UUID
    var clientName: String
    var adminEmail: String
    var adminToken: String
}

extension TestServer {
    var invites: Portico_V1_Invites.Client<HTTP2ClientTransport.Posix> { .init(wrapping: client) }

    func operatorToken() async throws -> String {
        try await signIn(email: "operator@portico.test", password: Fixtures.operatorPassword)
    }

    /// A new tenant (by fixtures) whose ADMIN "Alice Admin" is signed in.
    func adminWorld(
        tenantName: String = "Acme Plumbing \(UUID().uuidString.prefix(6))", clientName: String = "Globex Corp"
    ) async throws -> AdminWorld {
        let tenant = try await fixtures.tenant(tenantName)
        let client = try await fixtures.client(in: tenant, name: clientName)
        let admin = try await fixtures.user(displayName: "Alice Admin")
        try await namedMembership(user: admin.id, tenant: tenant, role: .admin, name: "Alice Admin")
        return AdminWorld(
            tenantID: tenant, tenantName: tenantName, clientID: client, clientName: clientName,
            adminEmail: admin.email, adminToken: try await signIn(email: admin.email, tenantID: tenant.uuidString)
        )
    }

    /// A membership with the name its tenant knows the user by, as an invite records it.
    @discardableResult
    func namedMembership(user: UUID, tenant: UUID, role: Portico_V1_Role, client: UUID? = nil, name: String) async throws -> UUID {
        try await fixtures.single(
            """
            INSERT INTO portico.memberships (tenant_id, user_id, role, client_id, display_name)
            VALUES (\(tenant), \(user), \(role.databaseName), \(client), \(name)) RETURNING id
            """
        )
    }

    func inviteOwner(client: UUID, name: String, email: String, token: String) async throws -> Portico_V1_InviteResponse {
        var request = Portico_V1_InviteOwnerRequest()
        request.clientId = client.uuidString
        request.invitee.name = name
        request.invitee.email = email
        return try await invites.inviteOwner(request, metadata: bearer(token))
    }

    func inviteTech(name: String, email: String, token: String) async throws -> Portico_V1_InviteResponse {
        var request = Portico_V1_InviteTechRequest()
        request.invitee.name = name
        request.invitee.email = email
        return try await invites.inviteTech(request, metadata: bearer(token))
    }

    func inviteMember(name: String, email: String, token: String) async throws -> Portico_V1_InviteResponse {
        var request = Portico_V1_InviteMemberRequest()
        request.invitee.name = name
        request.invitee.email = email
        return try await invites.inviteMember(request, metadata: bearer(token))
    }

    func resendInvite(_ membershipID: String, token: String) async throws -> Portico_V1_InviteResponse {
        var request = Portico_V1_ResendInviteRequest()
        request.membershipId = membershipID
        return try await invites.resendInvite(request, metadata: bearer(token))
    }

    func removeUser(_ membershipID: String, token: String) async throws -> Portico_V1_RemoveUserResponse {
        var request = Portico_V1_RemoveUserRequest()
        request.membershipId = membershipID
        return try await invites.removeUser(request, metadata: bearer(token))
    }

    func listUsers(client: String = "", pageSize: Int32 = 0, pageToken: String = "", token: String) async throws -> Portico_V1_ListUsersResponse {
        var request = Portico_V1_ListUsersRequest()
        request.clientId = client
        request.page.pageSize = pageSize
        request.page.pageToken = pageToken
        return try await invites.listUsers(request, metadata: bearer(token))
    }

    func inviteQuota(token: String) async throws -> Portico_V1_InviteQuota {
        try await invites.getInviteQuota(Portico_V1_GetInviteQuotaRequest(), metadata: bearer(token)).quota
    }

    func changePassword(token: String, from current: String, to new: String = Fixtures.password) async throws -> Portico_V1_ChangePasswordResponse {
        var request = Portico_V1_ChangePasswordRequest()
        request.currentPassword = current
        request.newPassword = new
        return try await auth.changePassword(request, metadata: bearer(token))
    }

    /// Signs in with the temporary password of the latest invite email to `email`,
    /// sets `Fixtures.password`, and returns the session's token.
    func activate(_ email: String, tenantID: UUID? = nil) async throws -> String {
        let temporary = try await latestTemporaryPassword(to: email)
        let token = try await signIn(email: email, password: temporary, tenantID: tenantID?.uuidString ?? "")
        _ = try await changePassword(token: token, from: temporary)
        return token
    }

    /// The outbox's mail to `email`, oldest first.
    func queuedMails(to email: String) async throws -> [QueuedMail] {
        try await fixtures.withOwnerConnection { connection in
            let rows = try await connection.query(
                """
                SELECT kind, recipient_email, recipient_name, subject, body, secret
                FROM portico.outbox WHERE recipient_email = \(email) ORDER BY created_at, id
                """,
                logger: Fixtures.logger
            )
            var mails: [QueuedMail] = []
            for try await (kind, recipient, name, subject, body, secret) in rows.decode((String, String, String, String, String, String?).self) {
                mails.append(QueuedMail(kind: kind, recipientEmail: recipient, recipientName: name, subject: subject, body: body, secret: secret))
            }
            return mails
        }
    }

    /// The temporary password of the latest invite email to `email`, read from the
    /// delivered email in the spool (the outbox erases its copy once it is sent). Waits
    /// until every password email queued for `email` so far has arrived.
    func latestTemporaryPassword(to email: String) async throws -> String {
        let queued = try await queuedMails(to: email).filter { $0.kind != "invite-notice" }.count
        let deadline = ContinuousClock.now + .seconds(20)
        while true {
            let delivered = try mailSpool.messages(to: email).compactMap(Self.temporaryPassword(in:))
            if queued > 0, delivered.count >= queued, let last = delivered.last { return last }
            guard ContinuousClock.now < deadline else {
                throw MailSpoolError(description: "\(queued) password emails to \(email) queued, \(delivered.count) delivered")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// The value of the "Temporary password:" line of a delivered invite email.
    static func temporaryPassword(in mail: SpooledMail) -> String? {
        let prefix = "Temporary password: "
        guard let line = mail.body.split(separator: "\n").first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) }) else {
            return nil
        }
        return String(line.trimmingCharacters(in: .whitespaces).dropFirst(prefix.count))
    }

    func rowCounts() async throws -> InviteRowCounts {
        try await fixtures.withOwnerConnection { connection in
            let rows = try await connection.query(
                """
                SELECT (SELECT count(*) FROM portico.auth_users)::int8,
                       (SELECT count(*) FROM portico.memberships)::int8,
                       (SELECT count(*) FROM portico.invite_events)::int8,
                       (SELECT count(*) FROM portico.outbox)::int8
                """,
                logger: Fixtures.logger
            )
            for try await (logins, memberships, events, outbox) in rows.decode((Int, Int, Int, Int).self) {
                return InviteRowCounts(logins: logins, memberships: memberships, inviteEvents: events, outbox: outbox)
            }
            throw FixtureError.noRow
        }
    }

    func count(_ query: PostgresQuery) async throws -> Int {
        try await fixtures.single(query, as: Int.self)
    }
}

/// A unique address for one test's invitee.
func freshEmail(_ prefix: String = "invitee") -> String {
    "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())@example.com"
}
