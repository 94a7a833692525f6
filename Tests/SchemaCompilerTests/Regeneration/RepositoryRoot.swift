import Foundation

/// Paths inside this repository, found from this source file's location so tests do
/// not depend on the directory `swift test` runs in.
enum RepositoryRoot {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Regeneration
        .deletingLastPathComponent()  // SchemaCompilerTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static func path(_ relative: String) -> String {
        url.appendingPathComponent(relative).path
    }

    /// Expands a repository-relative pattern (`*` within one path component) to
    /// absolute paths, sorted as the shell sorts them.
    static func glob(_ pattern: String) -> [String] {
        let components = pattern.split(separator: "/").map(String.init)
        var matches = [url.path]
        for component in components {
            matches = matches.flatMap { base -> [String] in
                guard component.contains("*") else { return ["\(base)/\(component)"] }
                let entries = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
                return entries.filter { matchesWildcard($0, component) }.sorted().map { "\(base)/\($0)" }
            }
        }
        return matches.filter { FileManager.default.fileExists(atPath: $0) }
    }

    private static func matchesWildcard(_ name: String, _ pattern: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard name.hasPrefix(parts[0]), name.hasSuffix(parts[parts.count - 1]),
              name.count >= parts[0].count + parts[parts.count - 1].count
        else { return false }
        var rest = Substring(name.dropFirst(parts[0].count))
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }
}
