import ArgumentParser
import Foundation
import Logging
import PorticoServer

/// Where the data lives and how loudly to log: shared by every subcommand.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("database-url"), help: """
        The server's connection: a role without BYPASSRLS. [env: DATABASE_URL] \
        Unset: a local cluster in --data-directory.
        """)
    var databaseURL: String?

    @Option(name: .customLong("owner-database-url"), help: """
        The schema owner's connection, for migrations. [env: PORTICO_OWNER_DATABASE_URL] \
        Needed with --database-url: the server's own role may not own the schema.
        """)
    var ownerDatabaseURL: String?

    @Option(name: .customLong("data-directory"), help: """
        The local cluster's folder. [env: PORTICO_DATA_DIR, default: .portico/postgres]
        """)
    var dataDirectory: String?

    @Option(name: .customLong("log-level"), help: """
        trace, debug, info, notice, warning, error or critical. [env: PORTICO_LOG_LEVEL, default: info]
        """)
    var logLevel: String?

    func validate() throws {
        _ = try resolvedLogLevel()
    }

    var location: DatabaseLocation {
        let environment = ProcessInfo.processInfo.environment
        if let appURL = databaseURL ?? environment["DATABASE_URL"], !appURL.isEmpty {
            let ownerURL = ownerDatabaseURL ?? environment["PORTICO_OWNER_DATABASE_URL"]
            return .external(appURL: appURL, ownerURL: ownerURL?.isEmpty == false ? ownerURL : nil)
        }
        let folder = dataDirectory ?? environment["PORTICO_DATA_DIR"] ?? ".portico/postgres"
        return .localCluster(dataDirectory: folder)
    }

    func resolvedLogLevel() throws -> Logger.Level {
        let text = logLevel ?? ProcessInfo.processInfo.environment["PORTICO_LOG_LEVEL"] ?? "info"
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            throw ValidationError("unknown log level '\(text)'")
        }
        return level
    }

    /// Bootstraps swift-log once: one line per event on standard error.
    func makeLogger() throws -> Logger {
        let level = try resolvedLogLevel()
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "portico")
    }
}
