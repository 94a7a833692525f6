import Foundation
import GRPCCore
import PorticoAPI
@testable import PorticoServer
import ProtoWire
import ProtoWireGRPC
import Testing

/// What the report's reflection and auth parts must say, derived from the generated
/// registry (so the expectations grow with the schema) and from the fixtures.
extension PythonServerInteropTests {
    static func expectReflection(_ reflection: JSONValue, version: String) throws {
        #expect(reflection["services"] == .array(services.map { .string($0) }), "\(version)")
        #expect(
            services == PorticoAPIRegistry.services.map(\.descriptor.fullyQualifiedService).sorted(),
            "the list above is the registry's"
        )
        #expect(reflection["methods"] == (try expectedMethods()), "\(version)")
        #expect(reflection["access_extension"] == expectedAccessExtension, "\(version)")
        let fileNames = PorticoAPIRegistry.fileDescriptors.map(\.name).sorted()
        #expect(reflection["files"] == .array(fileNames.map { .string($0) }), "\(version) fetched every file")
        let schemaFiles = fileNames.filter { !$0.hasPrefix("google/protobuf/") }
        #expect(reflection["files_equal_to_protoc"] == .array(schemaFiles.map { .string($0) }), "\(version)")
        expectRawExchange(reflection["raw"], version: version)
    }

    /// Every method of the registry: types, streaming and its (portico.v1.access) rule
    /// in proto3 JSON, which is what grpcio's json_format prints.
    static func expectedMethods() throws -> JSONValue {
        var methods: [String: JSONValue] = [:]
        for service in PorticoAPIRegistry.services {
            for method in service.methods {
                let name = "\(service.descriptor.fullyQualifiedService).\(method.descriptor.method)"
                let access = try PorticoAPIRegistry.access[method.descriptor].map { rule in
                    try JSONDecoder().decode(JSONValue.self, from: Data(rule.jsonString().utf8))
                }
                methods[name] = [
                    "input": .string(method.inputType),
                    "output": .string(method.outputType),
                    "client_streaming": .bool(method.isClientStreaming),
                    "server_streaming": .bool(method.isServerStreaming),
                    "access": access ?? .null,
                ]
            }
        }
        return .object(methods)
    }

    static var expectedAccessExtension: JSONValue {
        let numbers = PorticoAPIRegistry.extensions
            .filter { $0.extendee == "google.protobuf.MethodOptions" }
            .map { JSONValue.number(Double($0.fieldNumber)) }
        return [
            "full_name": "portico.v1.access",
            "number": 50701,
            "extendee": "google.protobuf.MethodOptions",
            "type": "portico.v1.AccessRule",
            "file": "portico/v1/access.proto",
            "method_options_extension_numbers": .array(numbers),
        ]
    }

    /// One stream, six requests: each answer in order, files with their imports.
    static func expectRawExchange(_ raw: JSONValue, version: String) {
        #expect(raw["list_services"] == .array(services.map { .string($0) }), "\(version)")
        let files = [
            "file_by_filename": "portico/v1/auth.proto",
            "file_containing_symbol": "portico/v1/operator.proto",
            "file_containing_extension": "portico/v1/access.proto",
        ]
        for (key, file) in files {
            #expect(fileWithImports(raw[key], file), "\(version) \(key): \(raw[key])")
        }
        #expect(
            raw["all_extension_numbers_of_type"]
                == ["base_type_name": "google.protobuf.MethodOptions", "extension_number": [50701]],
            "\(version)"
        )
        #expect(raw["unknown_symbol_error_code"] == "NOT_FOUND", "\(version)")
    }

    /// Whether `files` is `name` first, then each of its transitive imports once.
    static func fileWithImports(_ files: JSONValue, _ name: String) -> Bool {
        guard case .array(let values) = files else { return false }
        let names = values.compactMap { value -> String? in
            if case .string(let text) = value { return text }
            return nil
        }
        return names.first == name && names.count == Set(names).count
            && Set(names.dropFirst()) == transitiveImports(of: name)
    }

    static func transitiveImports(of name: String) -> Set<String> {
        let files = Dictionary(PorticoAPIRegistry.fileDescriptors.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var found = Set<String>()
        var pending = files[name]?.dependencies ?? []
        while let next = pending.popLast() {
            guard found.insert(next).inserted else { continue }
            pending += files[next]?.dependencies ?? []
        }
        return found
    }

    static func expectAuth(_ auth: JSONValue, login: InteropLogin, issuedBetween window: ClosedRange<Date>) throws {
        #expect(auth["login"] == ["token_issued": true, "memberships": [login.membershipJSON]])
        let whoAmI = auth["who_am_i"]
        #expect(
            whoAmI["principal"]
                == [
                    "userId": .string(login.userID.uuidString.lowercased()),
                    "email": .string(login.email),
                    "displayName": .string(InteropLogin.displayName),
                    "membership": login.membershipJSON,
                ]
        )
        let session = try whoAmI["session"].decoded(as: Portico_V1_Session.self)
        #expect(session.token == "", "only Login hands out the token")
        #expect(!session.passwordChangeRequired)
        let lifetime = sessionLifetime.totalSeconds
        let earliest = window.lowerBound.addingTimeInterval(lifetime - 1)
        let latest = window.upperBound.addingTimeInterval(lifetime + 1)
        #expect((earliest ... latest).contains(session.expiresAt.date), "expires at \(session.expiresAt.date)")
        #expect(auth["who_am_i_without_token"] == "UNAUTHENTICATED")
        #expect(auth["wrong_password"] == ["code": "UNAUTHENTICATED", "message": "email or password is incorrect"])
    }
}
