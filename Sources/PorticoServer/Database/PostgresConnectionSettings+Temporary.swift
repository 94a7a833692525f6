// TEMPORARY stand-in for the cluster helper's `PostgresConnectionSettings` (same name and
// shape); deleted as soon as theirs lands on main.
public import PostgresNIO
import Foundation

public struct PostgresConnectionSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String

    public init(host: String, port: Int, username: String, password: String?, database: String) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
    }

    public init(url: String) throws {
        guard let components = URLComponents(string: url), let host = components.host else {
            throw CocoaError(.fileReadInvalidFileName)
        }
        self.init(
            host: host, port: components.port ?? 5432, username: components.user ?? "postgres",
            password: components.password, database: String(components.path.dropFirst())
        )
    }

    public func clientConfiguration() -> PostgresClient.Configuration {
        PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: .disable
        )
    }
}
