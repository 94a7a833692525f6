@testable import PorticoServer
import Testing

@Suite struct MailBodyTests {
    @Test func shortLinesTravelAsTheyAreWithCRLF() {
        #expect(MailBody("one\ntwo\r\nthree\rfour\n") == MailBody(transferEncoding: "7bit", text: "one\r\ntwo\r\nthree\r\nfour\r\n"))
        #expect(MailBody("Grüße").transferEncoding == "8bit")
        #expect(MailBody("") == MailBody(transferEncoding: "7bit", text: "\r\n"))
    }

    @Test func aLineLongerThan998OctetsMakesTheBodyQuotedPrintable() {
        let long = String(repeating: "ab= ", count: 300) + "é "
        let body = MailBody("short\n" + long)
        #expect(body.transferEncoding == "quoted-printable")
        let lines = body.text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.first == "short")
        #expect(lines.last?.hasSuffix("=C3=A9=20") == true)
        #expect(SpooledMail.decodeQuotedPrintable(body.text) == "short\r\n" + long + "\r\n")
    }

    @Test func quotedPrintableSoftBreaksFallBetweenEscapes() {
        let encoded = MailBody.quotedPrintable(String(repeating: "é", count: 40))
        let pair = "=C3=A9"
        #expect(encoded.components(separatedBy: "\r\n") == [
            String(repeating: pair, count: 12) + "=C3=",
            "=A9" + String(repeating: pair, count: 12) + "=",
            String(repeating: pair, count: 12) + "=C3=",
            "=A9" + String(repeating: pair, count: 2),
        ])
        #expect(SpooledMail.decodeQuotedPrintable(encoded) == String(repeating: "é", count: 40))
    }
}

@Suite struct MailBackoffTests {
    let backoff = MailBackoff(base: .seconds(2), cap: .seconds(3600))

    @Test func doublesFromTwoSecondsUpToAnHour() {
        let delays = (1...13).map { backoff.delay(afterAttempt: $0, jitter: 0) }
        #expect(delays == [2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 3600, 3600].map { Duration.seconds($0) })
        #expect(backoff.delay(afterAttempt: 500, jitter: 0) == .seconds(3600))
    }

    @Test func jitterShortensByAtMostAQuarter() {
        #expect(backoff.delay(afterAttempt: 3, jitter: 1) == .seconds(6))
        #expect(backoff.delay(afterAttempt: 3, jitter: 0.5) == .seconds(7))
        for _ in 0..<100 {
            let delay = backoff.randomDelay(afterAttempt: 2)
            #expect(delay >= .seconds(3) && delay <= .seconds(4))
        }
    }
}
