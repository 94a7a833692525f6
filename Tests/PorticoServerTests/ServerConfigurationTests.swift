import PorticoServer
import Testing

@Suite struct ServerConfigurationTests {
    @Test func defaultsListenOnTheStandardGRPCPort() {
        let configuration = ServerConfiguration(database: .localCluster(dataDirectory: ".portico/postgres"))
        #expect(configuration.port == 50051)
        #expect(configuration.passwordHashCost == 15)
    }
}
