import LocalPostgres
import Testing

@Suite struct PostgresConnectionSettingsTests {
    @Test func parsesEveryPartOfAFullURL() throws {
        let settings = try PostgresConnectionSettings(url: "postgres://app:s3cret@db.example.com:6543/portico?sslmode=require")
        #expect(
            settings
                == PostgresConnectionSettings(
                    host: "db.example.com",
                    port: 6543,
                    username: "app",
                    password: "s3cret",
                    database: "portico",
                    tlsMode: .require
                )
        )
    }

    @Test func appliesLibpqDefaultsForPortDatabaseAndTLS() throws {
        let settings = try PostgresConnectionSettings(url: "postgresql://app@localhost")
        #expect(
            settings
                == PostgresConnectionSettings(
                    host: "localhost",
                    port: 5432,
                    username: "app",
                    password: nil,
                    database: "app",
                    tlsMode: .prefer
                )
        )
    }

    @Test func percentDecodesUserPasswordAndDatabase() throws {
        let settings = try PostgresConnectionSettings(url: "postgres://us%40er:p%3Aa%2Fs%40s%25@h/my%20db")
        #expect(settings.username == "us@er")
        #expect(settings.password == "p:a/s@s%")
        #expect(settings.database == "my db")
    }

    @Test func readsAnIPv6HostWithoutItsBrackets() throws {
        let settings = try PostgresConnectionSettings(url: "postgres://u:p@[::1]:5433/d")
        #expect(settings.host == "::1")
        #expect(settings.port == 5433)
    }

    @Test func anEmptyPasswordIsNotNoPassword() throws {
        #expect(try PostgresConnectionSettings(url: "postgres://u:@h/d").password == "")
        #expect(try PostgresConnectionSettings(url: "postgres://u@h/d").password == nil)
    }

    @Test(arguments: PostgresConnectionSettings.TLSMode.allCases)
    func acceptsEverySSLMode(_ mode: PostgresConnectionSettings.TLSMode) throws {
        #expect(try PostgresConnectionSettings(url: "postgres://u@h/d?sslmode=\(mode.rawValue)").tlsMode == mode)
    }

    @Test func theURLRoundTripsAndTheRedactedFormHidesThePassword() throws {
        let settings = PostgresConnectionSettings(
            host: "::1",
            port: 5433,
            username: "user name",
            password: "p@ss:w/rd?&%",
            database: "d/b",
            tlsMode: .disable
        )
        #expect(settings.url == "postgres://user%20name:p%40ss%3Aw%2Frd%3F%26%25@[::1]:5433/d%2Fb?sslmode=disable")
        #expect(try PostgresConnectionSettings(url: settings.url) == settings)
        #expect(settings.redactedDescription == "postgres://user%20name:***@[::1]:5433/d%2Fb?sslmode=disable")
        #expect("\(settings)" == settings.redactedDescription)
        #expect(!String(reflecting: settings).contains("p@ss"))
    }

    @Test func withDatabaseChangesOnlyTheDatabase() throws {
        let settings = try PostgresConnectionSettings(url: "postgres://u:p@h:1/one?sslmode=disable")
        #expect(try settings.with(database: "two") == PostgresConnectionSettings(url: "postgres://u:p@h:1/two?sslmode=disable"))
    }

    @Test func theClientConfigurationCarriesEverySetting() throws {
        let configuration = try PostgresConnectionSettings(url: "postgres://u:p@h:7/d?sslmode=disable").clientConfiguration()
        #expect(configuration.host == "h")
        #expect(configuration.port == 7)
        #expect(configuration.username == "u")
        #expect(configuration.password == "p")
        #expect(configuration.database == "d")
    }

    struct InvalidURL: Sendable, CustomTestStringConvertible {
        var url: String
        var code: PostgresURLError.Code
        var message: String
        var testDescription: String { "\(code)" }
    }

    /// Every URL has the password `hunter2`, which no message may contain.
    static let invalidURLs: [InvalidURL] = [
        .init(url: "mysql://u:hunter2@h/d", code: .unsupportedScheme, message: "a database URL starts with postgres:// or postgresql://"),
        .init(url: "hunter2", code: .unsupportedScheme, message: "a database URL starts with postgres:// or postgresql://"),
        .init(url: "postgres://h/d?x=hunter2", code: .missingUsername, message: "the URL names no user (postgres://USER@HOST/DATABASE)"),
        .init(url: "postgres://:hunter2@h/d", code: .missingUsername, message: "the URL names no user (postgres://USER@HOST/DATABASE)"),
        .init(url: "postgres://u:hunter2@/d", code: .invalidHost, message: "the URL names no host (postgres://USER@HOST/DATABASE)"),
        .init(url: "postgres://u:hunter2@a,b/d", code: .invalidHost, message: "the URL names several hosts; Portico connects to one"),
        .init(url: "postgres://u:hunter2@[::1/d", code: .invalidHost, message: "the IPv6 host has no closing ']'"),
        .init(url: "postgres://u:hunter2@h:0/d", code: .invalidPort, message: "the port is not a number from 1 to 65535"),
        .init(url: "postgres://u:hunter2@h:65536/d", code: .invalidPort, message: "the port is not a number from 1 to 65535"),
        // An unescaped `/` in the password: what follows looks like a port and a path.
        .init(url: "postgres://u:hun/ter2@h/d", code: .missingUsername, message: "the URL names no user (postgres://USER@HOST/DATABASE)"),
        .init(url: "postgres://u:hunter2:x@h:port/d", code: .invalidPort, message: "the port is not a number from 1 to 65535"),
        .init(url: "postgres://u:hunter2%zz@h/d", code: .invalidPercentEncoding, message: "the password has an invalid %-escape"),
        // An unescaped `?` in the password: its tail becomes a "parameter".
        .init(url: "postgres://u:hun?ter2@h/d", code: .missingUsername, message: "the URL names no user (postgres://USER@HOST/DATABASE)"),
        .init(url: "postgres://u:hunter2@h/d?hunter2=1", code: .unsupportedParameter, message: "the URL has a parameter other than sslmode"),
        .init(url: "postgres://u:hunter2@h/d?sslmode=hunter2", code: .invalidTLSMode, message: "sslmode must be one of disable, prefer, require, verify-ca, verify-full"),
    ]

    @Test(arguments: invalidURLs)
    func rejectsAnInvalidURLWithoutQuotingIt(_ invalid: InvalidURL) {
        #expect(throws: PostgresURLError(invalid.code, invalid.message)) {
            try PostgresConnectionSettings(url: invalid.url)
        }
        let error = PostgresURLError(invalid.code, invalid.message)
        #expect(!error.description.contains("hunter2"))
        #expect(!error.description.contains("hun"))
    }
}
