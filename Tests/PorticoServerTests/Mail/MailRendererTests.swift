import Foundation
@testable import PorticoServer
import Testing

@Suite struct MailRendererTests {
    static let sender = try! MailAddress(mailbox: "Portico <no-reply@portico.local>")

    static func message(
        name: String = "José Müller", email: String = "jose@example.com",
        subject: String = "Your Portico invite – Acme Plumbing",
        body: String = "Hello José,\n\nYour temporary password: {{secret}}\n", secret: String? = "s3cret-Pa55"
    ) -> OutboxMessage {
        OutboxMessage(
            id: UUID(uuidString: "6F1C0E8A-3B5D-4C7E-9A1F-2B3C4D5E6F70")!,
            mail: OutgoingMail(
                tenantID: UUID(uuidString: "00000000-0000-0000-0000-0000000000AA")!, kind: "invite",
                recipientEmail: email, recipientName: name, subject: subject, body: body, secret: secret
            ),
            attempt: 1, createdAt: Date(timeIntervalSince1970: 1_704_207_845)
        )
    }

    @Test func rendersTheExactMessage() throws {
        let rendered = try MailRenderer.render(Self.message(), from: Self.sender)
        #expect(rendered.text == """
            Date: Tue, 02 Jan 2024 15:04:05 +0000\r
            From: Portico <no-reply@portico.local>\r
            To: =?utf-8?q?Jos=C3=A9_M=C3=BCller?= <jose@example.com>\r
            Subject: =?utf-8?q?Your_Portico_invite_=E2=80=93_Acme_Plumbing?=\r
            Message-ID: <6f1c0e8a-3b5d-4c7e-9a1f-2b3c4d5e6f70@portico>\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: 8bit\r
            \r
            Hello José,\r
            \r
            Your temporary password: s3cret-Pa55\r

            """)
        #expect(rendered.messageID == "<6f1c0e8a-3b5d-4c7e-9a1f-2b3c4d5e6f70@portico>")
        #expect(rendered.fileName == "6f1c0e8a-3b5d-4c7e-9a1f-2b3c4d5e6f70.eml")
    }

    @Test func plainASCIIStaysReadableAndLongHeadersFold() throws {
        let rendered = try MailRenderer.render(Self.message(
            name: "Smith, Jo", email: "jo@example.com",
            subject: "You have been invited to the client portal of Acme Plumbing and Heating Incorporated",
            body: "Hi Jo,\r\nwelcome.", secret: nil
        ), from: Self.sender)
        #expect(rendered.text.contains("""
            To: "Smith, Jo" <jo@example.com>\r
            Subject: You have been invited to the client portal of Acme Plumbing and\r
             Heating Incorporated\r

            """))
        #expect(rendered.text.contains("Content-Transfer-Encoding: 7bit\r\n\r\nHi Jo,\r\nwelcome.\r\n"))
    }

    @Test func longNonASCIIValuesBecomeSeveralEncodedWordsThatDecodeBack() throws {
        let subject = String(repeating: "Zugangsdaten für Müller ", count: 6) + "– bitte ändern"
        let rendered = try MailRenderer.render(Self.message(subject: subject), from: Self.sender)
        let mail = try SpooledMail(fileName: rendered.fileName, raw: rendered.text)
        #expect(mail.subject == subject)
        #expect(mail.toName == "José Müller")
        let headerLines = rendered.text.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(headerLines.allSatisfy { $0.utf8.count <= 78 })
        let words = mail.header("Subject")!.split(separator: " ")
        #expect(words.count > 2)
        #expect(words.allSatisfy { $0.hasPrefix("=?utf-8?q?") && $0.hasSuffix("?=") && $0.count <= 66 })
    }

    @Test func lineBreaksInHeaderValuesCannotStartANewHeader() throws {
        let rendered = try MailRenderer.render(Self.message(
            name: "Eve\r\nBcc: victim@example.com", email: "eve@example.com",
            subject: "Hi\r\nBcc: other@example.com\nX-Evil: 1", secret: nil
        ), from: Self.sender)
        let headerLines = rendered.text.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(headerLines == [
            "Date: Tue, 02 Jan 2024 15:04:05 +0000",
            "From: Portico <no-reply@portico.local>",
            "To: \"Eve Bcc: victim@example.com\" <eve@example.com>",
            "Subject: Hi  Bcc: other@example.com X-Evil: 1",
            "Message-ID: <6f1c0e8a-3b5d-4c7e-9a1f-2b3c4d5e6f70@portico>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        ])
    }

    @Test(arguments: [
        "eve@example.com\r\nBcc: victim@example.com", "eve@example.com>", "no-at-sign", "a@b@c",
        "@example.com", "eve@", "eve smith@example.com", "",
    ])
    func refusesAnAddressTheHeadersCannotCarry(_ address: String) throws {
        #expect(throws: MailError.self) {
            try MailRenderer.render(Self.message(email: address), from: Self.sender)
        }
    }

    @Test func theSecretIsFilledInOnlyWhereThePlaceholderIs() throws {
        let rendered = try MailRenderer.render(
            Self.message(body: "Password: {{secret}}\nAgain: {{secret}}", secret: "Xy7-Q"), from: Self.sender
        )
        #expect(rendered.text.hasSuffix("\r\n\r\nPassword: Xy7-Q\r\nAgain: Xy7-Q\r\n"))
    }
}

@Suite struct MailAddressTests {
    @Test func readsTheSenderSetting() throws {
        #expect(try MailAddress(mailbox: "Portico <no-reply@portico.local>")
            == MailAddress(name: "Portico", address: "no-reply@portico.local"))
        #expect(try MailAddress(mailbox: "\"Acme, Inc. \\\"Support\\\"\" <help@acme.test>")
            == MailAddress(name: "Acme, Inc. \"Support\"", address: "help@acme.test"))
        #expect(try MailAddress(mailbox: " ops@acme.test ") == MailAddress(address: "ops@acme.test"))
    }

    @Test(arguments: ["Portico", "Portico <no-reply@portico.local> x", "Portico <>", "<a@b> <c@d>"])
    func refusesASenderThatIsNotAMailbox(_ text: String) {
        #expect(throws: MailError.self) { try MailAddress(mailbox: text) }
    }

    @Test func quotesADisplayNameWithSpecialsAndEscapesQuotes() throws {
        let address = try MailAddress(name: "O\"Brien, Pat", address: "pat@example.com")
        #expect(MailHeaderText.line("To", address.headerTokens) == "To: \"O\\\"Brien, Pat\" <pat@example.com>")
    }
}
