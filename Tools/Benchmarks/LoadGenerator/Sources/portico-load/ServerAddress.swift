import ArgumentParser
import GRPCCore
import GRPCNIOTransportHTTP2

/// Where the server under test listens: plaintext HTTP/2 on IPv4 (the benchmark only
/// ever targets the loopback interface).
struct ServerAddress: ParsableArguments {
    @Option(help: "The server's IPv4 address.")
    var host = "127.0.0.1"

    @Option(help: "The server's port.")
    var port: Int

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("port must be between 1 and 65535") }
    }

    /// A new transport: one HTTP/2 connection, carrying any number of concurrent streams.
    func makeTransport() throws -> HTTP2ClientTransport.Posix {
        try HTTP2ClientTransport.Posix(target: .ipv4(address: host, port: port), transportSecurity: .plaintext)
    }
}
