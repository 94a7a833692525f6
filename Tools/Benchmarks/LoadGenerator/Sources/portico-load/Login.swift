import ArgumentParser
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import PorticoAPI

/// Signs in once and prints the session token on standard output, for the load run.
/// The password comes from the environment so that it never shows in a process list.
struct Login: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sign in and print the session token.",
        discussion: "The password is read from PORTICO_PASSWORD."
    )

    @OptionGroup var server: ServerAddress

    @Option(help: "The login's email.")
    var email: String

    func run() async throws {
        guard let password = ProcessInfo.processInfo.environment["PORTICO_PASSWORD"], !password.isEmpty else {
            throw ValidationError("set PORTICO_PASSWORD to the login's password")
        }
        let token = try await withGRPCClient(transport: try server.makeTransport()) { client in
            try await SignIn.token(email: email, password: password, on: client)
        }
        print(token)
    }
}

/// Auth/Login through the generated client: one new session per call.
enum SignIn {
    static func token(
        email: String, password: String, on client: GRPCClient<HTTP2ClientTransport.Posix>
    ) async throws -> String {
        var request = Portico_V1_LoginRequest()
        request.email = email
        request.password = password
        let response = try await Portico_V1_Auth.Client(wrapping: client).login(request)
        guard response.hasSession, !response.session.token.isEmpty else {
            throw LoadError("Login answered without a session token")
        }
        return response.session.token
    }

    /// `count` sessions of one login, signed in `concurrency` at a time. The server
    /// counts sign-in attempts per email and locks it after 5 without a success (each
    /// success clears the count), so at most 4 may be in flight at once.
    static func tokens(
        _ count: Int, email: String, password: String, concurrency: Int,
        on client: GRPCClient<HTTP2ClientTransport.Posix>
    ) async throws -> [String] {
        precondition((1...4).contains(concurrency))
        return try await withThrowingTaskGroup(of: [String].self) { group in
            for worker in 0..<concurrency {
                let share = count / concurrency + (worker < count % concurrency ? 1 : 0)
                group.addTask {
                    var tokens: [String] = []
                    for _ in 0..<share {
                        tokens.append(try await token(email: email, password: password, on: client))
                    }
                    return tokens
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }
}

/// A failure of the load generator itself, with a message for the operator.
struct LoadError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
