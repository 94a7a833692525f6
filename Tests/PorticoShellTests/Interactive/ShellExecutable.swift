import Foundation

/// The built `portico-shell`: `swift build --build-tests` puts it next to the test
/// bundle (`PORTICO_SHELL_EXECUTABLE` overrides where it is looked for).
enum ShellExecutable {
    static func path() throws -> String {
        if let path = ProcessInfo.processInfo.environment["PORTICO_SHELL_EXECUTABLE"], !path.isEmpty {
            return path
        }
        let testBinary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: testBinary).deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = folder.appendingPathComponent("portico-shell")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            folder = folder.deletingLastPathComponent()
        }
        throw TerminalSessionError(description: """
            no portico-shell executable near \(testBinary): build it with \
            `swift build --build-tests` (or set PORTICO_SHELL_EXECUTABLE)
            """)
    }

    /// A shell command line that runs portico-shell against `port` with `home` as its
    /// home folder (where it keeps its history), and none of the developer's PORTICO_
    /// settings.
    static func commandLine(port: Int, home: String) throws -> String {
        let unsetPortico = ProcessInfo.processInfo.environment.keys
            .filter { $0.hasPrefix("PORTICO_") }.sorted().map { "-u \($0) " }.joined()
        return "env \(unsetPortico)HOME='\(home)' TERM=screen '\(try path())' --server 127.0.0.1:\(port)"
    }
}
