import Testing

@testable import PorticoShell

/// `services`, `methods` and `describe` print the registry, exactly.
@Suite("Discovery output")
struct ShellDiscoveryTests {
    let discovery = ShellDiscovery(schema: .portico)

    @Test func servicesListsEveryServiceOfTheRegistry() {
        #expect(discovery.services() == """
            Auth (portico.v1.Auth): 5 methods
            Clients (portico.v1.Clients): 4 methods
            Invites (portico.v1.Invites): 7 methods
            Locations (portico.v1.Locations): 4 methods
            NteProfiles (portico.v1.NteProfiles): 2 methods
            Operator (portico.v1.Operator): 3 methods
            TenantSettings (portico.v1.TenantSettings): 2 methods
            WorkOrders (portico.v1.WorkOrders): 18 methods
            Health (grpc.health.v1.Health): 2 methods
            grpc.reflection.v1.ServerReflection: 1 method
            grpc.reflection.v1alpha.ServerReflection: 1 method
            """)
    }

    @Test func methodsOfOneService() throws {
        #expect(try discovery.methods(service: "Operator") == """
            Operator/CreateTenant(portico.v1.CreateTenantRequest) returns (portico.v1.CreateTenantResponse)
            Operator/ListTenants(portico.v1.ListTenantsRequest) returns (portico.v1.ListTenantsResponse)
            Operator/SetInviteLimit(portico.v1.SetInviteLimitRequest) returns (portico.v1.SetInviteLimitResponse)
            """)
        #expect(try discovery.methods(service: "grpc.health.v1.Health") == """
            Health/Check(grpc.health.v1.HealthCheckRequest) returns (grpc.health.v1.HealthCheckResponse)
            Health/Watch(grpc.health.v1.HealthCheckRequest) returns (stream grpc.health.v1.HealthCheckResponse)
            """)
    }

    @Test func methodsOfEveryServiceCoverTheRegistry() throws {
        let lines = try discovery.methods(service: nil).split(separator: "\n")
        #expect(lines.count == 49)
        #expect(lines.first == "Auth/Login(portico.v1.LoginRequest) returns (portico.v1.LoginResponse)")
    }

    @Test func describeShowsAccessAndFields() throws {
        #expect(try discovery.describe("Operator/SetInviteLimit") == """
            Operator/SetInviteLimit(portico.v1.SetInviteLimitRequest) returns (portico.v1.SetInviteLimitResponse)
            access: roles OPERATOR
            request portico.v1.SetInviteLimitRequest:
              tenantId        string  (tenant_id = 1)
              inviteLimit     int32   (invite_limit = 2)
              restoreDefault  bool    (restore_default = 3)
            response portico.v1.SetInviteLimitResponse:
              tenant  portico.v1.Tenant  (tenant = 1)
            """)
        #expect(try discovery.describe("portico.v1.Auth.WhoAmI") == """
            Auth/WhoAmI(portico.v1.WhoAmIRequest) returns (portico.v1.WhoAmIResponse)
            access: any signed-in user; also before a required password change
            request portico.v1.WhoAmIRequest: no fields
            response portico.v1.WhoAmIResponse:
              principal  portico.v1.Principal  (principal = 1)
              session    portico.v1.Session    (session = 2)
            """)
        // An enum field lists the values its JSON takes.
        #expect(try discovery.describe("grpc.health.v1.Health/Check").hasSuffix("""
            response grpc.health.v1.HealthCheckResponse:
              status  grpc.health.v1.HealthCheckResponse.ServingStatus  (status = 1)  UNKNOWN|SERVING|NOT_SERVING|SERVICE_UNKNOWN
            """))
    }

    @Test func unknownNamesAreNotFound() {
        #expect(throws: ShellError(status: "NOT_FOUND", message: "no method \"Operator/Nope\" (methods lists them)")) {
            try discovery.describe("Operator/Nope")
        }
        #expect(throws: ShellError(status: "NOT_FOUND", message: "no service \"Nope\" (services lists them)")) {
            try discovery.methods(service: "Nope")
        }
    }

    /// Every input and output type of every method is in the registry's message table,
    /// so every method can be called by JSON.
    @Test func everyMethodsTypesAreInTheMessageTable() {
        let schema = ShellSchema.portico
        let missing = schema.allMethods.flatMap { [$0.method.inputType, $0.method.outputType] }
            .filter { schema.messages[$0] == nil }
        #expect(missing == [])
        #expect(schema.allMethods.count == 49)
        for method in schema.allMethods {
            #expect(schema.messages[method.method.inputType]?.messageType.protoMessageName == method.method.inputType)
        }
    }
}
