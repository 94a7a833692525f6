import Foundation
@testable import PorticoServer
import Testing

@Suite struct TemporaryPasswordTests {
    @Test func isReadableLongAndValidUnderThePasswordPolicy() throws {
        let password = TemporaryPassword.generate().value
        #expect(password.wholeMatch(of: /[a-hjkmnp-z2-9]{5}(-[a-hjkmnp-z2-9]{5}){3}/) != nil)
        try PasswordPolicy.validate(password, field: "password")
        #expect(TemporaryPassword.entropyBits > 98)
        #expect(TemporaryPassword.entropyBits >= 80)
    }

    @Test func neverRepeatsAndUsesTheWholeAlphabet() {
        let passwords = (0..<2000).map { _ in TemporaryPassword.generate().value }
        #expect(Set(passwords).count == passwords.count)
        let used = Set(passwords.joined().filter { $0 != "-" })
        #expect(used == Set(TemporaryPassword.alphabet))
        #expect(!used.contains("l") && !used.contains("1") && !used.contains("o") && !used.contains("0"))
    }
}

@Suite struct InviteLetterTests {
    static let expiry = Date(timeIntervalSince1970: 1_746_367_200)  // 2025-05-04 14:00 UTC

    static let ownerLetter = InviteLetter(
        tenantID: UUID(), tenantName: "Acme Plumbing", role: .owner, clientName: "Globex Corp",
        inviterName: "Alice Admin", inviterCompany: "Acme Plumbing", inviteeName: "Olivia Owner",
        inviteeEmail: "olivia@example.com"
    )

    @Test func theInviteEmailReadsWell() {
        let mail = Self.ownerLetter.mail(.temporaryPassword(expiresAt: Self.expiry), password: "abcde-fghjk-mnpqr-stuvw", portalURL: "https://portal.example.com")
        #expect(mail.subject == "Your invitation to the Acme Plumbing client portal")
        #expect(mail.kind == "invite")
        #expect(mail.recipientEmail == "olivia@example.com")
        #expect(mail.recipientName == "Olivia Owner")
        #expect(mail.secret == "abcde-fghjk-mnpqr-stuvw")
        #expect(mail.body == """
            Hello Olivia Owner,

            Alice Admin of Acme Plumbing has invited you to the Acme Plumbing client portal, as the account owner for Globex Corp.

            To sign in:
              Portal:             https://portal.example.com
              Email:              olivia@example.com
              Temporary password: {{secret}}

            The temporary password works until Sunday, 4 May 2025 at 14:00 UTC. When you first sign in you will be asked to choose your own password, and the temporary one stops working.

            If you did not expect this email, you can ignore it.

            Portico, on behalf of Acme Plumbing

            """)
    }

    @Test func theNoticeCarriesNoPassword() {
        var letter = Self.ownerLetter
        letter.role = .member
        letter.inviterName = "Olivia Owner"
        letter.inviterCompany = "Globex Corp"
        let mail = letter.mail(.accessNotice, password: "abcde-fghjk-mnpqr-stuvw", portalURL: "https://portal.example.com")
        #expect(mail.secret == nil)
        #expect(mail.kind == "invite-notice")
        #expect(mail.subject == "You now have access to the Acme Plumbing client portal")
        #expect(mail.body.contains("Olivia Owner of Globex Corp has given you access to the Acme Plumbing client portal, as a member of the Globex Corp team."))
        #expect(mail.body.contains("there is no new password: sign in with the password you already use."))
        #expect(mail.body.contains("choose Acme Plumbing (Globex Corp) after signing in"))
        #expect(!mail.body.contains("{{secret}}"))
    }

    @Test func theResentEmailSaysTheOldPasswordIsDead() {
        let mail = Self.ownerLetter.mail(.resentPassword(expiresAt: Self.expiry), password: "p", portalURL: "https://x.example")
        #expect(mail.kind == "invite-resend")
        #expect(mail.subject == "Your new temporary password for the Acme Plumbing client portal")
        #expect(mail.body.contains("The temporary password you were sent before no longer works."))
        #expect(mail.body.contains("Temporary password: {{secret}}"))
    }

    @Test func theOperatorsInviteComesFromThePorticoTeam() {
        let letter = InviteLetter(
            tenantID: UUID(), tenantName: "Acme Plumbing", role: .admin, clientName: nil, inviterName: nil,
            inviterCompany: "Portico", inviteeName: "Alice", inviteeEmail: "alice@example.com"
        )
        let mail = letter.mail(.temporaryPassword(expiresAt: Self.expiry), password: "p", portalURL: "https://x.example")
        #expect(mail.subject == "Your invitation to Acme Plumbing on Portico")
        #expect(mail.body.contains("The Portico team has invited you to Acme Plumbing on Portico, as an administrator."))
    }
}
