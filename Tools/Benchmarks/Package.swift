// swift-tools-version: 6.1
// The codec benchmark lives in its own package so that the main build never pays for
// swift-protobuf. Run it with `Tools/bench` from the repository root.
import Foundation
import PackageDescription

let sharedSwiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

/// Portico's side joins the benchmark once `schemac` has generated its code, so the
/// harness builds and runs (with two libraries) before the schema compiler is ready.
let porticoGeneratedCode = Context.packageDirectory + "/Sources/WorkOrderPortico/Generated"
let hasPorticoCode = ((try? FileManager.default.contentsOfDirectory(atPath: porticoGeneratedCode)) ?? [])
    .contains { $0.hasSuffix(".swift") }

var benchDependencies: [Target.Dependency] = ["WorkOrderC", "WorkOrderSwiftProtobuf"]
var benchSettings = sharedSwiftSettings
var targets: [Target] = [
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
]
var packageDependencies: [Package.Dependency] = [
    .package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0"),
]

if hasPorticoCode {
    packageDependencies.append(.package(name: "Portico", path: "../.."))
    targets.append(
        // schemac's output for Schema/workorder.proto over Portico's ProtoWire runtime.
        .target(
            name: "WorkOrderPortico",
            dependencies: [.product(name: "ProtoWire", package: "Portico")],
            path: "Sources/WorkOrderPortico",
            swiftSettings: sharedSwiftSettings
        )
    )
    benchDependencies.append("WorkOrderPortico")
    benchSettings.append(.define("PORTICO_CODEGEN"))
}

targets.append(
    .executableTarget(
        name: "CodecBench",
        dependencies: benchDependencies,
        path: "Sources/CodecBench",
        swiftSettings: benchSettings
    )
)

let package = Package(
    name: "PorticoBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: packageDependencies,
    targets: targets
)
