import ArgumentParser

/// `portico-server`: serves Portico (the default), or only applies migrations.
@main
struct PorticoServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portico-server",
        abstract: "Portico's gRPC API on PostgreSQL.",
        discussion: """
            Every option falls back to an environment variable, then to a default. With no \
            database URL the server runs its own PostgreSQL cluster in the data directory.
            """,
        subcommands: [Serve.self, Migrate.self],
        defaultSubcommand: Serve.self
    )
}
