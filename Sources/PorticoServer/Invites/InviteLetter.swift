import Foundation
import PorticoAPI

/// The facts an invite email states: who is invited, into what, and by whom.
struct InviteLetter: Sendable {
    var tenantID: UUID
    /// The contractor's company (the tenant).
    var tenantName: String
    /// The invitee's role there.
    var role: Portico_V1_Role
    /// The client company, for OWNER and MEMBER invites.
    var clientName: String?
    /// Who sent it; nil for the Portico operator's invite of a tenant's first ADMIN.
    var inviterName: String?
    /// The company the inviter speaks for: the tenant for staff, the client company
    /// for an owner inviting their members.
    var inviterCompany: String
    var inviteeName: String
    var inviteeEmail: String

    /// Which email to write.
    enum Kind: Sendable {
        /// A new login: its temporary password and when it expires.
        case temporaryPassword(expiresAt: Date)
        /// ResendInvite: a replacement temporary password.
        case resentPassword(expiresAt: Date)
        /// Rule 11: the email already has a login, which now also has this membership.
        case accessNotice
    }

    /// The message to queue. A temporary password appears in the body only as
    /// `OutgoingMail.secretPlaceholder`; the password itself goes in `secret`.
    func mail(_ kind: Kind, password: String?, portalURL: String) -> OutgoingMail {
        OutgoingMail(
            tenantID: tenantID, kind: kind.outboxKind, recipientEmail: inviteeEmail,
            recipientName: inviteeName, subject: subject(kind),
            body: body(kind, portalURL: portalURL), secret: kind.carriesPassword ? password : nil
        )
    }

    func subject(_ kind: Kind) -> String {
        switch kind {
        case .temporaryPassword: "Your invitation to \(shortPlace)"
        case .resentPassword: "Your new temporary password for \(shortPlace)"
        case .accessNotice: "You now have access to \(shortPlace)"
        }
    }

    func body(_ kind: Kind, portalURL: String) -> String {
        var paragraphs = ["Hello \(inviteeName),"]
        switch kind {
        case .temporaryPassword(let expiresAt):
            paragraphs.append("\(inviter) has invited you to \(place).")
            paragraphs += signInWithTemporaryPassword(portalURL: portalURL, expiresAt: expiresAt)
        case .resentPassword(let expiresAt):
            paragraphs.append(
                "\(inviter) has sent you a new temporary password for \(place). "
                    + "The temporary password you were sent before no longer works."
            )
            paragraphs += signInWithTemporaryPassword(portalURL: portalURL, expiresAt: expiresAt)
        case .accessNotice:
            paragraphs.append("\(inviter) has given you access to \(place).")
            paragraphs += signInWithExistingPassword(portalURL: portalURL)
        }
        paragraphs.append("If you did not expect this email, you can ignore it.")
        paragraphs.append("Portico, on behalf of \(tenantName)")
        return paragraphs.joined(separator: "\n\n") + "\n"
    }

    private func signInWithTemporaryPassword(portalURL: String, expiresAt: Date) -> [String] {
        [
            """
            To sign in:
              Portal:             \(portalURL)
              Email:              \(inviteeEmail)
              Temporary password: \(OutgoingMail.secretPlaceholder)
            """,
            "The temporary password works until \(Self.format(expiresAt)). When you first "
                + "sign in you will be asked to choose your own password, and the temporary "
                + "one stops working.",
        ]
    }

    private func signInWithExistingPassword(portalURL: String) -> [String] {
        [
            "You already have a Portico login with this email address, so there is no new "
                + "password: sign in with the password you already use.",
            """
            To sign in:
              Portal: \(portalURL)
              Email:  \(inviteeEmail)
            """,
            "If you use Portico with more than one company, choose \(membershipLabel) after "
                + "signing in.",
        ]
    }

    /// "Alice Admin of Acme Plumbing", or the Portico team for the operator.
    private var inviter: String {
        guard let inviterName, !inviterName.isEmpty else { return "The Portico team" }
        return "\(inviterName) of \(inviterCompany)"
    }

    /// Where the invite leads, with the invitee's part in it.
    private var place: String {
        switch role {
        case .admin: "\(tenantName) on Portico, as an administrator"
        case .tech: "\(tenantName) on Portico, as a technician"
        case .owner: "the \(tenantName) client portal, as the account owner for \(clientName ?? "your company")"
        case .member: "the \(tenantName) client portal, as a member of the \(clientName ?? "your company") team"
        default: "\(tenantName) on Portico"
        }
    }

    private var shortPlace: String {
        switch role {
        case .owner, .member: "the \(tenantName) client portal"
        default: "\(tenantName) on Portico"
        }
    }

    private var membershipLabel: String {
        clientName.map { "\(tenantName) (\($0))" } ?? tenantName
    }

    /// "Sunday, 4 May 2025 at 14:00 UTC": unambiguous for readers anywhere.
    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEEE, d MMMM yyyy 'at' HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}

extension InviteLetter.Kind {
    /// The outbox's `kind` column.
    var outboxKind: String {
        switch self {
        case .temporaryPassword: "invite"
        case .resentPassword: "invite-resend"
        case .accessNotice: "invite-notice"
        }
    }

    var carriesPassword: Bool {
        if case .accessNotice = self { return false }
        return true
    }
}
