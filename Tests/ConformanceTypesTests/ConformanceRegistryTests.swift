import ConformanceTypes
import Foundation
import ProtoWire
import Testing

/// `ConformanceCase.all` lists the registry of every generated file, and each registry
/// lists every message its file declares: checked against the files in
/// `Tests/ConformanceTypes/Generated` (the `protoMessageName` of every struct in them).
@Suite("Conformance registries")
struct ConformanceRegistryTests {
    /// One generated file: its case and the proto names of the messages it declares.
    struct GeneratedFile {
        var path: String
        var caseName: String
        var messageNames: Set<String>
    }

    static let generatedFolder = URL(filePath: #filePath)
        .deletingLastPathComponent()  // ConformanceTypesTests
        .deletingLastPathComponent()  // Tests
        .appending(path: "ConformanceTypes/Generated")

    /// Every `.pb.swift` file: `single/NAME.pb.swift` belongs to case NAME, the files of
    /// `FOLDER/` to case FOLDER.
    static func generatedFiles() throws -> [GeneratedFile] {
        let root = generatedFolder.path(percentEncoded: false)
        let paths = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".pb.swift") }
        return try paths.sorted().map { path in
            let parts = path.split(separator: "/").map(String.init)
            let caseName = parts[0] == "single" ? String(parts[1].dropLast(".pb.swift".count)) : parts[0]
            let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
            return GeneratedFile(path: path, caseName: caseName, messageNames: messageNames(in: text))
        }
    }

    /// The values of `static let protoMessageName = "…"` lines.
    static func messageNames(in text: String) -> Set<String> {
        let marker = "static let protoMessageName = \""
        return Set(text.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: marker) else { return nil }
            return String(line[range.upperBound...].dropLast())
        })
    }

    @Test func scanningFindsTheFilesAndTheirMessages() throws {
        let files = try Self.generatedFiles()
        #expect(files.count == 49)
        let jsonNames = try #require(files.first { $0.path == "single/json_names.pb.swift" })
        #expect(jsonNames.caseName == "json_names")
        #expect(jsonNames.messageNames == ["shelf.json.Record"])
        let ids = try #require(files.first { $0.path == "cross_package_refs/cross_package_refs_shelf_core_ids.pb.swift" })
        #expect(ids.caseName == "cross_package_refs")
        #expect(!ids.messageNames.isEmpty)
    }

    @Test func everyCaseIsListed() throws {
        let generatedCases = Set(try Self.generatedFiles().map(\.caseName))
        let listedCases = ConformanceCase.all.map(\.name)
        #expect(Set(listedCases) == generatedCases)
        #expect(listedCases.count == Set(listedCases).count, "a case is listed twice")
    }

    /// Per case, the listed registries and the generated files with messages match one
    /// to one, by the set of message names.
    @Test(arguments: ConformanceCase.all)
    func registriesMatchTheGeneratedFiles(_ conformanceCase: ConformanceCase) throws {
        let files = try Self.generatedFiles().filter { $0.caseName == conformanceCase.name && !$0.messageNames.isEmpty }
        var unmatched = conformanceCase.registries.map { Set($0.map { $0.protoMessageName }) }
        for registry in unmatched {
            #expect(!registry.isEmpty, "an empty registry is listed")
            #expect(unmatched.filter { $0 == registry }.count == 1, "a registry is listed twice: \(registry.sorted())")
        }
        for file in files {
            guard let index = unmatched.firstIndex(of: file.messageNames) else {
                Issue.record("no listed registry has the messages of \(file.path): \(file.messageNames.sorted())")
                continue
            }
            unmatched.remove(at: index)
        }
        #expect(unmatched.isEmpty, "listed registries without a generated file: \(unmatched.map { $0.sorted() })")
    }

    @Test func registriesListNestedMessagesInDeclarationOrderButNoMapEntries() {
        #expect(NestedTypes_ProtoFile.messageTypes.map { $0.protoMessageName } == [
            "shelf.nesting.Library", "shelf.nesting.Library.Floor", "shelf.nesting.Library.Floor.Aisle",
            "shelf.nesting.Library.Floor.Aisle.Shelf", "shelf.nesting.Library.Floor.Aisle.Shelf.Slot",
            "shelf.nesting.Catalog", "shelf.nesting.Catalog.Level2", "shelf.nesting.Catalog.Level2.Level3",
            "shelf.nesting.Catalog.Level2.Level3.Level4", "shelf.nesting.Catalog.Level2.Level3.Level4.Level5",
        ])
        #expect(MapFields_ProtoFile.messageTypes.map { $0.protoMessageName } == [
            "shelf.maps.Volume", "shelf.maps.KeyTypes", "shelf.maps.ValueTypes", "shelf.maps.ValueTypes.Local",
            "shelf.maps.EntryNames", "shelf.maps.Interleaved", "shelf.maps.Interleaved.First",
            "shelf.maps.Interleaved.Second",
        ])
    }
}
