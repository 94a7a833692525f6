import Foundation
import Testing
import TestSupport

/// Streaming calls, `save-token` and `logout` in scripted sessions against a real server.
@Suite("Shell streaming and session commands")
struct SessionCommandTests {
    @Test func serverStreamingPrintsEachMessageAsItArrives() async throws {
        try await withShellTestServer { server in
            // Watch never ends: the first message printed while the call is still open
            // shows messages are not held back until the stream closes.
            let run = try await ShellProcess.run(
                port: server.port, script: "Health.Watch {}\n", until: { $0.contains("SERVING") }
            )
            #expect(run.error == "")
            #expect(run.output == "{\n  \"status\": \"SERVING\"\n}\n")
        }
    }

    /// Server reflection streams both ways: the one request goes as a stream of one,
    /// and its answer is printed.
    @Test func aBidirectionalStreamingCallSendsItsRequestAndPrintsTheAnswer() async throws {
        try await withShellTestServer { server in
            let run = try await ShellProcess.run(
                port: server.port,
                script: #"grpc.reflection.v1.ServerReflection/ServerReflectionInfo {"listServices": ""}"# + "\n"
            )
            #expect(run.status == 0)
            #expect(run.error == "")
            for service in ["portico.v1.Auth", "portico.v1.Clients", "portico.v1.Invites", "grpc.health.v1.Health"] {
                #expect(run.output.contains(#""name": "\#(service)""#), "\(service)")
            }
        }
    }

    @Test func saveTokenAndLogout() async throws {
        try await withShellTestServer { server in
            let folder = TemporaryFolder("shell-save-token")
            try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
            defer { folder.remove() }
            let file = folder.appending("token")
            let run = try await ShellProcess.run(port: server.port, script: ScriptedSessionTests.operatorLogin + """
                save-token \(file)
                Auth.Login {"email": "\(ShellTestServer.operatorEmail)", "password": "\(ShellTestServer.operatorPassword)"}
                logout
                whoami

                """)
            #expect(run.status == 0)
            #expect(run.output.hasPrefix("""
                Signed in as operator@portico.test (OPERATOR).
                Token saved to \(file).
                {

                """))
            // A response's session token is kept by the shell, never printed.
            #expect(run.output.contains(#""token": "(hidden: kept by the shell; save-token writes it)""#))
            #expect(run.output.hasSuffix("}\nSigned out.\n"))
            #expect(run.error.hasPrefix("ERROR UNAUTHENTICATED: "))
            let token = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(token.count > 20)
            #expect(!run.output.contains(token))
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
        }
    }
}
