public import PorticoAPI

/// What the access check decided for one call.
public enum AccessDecision: Sendable, Equatable {
    case allowed
    /// No session, or a bad one, on a method that needs one.
    case unauthenticated
    /// Signed in, but the role is not in the method's rule.
    case permissionDenied
    /// Signed in with a temporary password that must be changed first (rule 4).
    case passwordChangeRequired
}

/// Applies a method's `(portico.v1.access)` rule to a caller. Pure, so the role-matrix
/// test and the interceptor share it.
public enum AccessPolicy {
    public static func decide(rule: Portico_V1_AccessRule?, principal: Principal?) -> AccessDecision {
        // A method without a rule cannot be compiled (schemac --require_method_option),
        // but a hand-registered one must still fail closed.
        guard let rule else { return .permissionDenied }
        if rule.public { return .allowed }
        guard let principal else { return .unauthenticated }
        if principal.passwordChangeRequired && !rule.allowedBeforePasswordChange {
            return .passwordChangeRequired
        }
        if rule.anySignedIn || rule.roles.contains(principal.role) { return .allowed }
        return .permissionDenied
    }
}
