import PorticoAPI
@testable import PorticoServer
import Testing

@Suite struct PageTokenTests {
    @Test func roundTripsItsKeys() throws {
        let token = PageToken(keys: ["acme plumbing", "0b6f…", "ünïcödé"])
        var request = Portico_V1_PageRequest()
        request.pageToken = token.encoded
        #expect(try PageToken.decode(request, keyCount: 3) == token)
        #expect(!token.encoded.contains("="))
    }

    @Test func theFirstPageHasNoToken() throws {
        #expect(try PageToken.decode(Portico_V1_PageRequest(), keyCount: 2) == nil)
    }

    @Test(arguments: ["garbage!", "bm90IGpzb24", PageToken(keys: ["one"]).encoded, String(repeating: "A", count: 3000)])
    func refusesTokensItDidNotIssue(text: String) {
        var request = Portico_V1_PageRequest()
        request.pageToken = text
        #expect(throws: PorticoError.invalidField("page.page_token", "is not a token this list returned")) {
            try PageToken.decode(request, keyCount: 2)
        }
    }

    @Test func pageSizesDefaultAndCap() throws {
        var request = Portico_V1_PageRequest()
        #expect(try PageToken.pageSize(request) == 50)
        request.pageSize = 7
        #expect(try PageToken.pageSize(request) == 7)
        request.pageSize = 10_000
        #expect(try PageToken.pageSize(request) == 500)
        request.pageSize = -1
        #expect(throws: PorticoError.invalidField("page.page_size", "must not be negative")) {
            try PageToken.pageSize(request)
        }
    }
}
