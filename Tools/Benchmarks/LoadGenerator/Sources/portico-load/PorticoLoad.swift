import ArgumentParser

/// `portico-load`: drives Portico's `Auth/WhoAmI` through the generated client, and
/// the small helpers `Tools/scripts/bench-server` needs around it.
@main
struct PorticoLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portico-load",
        abstract: "Load generator for Portico's gRPC API (Auth/WhoAmI).",
        subcommands: [Load.self, Login.self, PgbenchLatency.self, H2loadLatency.self, FreePort.self],
        defaultSubcommand: Load.self
    )
}
