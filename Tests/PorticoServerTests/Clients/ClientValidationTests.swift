import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import Testing

@Suite struct ClientValidationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var fields: Portico_V1_ClientFields
        var message: String
        var testDescription: String { message }
    }

    static func with(_ change: (inout Portico_V1_ClientFields) -> Void) -> Portico_V1_ClientFields {
        var fields = clientFields("Valid Name")
        change(&fields)
        return fields
    }

    static func long(_ count: Int) -> String { String(repeating: "x", count: count) }

    /// One bad value per field (and the bounds just past each column's limit).
    static let cases: [Case] = [
        Case(fields: with { $0.name = "" }, message: "client.name: must not be empty"),
        Case(fields: with { $0.name = " \n\t " }, message: "client.name: must not be empty"),
        Case(fields: with { $0.name = long(201) }, message: "client.name: must be at most 200 characters"),
        // 200 characters, but 201 Unicode scalars: PostgreSQL counts scalars.
        Case(fields: with { $0.name = long(199) + "e\u{301}" }, message: "client.name: must be at most 200 characters"),
        Case(fields: with { $0.name = "Bad\u{0}Name" }, message: "client.name: must not contain control characters"),
        Case(fields: with { $0.name = "Two\nLines" }, message: "client.name: must not contain control characters"),
        Case(fields: with { $0.billingEmail = "not an email" }, message: "client.billing_email: must not contain spaces or control characters"),
        Case(fields: with { $0.billingEmail = "no-at-sign.example" }, message: "client.billing_email: must be an email address like name@example.com"),
        Case(fields: with { $0.billingEmail = "a@b@example.com" }, message: "client.billing_email: must be an email address like name@example.com"),
        Case(fields: with { $0.phone = long(51) }, message: "client.phone: must be at most 50 characters"),
        Case(fields: with { $0.phone = "555\u{7}" }, message: "client.phone: must not contain control characters"),
        Case(fields: with { $0.address.line1 = long(201) }, message: "client.address.line1: must be at most 200 characters"),
        Case(fields: with { $0.address.line2 = long(201) }, message: "client.address.line2: must be at most 200 characters"),
        Case(fields: with { $0.address.city = long(101) }, message: "client.address.city: must be at most 100 characters"),
        Case(fields: with { $0.address.region = long(101) }, message: "client.address.region: must be at most 100 characters"),
        Case(fields: with { $0.address.postalCode = long(21) }, message: "client.address.postal_code: must be at most 20 characters"),
        Case(fields: with { $0.address.countryCode = "USA" }, message: countryProblem),
        Case(fields: with { $0.address.countryCode = "U" }, message: countryProblem),
        Case(fields: with { $0.address.countryCode = "1A" }, message: countryProblem),
        Case(fields: with { $0.address.countryCode = "ß" }, message: countryProblem),
        Case(fields: with { $0.address.countryCode = "Éu" }, message: countryProblem),
        Case(fields: with { $0.notes = long(2001) }, message: "client.notes: must be at most 2000 characters"),
        Case(fields: with { $0.notes = "a\u{0}b" }, message: "client.notes: must not contain control characters"),
    ]

    static let countryProblem = "client.address.country_code: must be a two-letter ISO 3166-1 country code like US"

    @Test(arguments: cases)
    func detailsRefuseEachBadField(_ badCase: Case) {
        #expect(throws: PorticoError(.invalidArgument, badCase.message)) {
            try ClientDetails(validating: badCase.fields)
        }
    }

    @Test func detailsAcceptEveryBoundExactly() throws {
        let fields = Self.with {
            $0.name = Self.long(200)
            $0.billingEmail = ""
            $0.phone = Self.long(50)
            $0.address = postalAddress(
                line1: Self.long(200), line2: Self.long(200), city: Self.long(100), region: Self.long(100),
                postalCode: Self.long(20), countryCode: " de "
            )
            $0.notes = Self.long(1996) + "\r\n\ty"
        }
        let details = try ClientDetails(validating: fields)
        #expect(details.name.count == 200)
        #expect(details.address.countryCode == "DE")
        #expect(details.notes.unicodeScalars.count == 2000)
        #expect(details.notes.hasSuffix("x\r\n\ty"))
    }

    /// Through the server: every bad field is INVALID_ARGUMENT with its message, for
    /// create and for update, and nothing is written.
    @Test func badFieldsWriteNothing() async throws {
        try await withTestServer { server in
            let admin = try await server.signedInAdmin()
            let existing = try await server.createClient(ClientsServiceTests.fullFields, token: admin.token)
            for badCase in Self.cases {
                let create = await rpcError { try await server.createClient(badCase.fields, token: admin.token) }
                #expect(create?.code == .invalidArgument)
                #expect(create?.message == badCase.message)
                let update = await rpcError { try await server.updateClient(existing.id, badCase.fields, token: admin.token) }
                #expect(update?.code == .invalidArgument)
                #expect(update?.message == badCase.message)
            }
            let missing = await rpcError {
                try await server.clients.createClient(Portico_V1_CreateClientRequest(), metadata: bearer(admin.token))
            }
            #expect(missing?.message == "client.name: must not be empty")
            #expect(try await server.clientRowCount() == 1)
            #expect(try await server.getClient(existing.id, token: admin.token).client == existing)
        }
    }
}
