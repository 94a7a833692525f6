// swift-tools-version: 6.1
// The load generator (WhoAmI, and the work-order methods) lives in its own package so
// that the main build never compiles it. Run the benchmarks with
// `Tools/scripts/bench-server` and `Tools/scripts/bench-work-orders` from the
// repository root; the statistics tests with `swift build --package-path
// Tools/Benchmarks/LoadGenerator --product PorticoLoadGeneratorPackageTests &&
// swift test --skip-build --package-path Tools/Benchmarks/LoadGenerator`.
import PackageDescription

let sharedSwiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "PorticoLoadGenerator",
    platforms: [.macOS(.v15)],
    dependencies: [
        // The repository root: the generated client (PorticoAPI) and, built from this
        // package's scratch folder too, the `portico-server` executable under test.
        .package(name: "Portico", path: "../../.."),
        .package(url: "https://github.com/grpc/grpc-swift-2.git", exact: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", exact: "2.9.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
    ],
    targets: [
        // Latency statistics and pgbench log parsing: no gRPC, so its tests build fast.
        .target(
            name: "LoadStatistics",
            path: "Sources/LoadStatistics",
            swiftSettings: sharedSwiftSettings
        ),
        .executableTarget(
            name: "portico-load",
            dependencies: [
                "LoadStatistics",
                .product(name: "PorticoAPI", package: "Portico"),
                .product(name: "SystemSupport", package: "Portico"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/portico-load",
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "LoadStatisticsTests",
            dependencies: ["LoadStatistics"],
            path: "Tests/LoadStatisticsTests",
            swiftSettings: sharedSwiftSettings
        ),
    ]
)
