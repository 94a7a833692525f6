import Foundation
import GRPCCore
import GRPCInProcessTransport
import ProtoWireGRPC
import TestSupport
import Testing

/// The module registry schemac writes for the echo schema (`EchoRegistry`).
@Suite("Generated registry")
struct GeneratedRegistryTests {
    @Test func listsTheServiceAndItsMethods() throws {
        let service = try #require(EchoRegistry.services.first)
        #expect(EchoRegistry.services.count == 1)
        #expect(service.descriptor == Echo_V1_Echo.descriptor)
        #expect(service.descriptor == .echo_v1_Echo)
        #expect(service.fileName == "echo/v1/echo.proto")
        #expect(service.methods.map(\.descriptor) == Echo_V1_Echo.Method.descriptors)
        #expect(service.methods.map(\.descriptor.fullyQualifiedMethod) == [
            "echo.v1.Echo/Get", "echo.v1.Echo/Collect", "echo.v1.Echo/Expand", "echo.v1.Echo/Update",
        ])
        #expect(service.methods.map(\.descriptor.type) == [.unary, .clientStreaming, .serverStreaming, .bidirectionalStreaming])
        #expect(service.methods.map(\.inputType) == Array(repeating: "echo.v1.EchoRequest", count: 4))
        #expect(service.methods.map(\.outputType) == Array(repeating: "echo.v1.EchoResponse", count: 4))
        #expect(service.methods.map(\.isClientStreaming) == [false, true, false, true])
        #expect(service.methods.map(\.isServerStreaming) == [false, false, true, true])
    }

    /// What a generic server sees through `ProtoModuleRegistry` is what the generated
    /// service registers.
    @Test func theGenericRegistryListsWhatTheServiceRegisters() {
        #expect(Set(Self.registeredMethods(EchoService())) == Set(Self.methods(of: EchoRegistry.self)))
        #expect(Self.methods(of: EchoRegistry.self).count == 4)
    }

    private static func methods<Registry: ProtoModuleRegistry>(of registry: Registry.Type) -> [MethodDescriptor] {
        registry.services.flatMap { $0.methods.map(\.descriptor) }
    }

    private static func registeredMethods(_ service: some RegistrableRPCService) -> [MethodDescriptor] {
        var router = RPCRouter<InProcessTransport.Server>()
        service.registerMethods(with: &router)
        return router.methods
    }

    @Test func thePolicyTableHoldsEachMethodsOption() {
        #expect(EchoRegistry.policy == [
            Echo_V1_Echo.Method.Get.descriptor: .with {
                $0.audience = .public
                $0.limits = .with {
                    $0.perMinute = 60
                    $0.burst = 5
                }
                $0.tags = ["read", "cheap"]
                $0.weight = 0.5
            },
            Echo_V1_Echo.Method.Collect.descriptor: .with {
                $0.audience = .staff
                $0.tags = ["batch"]
            },
            Echo_V1_Echo.Method.Expand.descriptor: .with { $0.audience = .public },
        ])
    }

    @Test func symbolsNameTheirFiles() {
        let echo = "echo/v1/echo.proto"
        for symbol in [
            "echo.v1.Echo", "echo.v1.Echo.Get", "echo.v1.Echo.Update", "echo.v1.EchoRequest",
            "echo.v1.EchoPolicy", "echo.v1.Audience", "echo.v1.Limits", "echo.v1.policy",
        ] {
            #expect(EchoRegistry.symbols[symbol] == echo, "\(symbol)")
        }
        #expect(EchoRegistry.symbols["google.protobuf.MethodOptions"] == "google/protobuf/descriptor.proto")
        #expect(EchoRegistry.symbols["google.protobuf.FieldDescriptorProto.Type"] == "google/protobuf/descriptor.proto")
        #expect(EchoRegistry.symbols["echo.v1"] == nil)
        #expect(EchoRegistry.extensions == [
            ProtoExtensionDescription(
                fullName: "echo.v1.policy", extendee: "google.protobuf.MethodOptions", fieldNumber: 50801,
                fileName: echo),
        ])
    }

    /// Each file's descriptor is what `protoc --include_imports` writes for it, in the
    /// same order.
    @Test func fileDescriptorsAreProtocs() async throws {
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Schema").path
        let reference = try await ProtocReference.descriptorSet(root: schema, file: "echo/v1/echo.proto")
        #expect(EchoRegistry.fileDescriptors.map(\.name) == ["google/protobuf/descriptor.proto", "echo/v1/echo.proto"])
        #expect(EchoRegistry.fileDescriptors.map(\.serializedDescriptor) == reference)
        #expect(EchoRegistry.fileDescriptors.map(\.dependencies) == [[], ["google/protobuf/descriptor.proto"]])
        #expect(EchoRegistry.fileDescriptorsWithDependencies(of: "echo/v1/echo.proto").map(\.name)
            == ["google/protobuf/descriptor.proto", "echo/v1/echo.proto"])
        #expect(EchoRegistry.fileDescriptor(named: "nope.proto") == nil)
    }
}

/// Runs the real protoc (the test command installs 3.21) for reference descriptors.
enum ProtocReference {
    /// The serialized `FileDescriptorProto` of each file of
    /// `protoc --include_imports --descriptor_set_out`, in its order.
    static func descriptorSet(root: String, file: String) async throws -> [[UInt8]] {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("echo-\(UUID().uuidString).pb")
        defer { try? FileManager.default.removeItem(at: output) }
        let finished = try await ExternalProgram.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["protoc", "-I", root, "--include_imports", "--descriptor_set_out=\(output.path)", file]
        )
        #expect(finished.status == 0, "protoc failed: it must be on PATH. \(finished.errorText)")
        return try files(of: [UInt8](Data(contentsOf: output)))
    }

    /// The field-1 entries of a `FileDescriptorSet` (every field is length-delimited
    /// field 1 in what protoc writes).
    private static func files(of set: [UInt8]) throws -> [[UInt8]] {
        var files: [[UInt8]] = []
        var offset = 0
        while offset < set.count {
            guard set[offset] == 0x0A else { throw RPCError(code: .dataLoss, message: "unexpected tag at \(offset)") }
            offset += 1
            var length = 0
            var shift = 0
            while true {
                let byte = set[offset]
                offset += 1
                length |= Int(byte & 0x7F) << shift
                shift += 7
                if byte < 0x80 { break }
            }
            files.append(Array(set[offset..<offset + length]))
            offset += length
        }
        return files
    }
}
