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
        .executable(name: "schemac", targets: ["schemac"]),
    ],
    targets: [
        // The wire runtime: binary protobuf and proto3 JSON for generated messages.
        .target(
            name: "ProtoWire",
            path: "Sources/ProtoWire",
            swiftSettings: sharedSwiftSettings
        ),
        // Portico's API, generated from Schema/ by schemac.
        .target(
            name: "PorticoAPI",
            dependencies: ["ProtoWire"],
            path: "Sources/PorticoAPI",
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
            dependencies: ["ProtoWire"],
            path: "Tests/ConformanceTypes",
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "ConformanceTypesTests",
            dependencies: ["ConformanceTypes", "ProtoWire"],
            path: "Tests/ConformanceTypesTests",
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "ProtoWireTests",
            dependencies: ["ProtoWire", "PorticoAPI"],
            path: "Tests/ProtoWireTests",
            swiftSettings: sharedSwiftSettings
        ),
        .testTarget(
            name: "SchemaCompilerTests",
            dependencies: ["SchemaCompiler"],
            path: "Tests/SchemaCompilerTests",
            // Emitter goldens and the extra conformance cases are read as text, not
            // compiled into the test target.
            exclude: ["Emitter/Golden", "Conformance/Cases"],
            swiftSettings: sharedSwiftSettings
        ),
    ]
)
