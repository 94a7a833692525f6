import Foundation
import PorticoAPI
import ProtoWire

/// Signing in and out. The password only ever goes from `readSecret` into the request;
/// the token only into the session, the `authorization` header and files the user names.
extension Shell {
    func login(email: String, tenantID: String?, input: any LineInput, invoker: RPCInvoker) async throws {
        guard let password = input.readSecret(prompt: "Password for \(email): ") else {
            throw ShellError.invalidArgument("no password given (end of input)")
        }
        var request = Portico_V1_LoginRequest()
        request.email = email
        request.password = password
        request.tenantId = tenantID ?? ""
        let response: Portico_V1_LoginResponse = try await invoker.unary(
            request, Portico_V1_Auth.Method.Login.descriptor, token: nil
        )
        session.signIn(token: response.session.token, principal: response.principal)
        if response.session.passwordChangeRequired {
            try await changePassword(current: password, input: input, invoker: invoker)
        }
        try storeTokenIfAsked()
        let membership = response.principal.membership
        let tenant = membership.tenantName.isEmpty ? "" : " at \(membership.tenantName)"
        console.notice("Signed in as \(response.principal.email)\(roleSuffix)\(tenant).")
        listOtherMemberships(response.memberships.filter { $0.id != membership.id })
    }

    /// A login in several tenants signs in to the first by name unless a tenant is
    /// given: say where else it may act, and how to get there.
    private func listOtherMemberships(_ others: [Portico_V1_Membership]) {
        guard !others.isEmpty else { return }
        console.notice("This login is also a member elsewhere; `Auth.SwitchMembership {\"membershipId\": \"ID\"}` switches:")
        for other in others {
            let client = other.clientName.isEmpty ? "" : ", client \(other.clientName)"
            console.notice("  \(other.id)  \(ShellSession.roleName(other.role)) at \(other.tenantName)\(client) (tenant \(other.tenantId))")
        }
    }

    /// A forced password change right after sign-in: the server allows nothing else
    /// until it is done, so the shell asks at once instead of failing every call.
    private func changePassword(current: String, input: any LineInput, invoker: RPCInvoker) async throws {
        console.notice("A new password is required before anything else.")
        guard let first = input.readSecret(prompt: "New password: "),
            let second = input.readSecret(prompt: "New password again: ")
        else { throw ShellError.invalidArgument("no new password given (end of input)") }
        guard first == second else {
            throw ShellError.invalidArgument("the two new passwords differ; sign in again to retry")
        }
        var request = Portico_V1_ChangePasswordRequest()
        request.currentPassword = current
        request.newPassword = first
        let response: Portico_V1_ChangePasswordResponse = try await invoker.unary(
            request, Portico_V1_Auth.Method.ChangePassword.descriptor, token: session.token
        )
        if !response.session.token.isEmpty { session.replaceToken(response.session.token) }
        console.notice("Password changed.")
    }

    func logout(_ invoker: RPCInvoker) async throws {
        guard let token = session.token else { throw ShellError(status: "UNAUTHENTICATED", message: "not signed in") }
        // Forget the token even if the server cannot be told: the user asked to be out.
        session.signedIn = nil
        if let path = options.tokenFile { unlink(path) }
        let _: Portico_V1_LogoutResponse = try await invoker.unary(
            Portico_V1_LogoutRequest(), Portico_V1_Auth.Method.Logout.descriptor, token: token
        )
        console.notice("Signed out.")
    }

    func whoAmI(_ invoker: RPCInvoker) async throws {
        let response: Portico_V1_WhoAmIResponse = try await invoker.unary(
            Portico_V1_WhoAmIRequest(), Portico_V1_Auth.Method.WhoAmI.descriptor, token: session.token
        )
        // The response repeats the session token: print the principal only.
        console.print(try response.principal.jsonString(options: JSONEncodingOptions(prettyPrint: true)))
    }

    func saveToken(to path: String) throws {
        guard let token = session.token else { throw ShellError(status: "UNAUTHENTICATED", message: "not signed in") }
        try TokenFile.write(token, to: path)
        console.notice("Token saved to \(path).")
    }

    /// With `--token-file` and a token in it, the shell starts signed in as that token's
    /// user (when the server still accepts it).
    func resumeSession(_ invoker: RPCInvoker) async {
        guard let path = options.tokenFile, let token = TokenFile.read(path) else { return }
        do {
            let response: Portico_V1_WhoAmIResponse = try await invoker.unary(
                Portico_V1_WhoAmIRequest(), Portico_V1_Auth.Method.WhoAmI.descriptor, token: token
            )
            session.signIn(token: token, principal: response.principal)
        } catch {
            console.notice("The token in \(path) is no longer valid; sign in with login.")
        }
    }

    /// Keeps the current token in `--token-file`, whenever it changes.
    func storeTokenIfAsked() throws {
        guard let path = options.tokenFile, let token = session.token else { return }
        try TokenFile.write(token, to: path)
    }

    private var roleSuffix: String {
        let role = session.signedIn?.role ?? ""
        return role.isEmpty ? "" : " (\(role))"
    }
}

/// A session token on disk (`OwnerOnlyFile`): mode 0600 before anything is written, so
/// the token is never readable by others, even for a moment.
enum TokenFile {
    static func write(_ token: String, to path: String) throws {
        guard let descriptor = OwnerOnlyFile.openForWriting(path, truncating: true) else {
            throw ShellError(status: "UNKNOWN", message: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        do {
            try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(contentsOf: Data((token + "\n").utf8))
        } catch {
            throw ShellError(status: "UNKNOWN", message: "cannot write \(path): \(error.localizedDescription)")
        }
    }

    static func read(_ path: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let token = text.trimmingSpaces()
        return token.isEmpty ? nil : token
    }
}
