import ProtoWire
import Testing

@Suite struct ContractExampleBinaryTests {
    @Test func encodesExactlyLikeProtoc() {
        #expect(hexString(ContractFixtures.sample.serializedBytes()) == hexString(ContractFixtures.sampleBytes))
    }

    @Test func decodesProtocBytes() throws {
        let decoded = try Portico_Example_V1_Sample(serializedBytes: ContractFixtures.sampleBytes)
        #expect(decoded == ContractFixtures.sample)
        #expect(decoded.hasMaybe)
        #expect(decoded.maybe == 0)
        #expect(decoded.where.line1 == "W")
    }

    @Test func recursiveNodeRoundTrips() throws {
        var root = Portico_Example_V1_Node()
        root.name = "root"
        var child = Portico_Example_V1_Node()
        child.name = "c"
        child.parent.name = "p"
        root.children = [child]
        let bytes = root.serializedBytes()
        // name "root"; children { name "c" parent { name "p" } }
        #expect(hexString(bytes) == "0a04726f6f741a080a016312030a0170")
        #expect(try Portico_Example_V1_Node(serializedBytes: bytes) == root)
    }
}
