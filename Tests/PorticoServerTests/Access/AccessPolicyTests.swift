import Foundation
import PorticoAPI
@testable import PorticoServer
import Testing

@Suite struct AccessPolicyTests {
    static func principal(_ role: Portico_V1_Role, mustChangePassword: Bool = false) -> Principal {
        Principal(
            sessionID: UUID(), userID: UUID(), email: "a@example.com", displayName: "A", role: role,
            membershipID: UUID(), tenantID: UUID(), tenantName: "T", clientID: nil, clientName: nil,
            expiresAt: Date(timeIntervalSinceNow: 3600), passwordChangeRequired: mustChangePassword
        )
    }

    static func rule(
        public isPublic: Bool = false, anySignedIn: Bool = false, roles: [Portico_V1_Role] = [],
        beforePasswordChange: Bool = false
    ) -> Portico_V1_AccessRule {
        var rule = Portico_V1_AccessRule()
        rule.public = isPublic
        rule.anySignedIn = anySignedIn
        rule.roles = roles
        rule.allowedBeforePasswordChange = beforePasswordChange
        return rule
    }

    @Test func publicMethodsAllowEveryone() {
        #expect(AccessPolicy.decide(rule: Self.rule(public: true), principal: nil) == .allowed)
        #expect(AccessPolicy.decide(rule: Self.rule(public: true), principal: Self.principal(.member, mustChangePassword: true)) == .allowed)
    }

    @Test func otherMethodsNeedASession() {
        #expect(AccessPolicy.decide(rule: Self.rule(anySignedIn: true), principal: nil) == .unauthenticated)
        #expect(AccessPolicy.decide(rule: Self.rule(roles: [.admin]), principal: nil) == .unauthenticated)
    }

    @Test func rolesMustBeListed() {
        let adminsAndOwners = Self.rule(roles: [.admin, .owner])
        #expect(AccessPolicy.decide(rule: adminsAndOwners, principal: Self.principal(.admin)) == .allowed)
        #expect(AccessPolicy.decide(rule: adminsAndOwners, principal: Self.principal(.owner)) == .allowed)
        #expect(AccessPolicy.decide(rule: adminsAndOwners, principal: Self.principal(.member)) == .permissionDenied)
        #expect(AccessPolicy.decide(rule: adminsAndOwners, principal: Self.principal(.operator)) == .permissionDenied)
        #expect(AccessPolicy.decide(rule: Self.rule(anySignedIn: true), principal: Self.principal(.tech)) == .allowed)
    }

    @Test func aTemporaryPasswordBlocksAllButTheMarkedMethods() {
        let changing = Self.principal(.admin, mustChangePassword: true)
        #expect(AccessPolicy.decide(rule: Self.rule(roles: [.admin]), principal: changing) == .passwordChangeRequired)
        #expect(AccessPolicy.decide(rule: Self.rule(anySignedIn: true), principal: changing) == .passwordChangeRequired)
        #expect(AccessPolicy.decide(rule: Self.rule(anySignedIn: true, beforePasswordChange: true), principal: changing) == .allowed)
    }

    @Test func aMethodWithoutARuleIsClosed() {
        #expect(AccessPolicy.decide(rule: nil, principal: Self.principal(.admin)) == .permissionDenied)
        #expect(AccessPolicy.decide(rule: nil, principal: nil) == .permissionDenied)
    }
}
