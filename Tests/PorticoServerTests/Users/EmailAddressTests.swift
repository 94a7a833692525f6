@testable import PorticoServer
import Testing

@Suite struct EmailAddressTests {
    @Test(arguments: [
        ("  Alice.Smith@Example.COM \n", "alice.smith@example.com"),
        ("o'brien+portal@mail.example.co.uk", "o'brien+portal@mail.example.co.uk"),
        ("a@b.io", "a@b.io"),
        ("first_last-1@sub-domain.example.org", "first_last-1@sub-domain.example.org"),
    ])
    func normalizesValidAddresses(raw: String, normalized: String) throws {
        #expect(try EmailAddress(validating: raw, field: "invitee.email").value == normalized)
    }

    static let shape = PorticoError.invalidField("invitee.email", "must be an email address like name@example.com")

    @Test(arguments: [
        "alice", "alice@", "@example.com", "alice@example", "alice@@example.com", "a@b@example.com",
        "alice@example.", "alice@.example.com", "alice@exa..mple.com", ".alice@example.com",
        "alice.@example.com", "al..ice@example.com", "alice@-example.com", "alice@example-.com",
        "alice@10.0.0.1", "alice@exam_ple.com", "\"alice\"@example.com", "alice(x)@example.com",
        "alicé@example.com", "alice@exämple.com", "<alice@example.com>",
    ])
    func refusesMalformedAddresses(raw: String) {
        #expect(throws: Self.shape) { try EmailAddress(validating: raw, field: "invitee.email") }
    }

    @Test(arguments: ["", "   ", "\n\t"])
    func refusesEmptyAddresses(raw: String) {
        #expect(throws: PorticoError.invalidField("admin_email", "must not be empty")) {
            try EmailAddress(validating: raw, field: "admin_email")
        }
    }

    @Test(arguments: ["alice smith@example.com", "alice@example.com\r\nBcc: x@example.com", "ali\u{0}ce@example.com", "alice@exa\u{7F}mple.com"])
    func refusesSpacesAndControlCharacters(raw: String) {
        #expect(throws: PorticoError.invalidField("invitee.email", "must not contain spaces or control characters")) {
            try EmailAddress(validating: raw, field: "invitee.email")
        }
    }

    @Test func boundsTheLocalPartAndTheWholeAddress() throws {
        let local64 = String(repeating: "a", count: 64)
        #expect(try EmailAddress(validating: "\(local64)@example.com", field: "e").value == "\(local64)@example.com")
        #expect(throws: PorticoError.invalidField("e", "the part before @ must be at most 64 characters")) {
            try EmailAddress(validating: "a\(local64)@example.com", field: "e")
        }
        let label = String(repeating: "d", count: 60)
        let domain = (0..<5).map { _ in label }.joined(separator: ".") + ".com"  // 309 characters
        #expect(throws: PorticoError.invalidField("e", "must be at most 320 characters")) {
            try EmailAddress(validating: "\(String(repeating: "a", count: 20))@\(domain)", field: "e")
        }
        #expect(throws: PorticoError.invalidField("e", "must be at most 320 characters")) {
            try EmailAddress(validating: String(repeating: "x", count: 10_000), field: "e")
        }
    }
}

@Suite struct PersonNameTests {
    @Test func trimsTheName() throws {
        #expect(try PersonName(validating: "  Ada Lovelace\n", field: "invitee.name").value == "Ada Lovelace")
    }

    @Test(arguments: ["", "  ", "\n"])
    func refusesEmptyNames(raw: String) {
        #expect(throws: PorticoError.invalidField("invitee.name", "must not be empty")) {
            try PersonName(validating: raw, field: "invitee.name")
        }
    }

    @Test func boundsTheLengthAsPostgreSQLCountsIt() throws {
        #expect(try PersonName(validating: String(repeating: "é", count: 200), field: "n").value.count == 200)
        #expect(throws: PorticoError.invalidField("n", "must be at most 200 characters")) {
            try PersonName(validating: String(repeating: "x", count: 10_000), field: "n")
        }
        // 100 characters but 200 code points (e + combining acute) is within the bound;
        // 101 such characters are not.
        #expect(throws: PorticoError.invalidField("n", "must be at most 200 characters")) {
            try PersonName(validating: String(repeating: "e\u{301}", count: 101), field: "n")
        }
    }

    @Test func refusesLineBreaksInsideTheName() {
        #expect(throws: PorticoError.invalidField("n", "must not contain control characters or line breaks")) {
            try PersonName(validating: "Ada\r\nBcc: x@example.com", field: "n")
        }
    }
}
