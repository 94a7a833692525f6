import ArgumentParser
import PorticoServer

/// Applies the migrations and exits: for deploys that migrate before rolling servers.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply database migrations, then exit.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let logger = try database.makeLogger()
        try await DatabaseMigration.run(database.location, logger: logger)
    }
}
