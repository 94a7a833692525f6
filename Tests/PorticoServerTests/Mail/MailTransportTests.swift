import Foundation
@testable import PorticoServer
import Testing
import TestSupport

@Suite struct SpoolMailTransportTests {
    let mail = RenderedMail(messageID: "<m1@portico>", fileName: "m1.eml", text: "Subject: x\r\n\r\nsecret 1\r\n")

    @Test func writesAPrivateFileIntoAPrivateFolderItCreates() async throws {
        let folder = TemporaryFolder("spool")
        defer { folder.remove() }
        let spool = folder.appending("nested/mail")
        try await SpoolMailTransport(directory: spool).deliver(mail)
        let manager = FileManager.default
        #expect(try manager.contentsOfDirectory(atPath: spool) == ["m1.eml"])
        #expect(try String(contentsOfFile: spool + "/m1.eml", encoding: .utf8) == mail.text)
        #expect(try manager.attributesOfItem(atPath: spool)[.posixPermissions] as? Int == 0o700)
        #expect(try manager.attributesOfItem(atPath: spool + "/m1.eml")[.posixPermissions] as? Int == 0o600)
    }

    @Test func aRedeliveryReplacesTheFileInsteadOfAddingOne() async throws {
        let folder = TemporaryFolder("spool")
        defer { folder.remove() }
        let transport = SpoolMailTransport(directory: folder.path)
        try await transport.deliver(mail)
        var again = mail
        again.text = "Subject: x\r\n\r\nsecret 2\r\n"
        try await transport.deliver(again)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["m1.eml"])
        #expect(try String(contentsOfFile: folder.appending("m1.eml"), encoding: .utf8) == again.text)
    }

    @Test func anUnwritableSpoolIsAnError() async throws {
        let folder = TemporaryFolder("spool")
        defer { folder.remove() }
        _ = FileManager.default.createFile(atPath: folder.path, contents: Data("not a folder".utf8))
        let error = await #expect(throws: MailError.self) {
            try await SpoolMailTransport(directory: folder.appending("mail")).deliver(mail)
        }
        #expect(error?.code == .spoolFailed)
    }
}

@Suite struct CommandMailTransportTests {
    let mail = RenderedMail(messageID: "<m1@portico>", fileName: "m1.eml", text: "Subject: x\r\n\r\nbody\r\n")

    @Test func handsTheMessageToTheCommandOnStandardInput() async throws {
        let folder = TemporaryFolder("command")
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        defer { folder.remove() }
        let transport = CommandMailTransport(command: "cat > '\(folder.appending("out.eml"))'", timeout: .seconds(10))
        try await transport.deliver(mail)
        #expect(try String(contentsOfFile: folder.appending("out.eml"), encoding: .utf8) == mail.text)
    }

    @Test func aNonZeroExitFailsWithTheEndOfStandardError() async throws {
        let transport = CommandMailTransport(
            command: "cat > /dev/null; echo 'msmtp: cannot connect to smtp.example.com' >&2; exit 75",
            timeout: .seconds(10)
        )
        let error = await #expect(throws: MailError.self) { try await transport.deliver(mail) }
        #expect(error == MailError(
            .commandFailed, "the mail command exited with status 75: msmtp: cannot connect to smtp.example.com"
        ))
    }

    @Test func aCommandThatDoesNotReadItsInputIsJudgedByItsExitStatus() async throws {
        var big = mail
        big.text = String(repeating: "x", count: 1_000_000)
        try await CommandMailTransport(command: "exit 0", timeout: .seconds(10)).deliver(big)
        let error = await #expect(throws: MailError.self) {
            try await CommandMailTransport(command: "exit 3", timeout: .seconds(10)).deliver(big)
        }
        #expect(error?.message == "the mail command exited with status 3")
    }

    @Test func aCommandThatHangsIsKilledAtTheTimeout() async throws {
        let started = ContinuousClock.now
        let transport = CommandMailTransport(command: "cat > /dev/null; echo waiting >&2; sleep 600", timeout: .milliseconds(500))
        let error = await #expect(throws: MailError.self) { try await transport.deliver(mail) }
        #expect(error?.message == "the mail command did not finish within 0.5 s: waiting")
        // Killed, not waited for: far below the command's ten minutes, with room for a
        // loaded 2-core CI machine that delays timers by seconds.
        #expect(ContinuousClock.now - started < .seconds(120))
    }
}
