import Foundation

/// The cases the compiler is checked against protoc with, from two folders of the same
/// layout (`valid/`, `invalid/`):
/// - `Tests/SchemaCompilerTests/Corpus`: the proto3 conformance corpus, with its README
///   (the case format) and NOTES (protoc's surprises). `Tools/generate.jobs` also
///   compiles its valid cases into the ConformanceTypes target, and the fuzzer seeds
///   from it.
/// - `Tests/SchemaCompilerTests/Conformance/Cases`: extra cases written for this
///   compiler (option values and their errors, proto2 groups in `extend`), run by the
///   compiler tests only; their names get an `extra/` prefix.
struct CorpusCase: CustomStringConvertible, Sendable {
    /// The import root protoc is given (`valid/` or the case's folder).
    var root: String
    /// The entry file, relative to `root`.
    var file: String
    /// A short name for test output.
    var name: String

    var description: String { name }

    var path: String { root + "/" + file }

    /// The text after `// expect: ` on an invalid case's first line.
    var expectedMessage: String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
            let first = text.split(separator: "\n", omittingEmptySubsequences: false).first,
            first.hasPrefix("// expect: ")
        else { return nil }
        return String(first.dropFirst("// expect: ".count))
    }
}

enum Corpus {
    private static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// `Tests/SchemaCompilerTests/Corpus`. `PORTICO_CONFORMANCE` overrides.
    static let corpusDirectory: String = {
        if let path = ProcessInfo.processInfo.environment["PORTICO_CONFORMANCE"] { return path }
        return testsDirectory.deletingLastPathComponent().appendingPathComponent("Corpus").path
    }()

    /// `Tests/SchemaCompilerTests/Conformance/Cases`.
    static let extraDirectory = testsDirectory.appendingPathComponent("Cases").path

    static func cases(_ kind: String) -> [CorpusCase] {
        cases(kind, in: corpusDirectory, prefix: "") + cases(kind, in: extraDirectory, prefix: "extra/")
    }

    /// `KIND/NAME.proto` (root `KIND`) and `KIND/NAME/main.proto` (root `KIND/NAME`).
    private static func cases(_ kind: String, in base: String, prefix: String) -> [CorpusCase] {
        let directory = base + "/" + kind
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var result: [CorpusCase] = []
        for entry in entries.sorted() {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: directory + "/" + entry, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                result.append(CorpusCase(root: directory + "/" + entry, file: "main.proto", name: prefix + entry))
            } else if entry.hasSuffix(".proto") {
                result.append(
                    CorpusCase(root: directory, file: entry, name: prefix + String(entry.dropLast(6))))
            }
        }
        return result
    }
}
