@testable import PorticoServer
import Foundation
import Testing

@Suite struct SessionTokenTests {
    @Test func generatedTokensAreLongRandomAndURLSafe() {
        let tokens = (0..<100).map { _ in SessionToken.generate().value }
        #expect(Set(tokens).count == 100)
        for token in tokens {
            #expect(token.hasPrefix("pt_"))
            #expect(token.count == 3 + 43)
            #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        }
    }

    @Test func theHashIsSHA256OfTheToken() {
        // printf 'pt_abc' | sha256sum
        let expected = "f3675bd3f1c3dc92297c2cc8a86d3795cf8492424da94011f23eb387d63611cf"
        let hex = SessionToken(value: "pt_abc").hash.map { String(format: "%02x", $0) }.joined()
        #expect(hex.count == 64)
        #expect(hex == expected)
    }

    @Test(arguments: [
        ("Bearer pt_abc", "pt_abc"), ("bearer pt_abc", "pt_abc"), ("BEARER  pt_abc ", "pt_abc"),
    ])
    func readsBearerHeaders(header: String, token: String) {
        #expect(SessionToken(authorizationHeader: header)?.value == token)
    }

    @Test(arguments: ["", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "pt_abc", "Bearer " + String(repeating: "a", count: 300)])
    func refusesOtherHeaders(header: String) {
        #expect(SessionToken(authorizationHeader: header) == nil)
    }
}
