import Foundation
@testable import PorticoShell
import Testing
import TestSupport

/// The editor is one per process (libedit's globals), so these run one at a time.
@Suite(.serialized) struct HistoryFileTests {
    @Test func historyIsSavedOwnerOnlyBoundedAndWithoutPasswords() throws {
        let folder = TemporaryFolder("history")
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        defer { folder.remove() }
        let file = HistoryFile(path: folder.appending(".portico_shell_history"), limit: 3)
        let input = EditLineInput(completer: ShellCompleter(), historyFile: file)
        for line in ["services", "login ops@example.com hunter2", "methods", "describe A/B", "call A/B {\"password\": \"x\"}"] {
            input.addHistory(line)
        }
        #expect(try permissions(of: file.path) == 0o600)
        #expect(try HistoryFileContents.entries(in: file.path) == ["login ops@example.com", "methods", "describe A/B"])
        #expect(try !String(contentsOfFile: file.path, encoding: .utf8).contains("hunter2"))
    }

    @Test func anExistingFileIsReadAndNarrowedToOwnerOnly() throws {
        let folder = TemporaryFolder("history")
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        defer { folder.remove() }
        let file = HistoryFile(path: folder.appending(".portico_shell_history"), limit: 10)
        try "_HiStOrY_V2_\nservices\nmethods\\040portico.v1.Auth\n".write(toFile: file.path, atomically: false, encoding: .utf8)
        chmod(file.path, 0o644)
        let input = EditLineInput(completer: ShellCompleter(), historyFile: file)
        input.addHistory("help")
        #expect(try permissions(of: file.path) == 0o600)
        #expect(try HistoryFileContents.entries(in: file.path) == ["services", "methods portico.v1.Auth", "help"])
    }

    @Test func homeFolderLocation() {
        #expect(HistoryFile.inHomeFolder(environment: ["HOME": "/home/ops/"])?.path == "/home/ops/.portico_shell_history")
        #expect(HistoryFile.inHomeFolder(environment: [:]) == nil)
    }

    private func permissions(of path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int) ?? -1
    }
}
