import Foundation
import Testing
import TestSupport

/// `portico-shell` as a script runs it: the built binary, commands on standard input
/// (not a terminal), against a real server and database.
@Suite("Scripted shell sessions")
struct ScriptedSessionTests {
    static let operatorLogin = """
        login \(ShellTestServer.operatorEmail)
        \(ShellTestServer.operatorPassword)

        """

    @Test func operatorCreatesListsAndLiftsATenant() async throws {
        try await withShellTestServer { server in
            let tokenFile = TemporaryFolder("shell-token")
            defer { tokenFile.remove() }
            let first = try await ShellProcess.run(
                port: server.port, arguments: ["--token-file", tokenFile.path],
                script: Self.operatorLogin + """
                    create-tenant "Acme Ltd" "Ada Admin" ada@acme.example
                    Operator.ListTenants {} --format json

                    """
            )
            #expect(first.error == "")
            #expect(first.status == 0)
            let lines = first.output.components(separatedBy: "\n")
            #expect(lines.first == "Signed in as operator@portico.test (OPERATOR).")
            #expect(first.output.contains(#""name": "Acme Ltd""#))
            #expect(first.output.contains(#""email": "ada@acme.example""#))
            // The token file is private to its owner and holds no password.
            let attributes = try FileManager.default.attributesOfItem(atPath: tokenFile.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            let tenantID = try #require(Self.firstValue(of: "id", in: first.output))

            // A second shell resumes the session from the token file.
            let second = try await ShellProcess.run(
                port: server.port, arguments: ["--token-file", tokenFile.path],
                script: "set-invite-limit \(tenantID) 25\ntenants\n"
            )
            #expect(second.error == "")
            #expect(second.status == 0)
            #expect(second.output.contains(#""inviteLimit": 25"#))
            let table = second.output.components(separatedBy: "\n").drop { !$0.hasPrefix("id") }
            #expect(table.first?.split(separator: " ", omittingEmptySubsequences: true) == ["id", "name", "createdAt", "inviteLimit"])
            #expect(table.dropFirst(2).first?.contains("Acme Ltd") == true)
            #expect(table.dropFirst(2).first?.hasSuffix(" 25") == true)
            #expect(table.dropFirst(3).first == "(1 row)")
        }
    }

    /// The work-order shortcuts, as a client's owner uses them.
    @Test func workOrderAndLocationShortcutsPrintTablesAndDetail() async throws {
        try await withShellTestServer { server in
            let email = "owner@beta.example", password = "a password for the owner"
            let tenants = try await server.loginInTwoTenants(email: email, password: password)
            let workOrder = try await server.workOrderAtBeta(tenants)
            let run = try await ShellProcess.run(port: server.port, script: """
                login \(email) \(tenants.beta.uuidString.lowercased())
                \(password)
                wo list open on_hold
                wo list completed
                wo show \(workOrder.uuidString.lowercased())
                locations

                """)
            #expect(run.error == "")
            #expect(run.status == 0)
            let lines = run.output.components(separatedBy: "\n")
            let openTable = lines.drop { !$0.hasPrefix("id") }
            #expect(openTable.first?.contains("number") == true && openTable.first?.contains("title") == true)
            #expect(openTable.dropFirst(2).first?.contains("WO-1001") == true)
            #expect(openTable.dropFirst(2).first?.contains("Leaking tap") == true)
            #expect(lines.contains("(0 rows)"), "no completed work orders")
            #expect(run.output.contains(#""toStatus": "WORK_ORDER_STATUS_OPEN""#), "wo show prints the history")
            #expect(run.output.contains("Lobby"))
        }
    }

    @Test func aForcedPasswordChangeIsAskedForAtOnce() async throws {
        try await withShellTestServer { server in
            try await server.userWithTemporaryPassword(email: "second@portico.test")
            let newPassword = "a brand new password for the shell"
            let run = try await ShellProcess.run(port: server.port, script: """
                login second@portico.test
                \(ShellTestServer.temporaryPassword)
                \(newPassword)
                \(newPassword)
                tenants

                """)
            #expect(run.error == "")
            #expect(run.status == 0)
            #expect(run.output.hasPrefix("""
                A new password is required before anything else.
                Password changed.
                Signed in as second@portico.test (OPERATOR).
                id  name  createdAt  inviteLimit
                """))
            #expect(!run.output.contains(newPassword))
            #expect(!run.output.contains(ShellTestServer.temporaryPassword))

            let again = try await ShellProcess.run(port: server.port, script: "login second@portico.test\n\(newPassword)\nwhoami\n")
            #expect(again.error == "")
            #expect(again.output.hasPrefix("Signed in as second@portico.test (OPERATOR).\n"))
            #expect(again.output.contains(#""email": "second@portico.test""#))
        }
    }

    /// `login EMAIL` signs in to the first tenant by name and lists the others;
    /// `login EMAIL TENANT_ID` to that tenant; SwitchMembership moves the shell's session.
    @Test func aLoginInTwoTenantsChoosesOne() async throws {
        try await withShellTestServer { server in
            let email = "dual@two.example", password = "a password for two tenants"
            let ids = try await server.loginInTwoTenants(email: email, password: password)
            let beta = ids.beta.uuidString.lowercased()
            let betaMembership = ids.betaMembership.uuidString.lowercased()

            let first = try await ShellProcess.run(port: server.port, script: "login \(email)\n\(password)\n")
            #expect(first.error == "")
            #expect(first.output == """
                Signed in as \(email) (ADMIN) at Alpha Co.
                This login is also a member elsewhere; `Auth.SwitchMembership {"membershipId": "ID"}` switches:
                  \(betaMembership)  OWNER at Beta Co, client Harbor Hotels (tenant \(beta))

                """)

            let chosen = try await ShellProcess.run(port: server.port, script: "login \(email) \(beta)\n\(password)\nwhoami\n")
            #expect(chosen.error == "")
            #expect(chosen.output.hasPrefix("Signed in as \(email) (OWNER) at Beta Co.\n"))
            #expect(chosen.output.contains(#""tenantId": "\#(beta)""#))

            let tokenFile = TemporaryFolder("shell-switch-token")
            defer { tokenFile.remove() }
            let switched = try await ShellProcess.run(port: server.port, arguments: ["--token-file", tokenFile.path], script: """
                login \(email)
                \(password)
                Auth.SwitchMembership {"membershipId": "\(betaMembership)"}
                whoami

                """)
            #expect(switched.error == "")
            let whoami = try #require(switched.output.range(of: "{\n  \"userId\"", options: .backwards))
            #expect(switched.output[whoami.lowerBound...].contains(#""tenantName": "Beta Co""#))
            // The new session's token is kept by the shell, never printed.
            #expect(switched.output.contains(#""token": "(hidden: kept by the shell; save-token writes it)""#))
            // ... and it replaced the ended one in the token file: the next shell is in Beta Co.
            let resumed = try await ShellProcess.run(
                port: server.port, arguments: ["--token-file", tokenFile.path], script: "whoami\nlogout\n"
            )
            #expect(resumed.error == "")
            #expect(resumed.output.contains(#""tenantName": "Beta Co""#))
            // Signing out removes the file with the ended token.
            #expect(!FileManager.default.fileExists(atPath: tokenFile.path))

            let elsewhere = try await ShellProcess.run(
                port: server.port, arguments: ["--fail-fast"], script: "login \(email) \(UUID().uuidString)\n\(password)\n"
            )
            #expect(elsewhere.status != 0)
            #expect(elsewhere.error.hasPrefix("ERROR NOT_FOUND: "))
        }
    }

    @Test func errorsArePrintedAndTheShellGoesOn() async throws {
        try await withShellTestServer { server in
            let run = try await ShellProcess.run(port: server.port, script: Self.operatorLogin + """
                Clients.ListClients {}
                Operator.ListTenants {"page": {"pageSize": "lots"}}
                Operator.ListTenants {"nope": 1}
                describe Operator/ListTenants

                """)
            #expect(run.status == 0)
            #expect(run.error.components(separatedBy: "\n") == [
                "ERROR PERMISSION_DENIED: your role may not call this method",
                "ERROR INVALID_ARGUMENT: bad request JSON for portico.v1.ListTenantsRequest: value at offset 22 is not a valid Int32",
                "ERROR INVALID_ARGUMENT: bad request JSON for portico.v1.ListTenantsRequest: unknown field \"nope\"",
                "",
            ])
            #expect(run.output.hasSuffix("""
                Operator/ListTenants(portico.v1.ListTenantsRequest) returns (portico.v1.ListTenantsResponse)
                access: roles OPERATOR
                request portico.v1.ListTenantsRequest:
                  page  portico.v1.PageRequest  (page = 1)
                response portico.v1.ListTenantsResponse:
                  tenants  repeated portico.v1.Tenant  (tenants = 1)
                  page     portico.v1.PageResponse     (page = 2)

                """))
        }
    }

    @Test func failFastStopsAtTheFirstFailedCall() async throws {
        try await withShellTestServer { server in
            let script = "Operator.ListTenants {}\nservices\n"
            let failing = try await ShellProcess.run(port: server.port, arguments: ["--fail-fast"], script: script)
            #expect(failing.status == 1)
            #expect(failing.output == "")
            #expect(failing.error.hasPrefix("ERROR UNAUTHENTICATED: "))
            let going = try await ShellProcess.run(port: server.port, script: script)
            #expect(going.status == 0)
            #expect(going.output.hasPrefix("Auth (portico.v1.Auth): 5 methods\n"))
        }
    }

    @Test func commandsFromTheCommandLineAndSavedResults() async throws {
        try await withShellTestServer { server in
            let folder = TemporaryFolder("shell-save")
            try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
            defer { folder.remove() }
            let file = folder.appending("health.json")
            let run = try await ShellProcess.run(
                port: server.port,
                arguments: ["-c", "methods Health; Health.Check {} > \(file)", "-c", "grpc.health.v1.Health/Check"],
                script: ""
            )
            #expect(run.error == "")
            #expect(run.status == 0)
            #expect(run.output == """
                Health/Check(grpc.health.v1.HealthCheckRequest) returns (grpc.health.v1.HealthCheckResponse)
                Health/Watch(grpc.health.v1.HealthCheckRequest) returns (stream grpc.health.v1.HealthCheckResponse)
                Saved 26 bytes to \(file).
                {
                  "status": "SERVING"
                }

                """)
            #expect(try String(contentsOfFile: file, encoding: .utf8) == "{\n  \"status\": \"SERVING\"\n}\n")
        }
    }

    /// The first `"key": "value"` string value of `key` in pretty JSON output.
    static func firstValue(of key: String, in output: String) -> String? {
        for line in output.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let prefix = "\"\(key)\": \""
            if trimmed.hasPrefix(prefix) {
                return String(trimmed.dropFirst(prefix.count).prefix { $0 != "\"" })
            }
        }
        return nil
    }
}
