import Foundation

/// The installed PostgreSQL server programs (`initdb`, `pg_ctl`, `postgres`, `pgbench`).
public struct PostgresInstallation: Sendable, Equatable {
    /// The folder that holds the programs.
    public var binDirectory: String

    /// Uses the programs in `binDirectory`, which must contain `initdb`.
    public init(binDirectory: String) throws(LocalPostgresClusterError) {
        guard Self.hasServerPrograms(binDirectory) else {
            throw LocalPostgresClusterError(
                .serverNotInstalled,
                "\(binDirectory) holds no PostgreSQL server programs (initdb, pg_ctl, postgres)"
            )
        }
        self.binDirectory = binDirectory
    }

    /// The path of one of the programs, e.g. `executable("pgbench")`.
    public func executable(_ name: String) -> String {
        (binDirectory as NSString).appendingPathComponent(name)
    }

    /// Finds the server programs, in this order: `PORTICO_POSTGRES_BINDIR`; `pg_config
    /// --bindir` when that folder has `initdb` (Debian's `pg_config` may point at
    /// `/usr/bin`, which has only the client programs); the newest
    /// `/usr/lib/postgresql/*/bin` (Debian, Ubuntu) or `/usr/pgsql-*/bin` (RPM packages);
    /// `initdb` on the `PATH` (Homebrew, source builds). `environment` defaults to the
    /// process's.
    public static func locate(
        environment: [String: String]? = nil
    ) async throws(LocalPostgresClusterError) -> PostgresInstallation {
        let environment = environment ?? ProcessInfo.processInfo.environment
        if let override = environment["PORTICO_POSTGRES_BINDIR"], !override.isEmpty {
            return try PostgresInstallation(binDirectory: override)
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        var candidates: [String] = []
        if let pgConfig = findOnPath("pg_config", path: path),
            let bindir = try? await ChildProcess.run([pgConfig, "--bindir"], environment: environment),
            bindir.status == 0
        {
            candidates.append(bindir.output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        candidates += newestFirst(in: "/usr/lib/postgresql", prefix: "", suffix: "/bin")
        candidates += newestFirst(in: "/usr", prefix: "pgsql-", suffix: "/bin")
        if let initdb = findOnPath("initdb", path: path) {
            candidates.append((initdb as NSString).deletingLastPathComponent)
        }
        guard let found = candidates.first(where: hasServerPrograms) else {
            throw LocalPostgresClusterError(
                .serverNotInstalled,
                "no PostgreSQL server programs found (looked at PORTICO_POSTGRES_BINDIR, pg_config "
                    + "--bindir, /usr/lib/postgresql/*/bin, /usr/pgsql-*/bin and the PATH); install "
                    + "PostgreSQL (Debian: apt install postgresql) or set DATABASE_URL"
            )
        }
        return try PostgresInstallation(binDirectory: found)
    }

    static func hasServerPrograms(_ directory: String) -> Bool {
        ["initdb", "pg_ctl", "postgres"].allSatisfy {
            FileManager.default.isExecutableFile(atPath: (directory as NSString).appendingPathComponent($0))
        }
    }

    static func findOnPath(_ name: String, path: String) -> String? {
        path.split(separator: ":").lazy
            .map { ((String($0)) as NSString).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `parent/<prefix><version><suffix>` for every numeric version there, newest first
    /// (by number, so 10 sorts above 9).
    private static func newestFirst(in parent: String, prefix: String, suffix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        let versions = names.compactMap { name -> (Double, String)? in
            guard name.hasPrefix(prefix), let version = Double(name.dropFirst(prefix.count)) else { return nil }
            return (version, "\(parent)/\(name)\(suffix)")
        }
        return versions.sorted { $0.0 > $1.0 }.map(\.1)
    }
}
