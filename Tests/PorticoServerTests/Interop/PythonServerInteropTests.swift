import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import ProtoWire
import ProtoWireGRPC
import Testing

/// Python's grpcio against a real server: health checks with grpcio-health-checking,
/// reflection with grpcio-reflection, Login and WhoAmI with stubs that grpcio-tools
/// generates from Schema/ (Tests/Interop/server_interop.py). What the script reports is
/// compared exactly with what the server must have: its services, the generated
/// registry's methods and access rules, and the fixtures' login.
@Suite struct PythonServerInteropTests {
    /// The services the server has, as any gRPC tool must see them.
    static let services: [String] = [
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
        "portico.v1.Auth",
        "portico.v1.Clients",
        "portico.v1.Invites",
        "portico.v1.Locations",
        "portico.v1.NteProfiles",
        "portico.v1.Operator",
        "portico.v1.TenantSettings",
        "portico.v1.WorkOrders",
    ]

    static let sessionLifetime = Duration.seconds(2 * 3600)

    @Test func healthReflectionLoginAndWhoAmIFromGrpcio() async throws {
        let script = try ServerInteropScript()
        try await withTestServer(configure: { $0.auth.sessionLifetime = Self.sessionLifetime }) { server in
            let login = try await InteropLogin.make(in: server)
            let started = Date()
            let run = try await script.check(port: server.port, email: login.email, password: Fixtures.password)
            let finished = Date()
            #expect(run.exitCode == 0, "server_interop.py failed:\n\(run.stderr)")
            let report = try run.report()
            #expect(report["failures"] == .null)
            #expect(report["address"] == .string("127.0.0.1:\(server.port)"))
            #expect(report["health"] == Self.expectedHealth)
            for version in ["v1", "v1alpha"] {
                try Self.expectReflection(report["reflection_\(version)"], version: version)
            }
            try Self.expectAuth(report["auth"], login: login, issuedBetween: started ... finished)
        }
    }

    @Test func aFailedCheckExitsNonZeroAndSaysWhy() async throws {
        let script = try ServerInteropScript()
        try await withTestServer { server in
            let run = try await script.check(port: server.port, email: "nobody@example.com", password: Fixtures.password)
            #expect(run.exitCode == 1)
            let report = try run.report()
            #expect(report["failures"] == ["auth: RPC failed with UNAUTHENTICATED: email or password is incorrect"])
            #expect(report["health"] == Self.expectedHealth, "the steps before auth still ran and passed")
            #expect(run.stderr.contains("server_interop: FAILED: auth: RPC failed with UNAUTHENTICATED"))
        }
    }

    @Test func waitServingAnswersOnceTheServerIsServing() async throws {
        let script = try ServerInteropScript()
        try await withTestServer { server in
            let address = "127.0.0.1:\(server.port)"
            let run = try await script.waitServing(address: address, timeout: 20)
            #expect(run.exitCode == 0, "\(run.stderr)")
            #expect(try run.report() == ["status": "SERVING", "address": .string(address)])
        }
    }

    @Test func waitServingGivesUpOnAPortNobodyListensOn() async throws {
        let script = try ServerInteropScript()
        let run = try await script.waitServing(address: "127.0.0.1:1", timeout: 2)
        #expect(run.exitCode == 1)
        let report = try run.report()
        #expect(report["status"] == .null)
        guard case .array(let failures) = report["failures"], case .string(let reason)? = failures.first else {
            Issue.record("no failure reason in \(report)")
            return
        }
        #expect(reason.hasPrefix("no SERVING answer from 127.0.0.1:1 within 2 s (last: UNAVAILABLE"))
    }

    static var expectedHealth: JSONValue {
        var statuses: [String: JSONValue] = ["": "SERVING"]
        for service in services { statuses[service] = "SERVING" }
        return ["check": .object(statuses), "check_unknown_service": "NOT_FOUND", "watch_first": "SERVING"]
    }
}

/// A login with one ADMIN membership, made through the fixtures.
struct InteropLogin {
    var email: String
    var userID: UUID
    var tenantID: UUID
    var membershipID: UUID

    static let displayName = "Interop Tester"
    static let tenantName = "Interop Plumbing"

    static func make(in server: TestServer) async throws -> InteropLogin {
        let user = try await server.fixtures.user(displayName: displayName)
        let tenant = try await server.fixtures.tenant(tenantName)
        let membership = try await server.fixtures.membership(user: user.id, tenant: tenant, role: .admin)
        return InteropLogin(email: user.email, userID: user.id, tenantID: tenant, membershipID: membership)
    }

    /// The membership as proto3 JSON, as grpcio's json_format prints it.
    var membershipJSON: JSONValue {
        [
            "id": .string(membershipID.uuidString.lowercased()),
            "role": "ROLE_ADMIN",
            "tenantId": .string(tenantID.uuidString.lowercased()),
            "tenantName": .string(Self.tenantName),
        ]
    }
}
