import Testing
@testable import SchemaCompiler

/// Each generated file that declares messages ends with a registry enum listing them.
@Suite("File registries")
struct FileRegistryTests {
    @Test(arguments: [
        ("portico/v1/common.proto", "", "Portico_V1_Common_ProtoFile"),
        ("contract-example.proto", "", "ContractExample_ProtoFile"),
        ("main.proto", "CrossPackageRefs_", "CrossPackageRefs_Main_ProtoFile"),
        ("shelf/app/shared.proto", "CrossPackageRefs_", "CrossPackageRefs_Shelf_App_Shared_ProtoFile"),
        ("lib/util/strings/text.proto", "", "Lib_Util_Strings_Text_ProtoFile"),
        ("2d/x.y.proto", "", "_2d_XY_ProtoFile"),
        ("naïve.proto", "", "NaVe_ProtoFile"),
        ("noextension", "P_", "P_Noextension_ProtoFile"),
        (".proto", "", "_ProtoFile"),
    ])
    func registryName(path: String, typePrefix: String, expected: String) {
        #expect(SwiftNaming.fileRegistryName(protoPath: path, typePrefix: typePrefix) == expected)
    }

    @Test(arguments: [
        ("Foo_ProtoFile", "Foo_ProtoFile_"),
        ("Foo_ProtoFile_", "Foo_ProtoFile__"),
        ("_ProtoFile", "_ProtoFile_"),
        ("ProtoFile", "ProtoFile"),
        ("FooProtoFile", "FooProtoFile"),
    ])
    func typeNamesNeverEndLikeARegistry(input: String, expected: String) {
        #expect(SwiftNaming.sanitizedTypeName(input) == expected)
    }

    private func emit(_ sources: [String: String], options: SwiftEmitterOptions = SwiftEmitterOptions()) throws -> [SwiftEmitter.Output] {
        let files = sources.keys.sorted().flatMap { name in
            LinkerHarness(sources: sources).link(name).files.filter { $0.name == name }
        }
        return try SwiftEmitter.emit(generate: files, allFiles: files, options: options)
    }

    @Test func listsEveryMessageDepthFirstWithoutMapEntries() throws {
        let schema = """
            syntax = "proto3";
            message Collide_ProtoFile {
              message Inner { message Deeper {} }
              map<string, Inner> by_name = 1;
              enum Kind { KIND_UNSPECIFIED = 0; }
            }
            message Other {}
            """
        let output = try #require(try emit(["collide.proto": schema]).first)
        // The message that looks like a registry is renamed, the registry keeps its name.
        #expect(output.contents.contains("public struct Collide_ProtoFile_: ProtoMessage {"))
        #expect(output.contents.hasSuffix("""

            /// Every message type of collide.proto, nested ones included.
            public enum Collide_ProtoFile {
                public static let messageTypes: [any ProtoMessage.Type] = [
                    Collide_ProtoFile_.self,
                    Collide_ProtoFile_.Inner.self,
                    Collide_ProtoFile_.Inner.Deeper.self,
                    Other.self,
                ]
            }

            """))
    }

    @Test func followsTheVisibilityAndTypePrefix() throws {
        var options = SwiftEmitterOptions()
        options.visibility = .package
        options.typePrefix = "Case_"
        let output = try #require(try emit(["a/b.proto": "syntax = \"proto3\"; package p; message M {}"], options: options).first)
        #expect(output.contents.hasSuffix("""
            package enum Case_A_B_ProtoFile {
                package static let messageTypes: [any ProtoMessage.Type] = [
                    Case_P_M.self,
                ]
            }

            """))
    }

    @Test func fileWithoutMessagesHasNoRegistry() throws {
        let output = try #require(try emit(["enums.proto": "syntax = \"proto3\"; enum E { E_ZERO = 0; }"]).first)
        #expect(!output.contents.contains("ProtoFile"))
    }

    @Test func pathsGivingOneRegistryNameAreRejected() throws {
        #expect(throws: SwiftEmitterError("aB.proto and a_b.proto would both declare the message registry AB_ProtoFile; rename one of the files")) {
            try emit([
                "a_b.proto": "syntax = \"proto3\"; package one; message M {}",
                "aB.proto": "syntax = \"proto3\"; package two; message M {}",
            ])
        }
    }
}
