import PorticoAPI
@testable import PorticoServer
import Testing

/// Passwords and tokens never reach the log, at any level, on success or failure.
@Suite struct SecretsStayOutOfLogsTests {
    @Test func signInPasswordChangeAndFailuresLogNoSecret() async throws {
        let logs = CapturedLogs()
        var token = ""
        try await withTestServer(logger: logs.logger()) { server in
            let user = try await server.fixtures.member(.admin)
            token = try await server.signIn(email: user.email)
            _ = await statusCode { try await server.login(email: user.email, password: "a wrong password guess") }
            var change = Portico_V1_ChangePasswordRequest()
            change.currentPassword = Fixtures.password
            change.newPassword = "the replacement password"
            _ = try await server.auth.changePassword(change, metadata: bearer(token))
            _ = await statusCode { try await server.whoAmI("pt_forged-token-value") }
        }
        let text = logs.text
        #expect(text.contains("Auth/Login"), "the calls were logged at all")
        for secret in [Fixtures.password, "a wrong password guess", "the replacement password",
                       Fixtures.operatorPassword, token, "pt_forged-token-value", "$scrypt$"] {
            #expect(!text.contains(secret), "log contains \(secret)")
        }
    }
}
