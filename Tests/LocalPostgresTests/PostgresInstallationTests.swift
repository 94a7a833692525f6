import Foundation
@testable import LocalPostgres
import Testing

@Suite struct PostgresInstallationTests {
    @Test func findsTheServerPrograms() async throws {
        let installation = try await PostgresInstallation.locate()
        for program in ["initdb", "pg_ctl", "postgres", "pgbench"] {
            #expect(FileManager.default.isExecutableFile(atPath: installation.executable(program)), "\(program)")
        }
    }

    @Test func theEnvironmentOverrideWins() async throws {
        let found = try await PostgresInstallation.locate()
        let overridden = try await PostgresInstallation.locate(environment: [
            "PORTICO_POSTGRES_BINDIR": found.binDirectory, "PATH": "/nonexistent",
        ])
        #expect(overridden == found)
    }

    @Test func anOverrideWithoutServerProgramsIsAnError() async throws {
        let error = await #expect(throws: LocalPostgresClusterError.self) {
            try await PostgresInstallation.locate(environment: ["PORTICO_POSTGRES_BINDIR": "/usr/share"])
        }
        #expect(error?.code == .serverNotInstalled)
        #expect(error?.message == "/usr/share holds no PostgreSQL server programs (initdb, pg_ctl, postgres)")
    }
}
