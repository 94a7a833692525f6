// swift-tools-version: 6.1
import PackageDescription

/// Settings every target shares: Swift 6 language mode, strict concurrency, and the
/// upcoming features the code relies on.
let sharedSwiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Portico",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ProtoWire", targets: ["ProtoWire"]),
        .library(name: "PorticoAPI", targets: ["PorticoAPI"]),
        .library(name: "SchemaCompiler", targets: ["SchemaCompiler"]),
        .library(name: "LocalPostgres", targets: ["LocalPostgres"]),
        .library(name: "SystemSupport", targets: ["SystemSupport"]),
        .executable(name: "schemac", targets: ["schemac"]),
        .executable(name: "portico-server", targets: ["portico-server"]),
        .executable(name: "portico-shell", targets: ["portico-shell"]),
    ],
    dependencies: [
        .package(url: "https://github.com/grpc/grpc-swift-2.git", exact: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", exact: "2.9.2"),
        .package(url: "https://github.com/vapor/postgres-nio.git", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
    ],
    targets: [
        // The wire runtime: binary protobuf and proto3 JSON for generated messages.
        .target(
            name: "ProtoWire",
            path: "Sources/ProtoWire",
            swiftSettings: sharedSwiftSettings
        ),
        // Connects the wire runtime to GRPCCore: message (de)serializers for generated
        // service code.
        .target(
            name: "ProtoWireGRPC",
            dependencies: ["ProtoWire", .product(name: "GRPCCore", package: "grpc-swift-2")],
            path: "Sources/ProtoWireGRPC",
            swiftSettings: sharedSwiftSettings
        ),
        // Portico's API, generated from Schema/ by schemac: messages, service stubs,
        // clients, access rules and the descriptors reflection serves.
        .target(
            name: "PorticoAPI",
            dependencies: [
                "ProtoWire", "ProtoWireGRPC", .product(name: "GRPCCore", package: "grpc-swift-2"),
            ],
            path: "Sources/PorticoAPI",
            swiftSettings: sharedSwiftSettings
        ),
        // POSIX helpers the server, its database manager and its tools share: starting
        // and waiting for child processes without blocking Swift's concurrency pool, and
        // a free loopback port.
        .target(
            name: "SystemSupport",
            path: "Sources/SystemSupport",
            swiftSettings: sharedSwiftSettings
        ),
        // The local PostgreSQL manager: finds the installed server programs, creates,
        // starts and stops a private cluster (as an unprivileged account when run as
        // root) with Portico's roles, and parses connection settings. Used by
        // `portico-server` when no database is configured, and by the tests.
        .target(
            name: "LocalPostgres",
            dependencies: [
                "SystemSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/LocalPostgres",
            swiftSettings: sharedSwiftSettings
        ),
        // The server: gRPC services, interceptors and PostgreSQL access.
        .target(
            name: "PorticoServer",
            dependencies: [
                "PorticoAPI", "ProtoWire", "ProtoWireGRPC", "LocalPostgres", "SystemSupport",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/PorticoServer",
            swiftSettings: sharedSwiftSettings
        ),
        // `portico-server`: the command line around PorticoServer.
        .executableTarget(
            name: "portico-server",
            dependencies: [
                "PorticoServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/portico-server",
            swiftSettings: sharedSwiftSettings
        ),
        // libedit (Debian: libedit-dev), the line editor of portico-shell on a terminal.
        .systemLibrary(
            name: "CEditLine",
            path: "Sources/CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        // The admin shell's core: commands, calls by name, discovery, completion.
        .target(
            name: "PorticoShell",
            dependencies: [
                "CEditLine", "PorticoAPI", "ProtoWire", "ProtoWireGRPC",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
            ],
            path: "Sources/PorticoShell",
            swiftSettings: sharedSwiftSettings
        ),
        // `portico-shell`: the command line around PorticoShell.
        .executableTarget(
            name: "portico-shell",
            dependencies: [
                "PorticoShell",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/portico-shell",
            swiftSettings: sharedSwiftSettings
        ),
        // The schema compiler: lexer → parser → linker → emitter.
        .target(
            name: "SchemaCompiler",
            path: "Tools/SchemaCompiler",
            swiftSettings: sharedSwiftSettings
        ),
        .executableTarget(
            name: "schemac",
            dependencies: ["SchemaCompiler"],
            path: "Tools/schemac",
            swiftSettings: sharedSwiftSettings
        ),
        // schemac's output for every valid case of the protoc conformance corpus: building
        // the tests compiles it, so emitter output that does not compile fails the build.
        .target(
            name: "ConformanceTypes",
            dependencies: [
                "ProtoWire", "ProtoWireGRPC", .product(name: "GRPCCore", package: "grpc-swift-2"),
            ],
            path: "Tests/ConformanceTypes",
            swiftSettings: sharedSwiftSettings
        ),
        // Shared by the test targets: running protoc, Python and other programs without
        // blocking Swift's concurrency pool.
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport",
            swiftSettings: sharedSwiftSettings
        ),
        // The tests' throwaway PostgreSQL (one cluster per test process, a fresh migrated
        // database per test), shared by the server and shell tests.
        .target(
            name: "PostgresTestSupport",
            dependencies: [
                "PorticoServer", "LocalPostgres",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/PostgresTestSupport",
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "ConformanceTypesTests",
            dependencies: ["ConformanceTypes", "ProtoWire", "TestSupport"],
            path: "Tests/ConformanceTypesTests",
            swiftSettings: sharedSwiftSettings
        ),
        // The local PostgreSQL manager against the installed server programs: creating,
        // starting, locking and stopping real clusters, and connection settings.
        .testTarget(
            name: "LocalPostgresTests",
            dependencies: [
                "LocalPostgres", "PostgresTestSupport", "TestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/LocalPostgresTests",
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "PorticoServerTests",
            dependencies: [
                "PorticoServer", "PorticoAPI", "ProtoWire", "ProtoWireGRPC", "LocalPostgres", "PostgresTestSupport",
                "TestSupport",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/PorticoServerTests",
            swiftSettings: sharedSwiftSettings
        ),
        // Scripted `portico-shell` sessions against a real server and database, and the
        // shell's parsing, completion and formatting.
        .testTarget(
            name: "PorticoShellTests",
            dependencies: [
                "PorticoShell", "PorticoServer", "PorticoAPI", "ProtoWire", "ProtoWireGRPC",
                "PostgresTestSupport", "SystemSupport", "TestSupport",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/PorticoShellTests",
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "ProtoWireTests",
            dependencies: ["ProtoWire", "PorticoAPI", "TestSupport"],
            path: "Tests/ProtoWireTests",
            swiftSettings: sharedSwiftSettings
        ),
        // Generated service code end to end: a real gRPC server and client over HTTP/2
        // on the schema in Tests/ServiceCodegenTests/Schema (generated into Generated/).
        .testTarget(
            name: "ServiceCodegenTests",
            dependencies: [
                "ProtoWire", "ProtoWireGRPC", "TestSupport",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCInProcessTransport", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
            ],
            path: "Tests/ServiceCodegenTests",
            exclude: ["Schema"],
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "SchemaCompilerTests",
            dependencies: ["SchemaCompiler", "TestSupport"],
            path: "Tests/SchemaCompilerTests",
            // Emitter goldens, the conformance corpus and its extra cases are read as
            // text, not compiled into the test target.
            exclude: ["Emitter/Golden", "Corpus", "Conformance/Cases"],
            swiftSettings: sharedSwiftSettings
        ),
    ]
)
