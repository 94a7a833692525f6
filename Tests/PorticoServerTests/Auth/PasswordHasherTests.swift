@testable import PorticoServer
import Testing

@Suite struct PasswordHasherTests {
    let hasher = PasswordHasher(cost: 4)

    @Test func aHashVerifiesItsOwnPasswordOnly() async throws {
        let hash = try await hasher.hash("correct horse battery staple")
        #expect(try await hasher.verify("correct horse battery staple", against: hash))
        #expect(try await !hasher.verify("correct horse battery stapl", against: hash))
        #expect(try await !hasher.verify("", against: hash))
    }

    @Test func theStoredFormNamesSchemeAndCostAndSaltsEveryHash() async throws {
        let first = try await hasher.hash("the same password")
        let second = try await hasher.hash("the same password")
        #expect(first.hasPrefix("$scrypt$ln=4,r=8,p=1$"))
        #expect(first.split(separator: "$").count == 4)
        #expect(first != second)
    }

    @Test func aHashMadeAtAnotherCostStillVerifies() async throws {
        let older = try await PasswordHasher(cost: 5).hash("a password of sorts")
        #expect(try await hasher.verify("a password of sorts", against: older))
    }

    @Test(arguments: [
        "", "plain text", "$scrypt$ln=4,r=8,p=1$", "$scrypt$ln=99,r=8,p=1$AAAA$AAAA",
        "$bcrypt$ln=4,r=8,p=1$AAAA$AAAA", "$scrypt$ln=4,r=1,p=1$c2FsdA==$aGFzaA==",
    ])
    func damagedStoredHashesNeverVerify(stored: String) async throws {
        #expect(try await !hasher.verify("anything at all", against: stored))
    }
}
