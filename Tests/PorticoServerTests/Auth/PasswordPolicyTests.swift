@testable import PorticoServer
import Testing

@Suite struct PasswordPolicyTests {
    @Test(arguments: [String(repeating: "a", count: 12), String(repeating: "é", count: 128), "twelve chars"])
    func acceptsTwelveToOneHundredTwentyEightCharacters(password: String) throws {
        try PasswordPolicy.validate(password, field: "new_password")
    }

    @Test func refusesShortPasswordsNamingTheField() {
        #expect(throws: PorticoError.invalidField("new_password", "must be at least 12 characters")) {
            try PasswordPolicy.validate("elevenchars", field: "new_password")
        }
    }

    @Test func refusesLongPasswordsNamingTheField() {
        #expect(throws: PorticoError.invalidField("new_password", "must be at most 128 characters")) {
            try PasswordPolicy.validate(String(repeating: "x", count: 129), field: "new_password")
        }
    }

    @Test func countsCharactersAsPeopleSeeThem() throws {
        // 12 family emoji: 12 characters, far more bytes and scalars.
        try PasswordPolicy.validate(String(repeating: "👨‍👩‍👧", count: 12), field: "p")
    }
}
