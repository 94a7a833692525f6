import PorticoAPI
import ProtoWire
import ProtoWireGRPC
import Testing

@testable import PorticoShell

@Suite("Response formats")
struct ResponseFormatterTests {
    static var response: Portico_V1_ListTenantsResponse {
        var first = Portico_V1_Tenant()
        first.id = "t-1"
        first.name = "Acme Ltd"
        first.inviteLimit = 50
        var second = Portico_V1_Tenant()
        second.id = "t-22"
        second.name = "Bo"
        var response = Portico_V1_ListTenantsResponse()
        response.tenants = [first, second]
        response.page.nextPageToken = "next"
        return response
    }

    @Test func listResponsesAsATable() throws {
        let formatter = ResponseFormatter(schema: .portico, format: .table)
        #expect(try formatter.render(Self.response) == """
            id    name      createdAt  inviteLimit
            ----  --------  ---------  -----------
            t-1   Acme Ltd             50
            t-22  Bo                   0
            (2 rows)
            page: {"nextPageToken":"next"}
            """)
    }

    @Test func otherResponsesStayJSONInTableFormat() throws {
        var tenant = Portico_V1_SetInviteLimitResponse()
        tenant.tenant.name = "Acme Ltd"
        let formatter = ResponseFormatter(schema: .portico, format: .table)
        #expect(try formatter.render(tenant) == "{\n  \"tenant\": {\n    \"name\": \"Acme Ltd\"\n  }\n}")
    }

    /// A response whose one field is `bytes` (a PDF) is saved as those bytes.
    @Test func aBytesResultIsSavedRaw() throws {
        let schema = ShellSchema(
            services: [],
            messages: [
                "google.protobuf.BytesValue": ProtoMessageDescription(
                    messageType: Google_Protobuf_BytesValue.self,
                    fields: [ProtoFieldDescription(name: "value", jsonName: "value", number: 1, type: "bytes")]
                ),
            ],
            enums: [:], access: [:]
        )
        var pdf = Google_Protobuf_BytesValue()
        pdf.value = Array("%PDF-1.7\n\u{0}\u{FF}".utf8)
        let formatter = ResponseFormatter(schema: schema, format: .json)
        #expect(try formatter.fileContents([pdf]) == Array("%PDF-1.7\n\u{0}\u{FF}".utf8))
        #expect(try formatter.fileContents([Self.response.tenants[0]]) == Array("""
            {
              "id": "t-1",
              "name": "Acme Ltd",
              "inviteLimit": 50
            }

            """.utf8))
    }
}
