@testable import PorticoShell
import Testing

@Suite struct SecretBufferTests {
    @Test func erasingRemovesWholeUTF8Characters() {
        var buffer = SecretBuffer()
        for byte in Array("pä€🔑".utf8) { buffer.append(byte) }
        buffer.removeLastCharacter()
        #expect(buffer.string == "pä€")
        buffer.removeLastCharacter()
        #expect(buffer.string == "pä")
        buffer.removeLastCharacter()
        #expect(buffer.string == "p")
        buffer.removeLastCharacter()
        buffer.removeLastCharacter()
        #expect(buffer.isEmpty)
    }

    @Test func eraseEmptiesTheBuffer() {
        var buffer = SecretBuffer()
        for byte in Array("secret".utf8) { buffer.append(byte) }
        buffer.erase()
        #expect(buffer.isEmpty)
        #expect(buffer.string == "")
    }
}
