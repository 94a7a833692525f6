import NIOCore
import NIOPosix
import Synchronization

/// A TCP port on 127.0.0.1 that forwards every connection to a target port, which can
/// change. Lets a test keep one address for a PostgreSQL that restarts on a new port
/// (the local cluster picks a free port at each start), like a server behind a stable
/// host name.
final class TCPForwarder: Sendable {
    let port: Int
    private let serverChannel: any Channel
    private let target: TargetPort

    private init(serverChannel: any Channel, target: TargetPort) {
        self.serverChannel = serverChannel
        self.port = serverChannel.localAddress?.port ?? 0
        self.target = target
    }

    static func start(forwardingTo targetPort: Int) async throws -> TCPForwarder {
        let target = TargetPort(targetPort)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { inbound in
                Self.connect(inbound, to: target.value.withLock { $0 })
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return TCPForwarder(serverChannel: channel, target: target)
    }

    /// New connections go to `port` from now on; open ones stay where they are.
    func retarget(to port: Int) {
        target.value.withLock { $0 = port }
    }

    func close() async {
        try? await serverChannel.close()
    }

    /// Connects `inbound` to the target, or closes it when the target refuses, which
    /// the client sees as the server being down.
    private static func connect(_ inbound: any Channel, to port: Int) -> EventLoopFuture<Void> {
        ClientBootstrap(group: inbound.eventLoop)
            .connect(host: "127.0.0.1", port: port)
            .flatMapThrowing { outbound in
                try outbound.pipeline.syncOperations.addHandler(Relay(partner: inbound))
                try inbound.pipeline.syncOperations.addHandler(Relay(partner: outbound))
            }
            .flatMapError { _ in inbound.close() }
    }

    private final class TargetPort: Sendable {
        let value: Mutex<Int>
        init(_ port: Int) { value = Mutex(port) }
    }
}

/// Copies bytes to the partner channel and closes it when this side closes.
private final class Relay: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let partner: any Channel

    init(partner: any Channel) {
        self.partner = partner
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        partner.writeAndFlush(unwrapInboundIn(data), promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        partner.close(promise: nil)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
