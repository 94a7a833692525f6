import ArgumentParser

@main
struct PorticoServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portico-server",
        abstract: "Serves Portico's gRPC API on PostgreSQL."
    )

    func run() async throws {}
}
