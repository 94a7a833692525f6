import ArgumentParser

/// `portico-load`: drives Portico's `Auth/WhoAmI` and the work-order methods through
/// the generated clients, and the small helpers `Tools/scripts/bench-server` and
/// `Tools/scripts/bench-work-orders` need around them.
@main
struct PorticoLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portico-load",
        abstract: "Load generator for Portico's gRPC API (Auth/WhoAmI, WorkOrders).",
        subcommands: [
            Load.self, ListPages.self, SubmitRequests.self, WatchFanOut.self, Login.self, PgbenchLatency.self,
            H2loadLatency.self, FreePort.self,
        ],
        defaultSubcommand: Load.self
    )
}
