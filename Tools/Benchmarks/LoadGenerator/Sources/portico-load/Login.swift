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
        var request = Portico_V1_LoginRequest()
        request.email = email
        request.password = password
        let response = try await withGRPCClient(transport: try server.makeTransport()) { client in
            try await Portico_V1_Auth.Client(wrapping: client).login(request)
        }
        guard response.hasSession, !response.session.token.isEmpty else {
            throw LoadError("Login answered without a session token")
        }
        print(response.session.token)
    }
}

/// A failure of the load generator itself, with a message for the operator.
struct LoadError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
