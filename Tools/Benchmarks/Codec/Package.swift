// swift-tools-version: 6.1
// The codec benchmark lives in its own package so that the main build never pays for
// swift-protobuf. Run it with `Tools/scripts/bench` from the repository root.
import PackageDescription

let sharedSwiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "PorticoBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0"),
        // The repository root: Portico's ProtoWire runtime.
        .package(name: "Portico", path: "../../.."),
    ],
    targets: [
        // protoc-c's output for Schema/workorder.proto, built with -O2 like a C service would be.
        .target(
            name: "WorkOrderC",
            path: "Sources/WorkOrderC",
            cSettings: [.unsafeFlags(["-O2"])],
            linkerSettings: [.linkedLibrary("protobuf-c")]
        ),
        // protoc-gen-swift 1.39.0's output for Schema/workorder.proto.
        .target(
            name: "WorkOrderSwiftProtobuf",
            dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")],
            path: "Sources/WorkOrderSwiftProtobuf",
            swiftSettings: sharedSwiftSettings
        ),
        // schemac's output for Schema/workorder.proto over Portico's ProtoWire runtime.
        .target(
            name: "WorkOrderPortico",
            dependencies: [.product(name: "ProtoWire", package: "Portico")],
            path: "Sources/WorkOrderPortico",
            swiftSettings: sharedSwiftSettings
        ),
        .executableTarget(
            name: "CodecBench",
            dependencies: ["WorkOrderC", "WorkOrderSwiftProtobuf", "WorkOrderPortico"],
            path: "Sources/CodecBench",
            swiftSettings: sharedSwiftSettings
        ),
    ]
)
