import PorticoAPI
import Synchronization

/// Who is signed in, with which token, and how results are shown: the state that lives
/// as long as the shell. A line editor reads `prompt` from another thread than the one
/// running commands, hence the lock.
public final class ShellSession: Sendable {
    /// How a response is printed.
    public enum OutputFormat: String, Sendable, CaseIterable {
        case json, table
    }

    struct SignedIn: Sendable, Equatable {
        var token: String
        var email: String
        /// `ADMIN`, `OPERATOR`, … (the role without its `ROLE_` prefix).
        var role: String
    }

    private struct State: Sendable {
        var signedIn: SignedIn?
        var format: OutputFormat
    }

    private let state: Mutex<State>

    public init(format: OutputFormat = .json) {
        state = Mutex(State(signedIn: nil, format: format))
    }

    /// `portico(alice@acme.example ADMIN)> ` when signed in, `portico> ` otherwise.
    public var prompt: String {
        state.withLock { state in
            guard let signedIn = state.signedIn else { return "portico> " }
            return signedIn.role.isEmpty
                ? "portico(\(signedIn.email))> " : "portico(\(signedIn.email) \(signedIn.role))> "
        }
    }

    public var format: OutputFormat {
        get { state.withLock { $0.format } }
        set { state.withLock { $0.format = newValue } }
    }

    /// The bearer token of the current sign-in, nil when signed out.
    var token: String? { state.withLock { $0.signedIn?.token } }

    var signedIn: SignedIn? {
        get { state.withLock { $0.signedIn } }
        set { state.withLock { $0.signedIn = newValue } }
    }

    /// Keeps a fresh sign-in from a principal the server returned.
    func signIn(token: String, principal: Portico_V1_Principal) {
        signedIn = SignedIn(token: token, email: principal.email, role: Self.roleName(principal.membership.role))
    }

    /// The same sign-in under a new token (a password change ends the old session).
    func replaceToken(_ token: String) {
        state.withLock { $0.signedIn?.token = token }
    }

    static func roleName(_ role: Portico_V1_Role) -> String {
        guard role != .unspecified, let name = role.protoName else { return "" }
        return name.hasPrefix("ROLE_") ? String(name.dropFirst(5)) : name
    }
}
