import Foundation

extension PostgresConnectionSettings {
    /// Parses `postgres://user:password@host:port/database?sslmode=...` (or `postgresql://`).
    ///
    /// User, password and database are percent-decoded; an IPv6 host is written in
    /// brackets. The port defaults to 5432, the database to the user name (as libpq does),
    /// `sslmode` to `prefer`. The only query parameter is `sslmode`; any other is an error
    /// rather than silently ignored. Errors never quote the URL, so they cannot leak the
    /// password.
    public init(url: String) throws(PostgresURLError) {
        var rest = Substring(url)
        try Self.consumeScheme(&rest)
        let query = Self.split(&rest, at: "?")
        let path = Self.split(&rest, at: "/")
        let authority = rest
        guard let at = authority.lastIndex(of: "@") else {
            throw PostgresURLError(.missingUsername, "the URL names no user (postgres://USER@HOST/DATABASE)")
        }
        let (username, password) = try Self.parseUserInfo(authority[..<at])
        let (host, port) = try Self.parseHostAndPort(authority[authority.index(after: at)...])
        let database = try path.map { path throws(PostgresURLError) in try Self.decoded(path, component: "database name") } ?? ""
        self.init(
            host: host,
            port: port,
            username: username,
            password: password,
            database: database.isEmpty ? username : database,
            tlsMode: try Self.parseQuery(query)
        )
    }

    private static func consumeScheme(_ rest: inout Substring) throws(PostgresURLError) {
        guard let separator = rest.range(of: "://") else {
            throw PostgresURLError(.unsupportedScheme, "a database URL starts with postgres:// or postgresql://")
        }
        let scheme = rest[..<separator.lowerBound].lowercased()
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw PostgresURLError(.unsupportedScheme, "a database URL starts with postgres:// or postgresql://")
        }
        rest = rest[separator.upperBound...]
    }

    /// Cuts `rest` at the first `separator`: returns what follows it, or nil without one.
    private static func split(_ rest: inout Substring, at separator: Character) -> Substring? {
        guard let index = rest.firstIndex(of: separator) else { return nil }
        let tail = rest[rest.index(after: index)...]
        rest = rest[..<index]
        return tail
    }

    private static func parseUserInfo(
        _ userInfo: Substring
    ) throws(PostgresURLError) -> (username: String, password: String?) {
        var user = userInfo
        let password = split(&user, at: ":")
        let username = try decoded(user, component: "user name")
        guard !username.isEmpty else {
            throw PostgresURLError(.missingUsername, "the URL names no user (postgres://USER@HOST/DATABASE)")
        }
        return (username, try password.map { password throws(PostgresURLError) in try decoded(password, component: "password") })
    }

    private static func parseHostAndPort(_ hostPort: Substring) throws(PostgresURLError) -> (String, Int) {
        guard !hostPort.contains(",") else {
            throw PostgresURLError(.invalidHost, "the URL names several hosts; Portico connects to one")
        }
        var host: Substring
        var portText: Substring?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else {
                throw PostgresURLError(.invalidHost, "the IPv6 host has no closing ']'")
            }
            host = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
            let afterHost = hostPort[hostPort.index(after: close)...]
            guard afterHost.isEmpty || afterHost.hasPrefix(":") else {
                throw PostgresURLError(.invalidHost, "unexpected text after the IPv6 host")
            }
            portText = afterHost.isEmpty ? nil : afterHost.dropFirst()
        } else {
            host = hostPort
            portText = split(&host, at: ":")
        }
        guard !host.isEmpty else {
            throw PostgresURLError(.invalidHost, "the URL names no host (postgres://USER@HOST/DATABASE)")
        }
        return (try decoded(host, component: "host"), try parsePort(portText))
    }

    private static func parsePort(_ text: Substring?) throws(PostgresURLError) -> Int {
        guard let text else { return defaultPort }
        guard text.allSatisfy(\.isASCII), let port = Int(text), (1...65535).contains(port) else {
            throw PostgresURLError(.invalidPort, "the port is not a number from 1 to 65535")
        }
        return port
    }

    private static func parseQuery(_ query: Substring?) throws(PostgresURLError) -> TLSMode {
        var mode = TLSMode.prefer
        for pair in (query ?? "").split(separator: "&") {
            var name = pair
            let value = split(&name, at: "=") ?? ""
            // The name is not quoted: with an unescaped `?` in the password, it would be
            // the password's tail.
            guard name == "sslmode" else {
                throw PostgresURLError(.unsupportedParameter, "the URL has a parameter other than sslmode")
            }
            guard let parsed = TLSMode(rawValue: String(value)) else {
                let modes = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
                throw PostgresURLError(.invalidTLSMode, "sslmode must be one of \(modes)")
            }
            mode = parsed
        }
        return mode
    }

    private static func decoded(_ text: Substring, component: String) throws(PostgresURLError) -> String {
        guard let value = String(text).removingPercentEncoding else {
            throw PostgresURLError(.invalidPercentEncoding, "the \(component) has an invalid %-escape")
        }
        return value
    }

    // MARK: Rendering

    /// Only RFC 3986's unreserved characters stay as they are, so any text round-trips.
    static func percentEncoded(_ text: String) -> String {
        var allowed = CharacterSet(charactersIn: "-._~")
        allowed.formUnion(CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"))
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    func render(password renderedPassword: String?) -> String {
        let user = Self.percentEncoded(username) + (renderedPassword.map { ":" + $0 } ?? "")
        let renderedHost = host.contains(":") ? "[\(host)]" : Self.percentEncoded(host)
        return "postgres://\(user)@\(renderedHost):\(port)/\(Self.percentEncoded(database))"
            + "?sslmode=\(tlsMode.rawValue)"
    }
}
