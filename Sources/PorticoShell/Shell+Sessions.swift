import PorticoAPI
import ProtoWire

/// Responses that carry a session token (Login, SwitchMembership, ChangePassword,
/// WhoAmI) called through `call`: the shell keeps a new token (and `--token-file` with
/// it), since it now speaks for that sign-in, and prints a placeholder instead, so a
/// token never reaches the screen, a script's output or a terminal's scrollback.
extension Shell {
    static let hiddenToken = "(hidden: kept by the shell; save-token writes it)"

    func takeSession(from message: any ProtoMessage) throws -> any ProtoMessage {
        switch message {
        case var response as Portico_V1_LoginResponse where !response.session.token.isEmpty:
            session.signIn(token: response.session.token, principal: response.principal)
            try storeTokenIfAsked()
            response.session.token = Self.hiddenToken
            return response
        case var response as Portico_V1_ChangePasswordResponse where !response.session.token.isEmpty:
            session.replaceToken(response.session.token)
            try storeTokenIfAsked()
            response.session.token = Self.hiddenToken
            return response
        case var response as Portico_V1_WhoAmIResponse where !response.session.token.isEmpty:
            response.session.token = Self.hiddenToken
            return response
        default:
            return message
        }
    }
}
