import ProtoWire

/// A Sample of the contract example schema
/// (`Tests/SchemaCompilerTests/Emitter/Golden/contract-example.proto`); its expected bytes
/// came from `protoc --encode=portico.example.v1.Sample` (maps listed in
/// key order, since protoc's text encoder keeps input order).
enum ContractFixtures {
    static var sample: Portico_Example_V1_Sample {
        var sample = Portico_Example_V1_Sample()
        sample.i32 = -1
        sample.i64 = 1_234_567_890_123
        sample.u32 = 300
        sample.u64 = .max
        sample.s32 = -2
        sample.s64 = -3_000_000_000
        sample.f32 = 7
        sample.f64 = 8
        sample.sf32 = -9
        sample.sf64 = -10
        sample.fl = 1.5
        sample.db = -2.25
        sample.flag = true
        sample.text = "héllo"
        sample.blob = [1, 2, 255]
        sample.status = .open
        sample.address.line1 = "1 Main St"
        sample.address.city = "Springfield"
        sample.numbers = [1, -1, 150]
        sample.tags = ["a", "b"]
        var x = Portico_Example_V1_Address()
        x.city = "X"
        sample.addresses = [x, Portico_Example_V1_Address()]
        sample.counts = ["b": 2, "a": 0]
        var y = Portico_Example_V1_Address()
        y.city = "Y"
        sample.byId = [7: y, -1: Portico_Example_V1_Address()]
        sample.maybe = 0
        var w = Portico_Example_V1_Address()
        w.line1 = "W"
        sample.where = w
        sample.at.seconds = 1_700_000_000
        sample.at.nanos = 5000
        sample.unpacked = [3, 4]
        sample.statuses = [.closed, .open]
        sample.inner.x = 42
        return sample
    }

    static let sampleBytes = hex(
        "08ffffffffffffffffff0110cb89ec8ff72318ac0220ffffffffffffffffff01280330fff782ad16"
            + "3d070000004108000000000000004df7ffffff51f6ffffffffffffff5d0000c03f610000000000"
            + "0002c06801720668c3a96c6c6f7a030102ff8001018a01180a0931204d61696e205374120b5370"
            + "72696e676669656c6492010d01ffffffffffffffffff0196019a0101619a010162a20103120158"
            + "a20100aa01050a01611000aa01050a01621002b2010d08ffffffffffffffffff011200b2010708"
            + "071203120159b80100ca01030a0157da01090880e2cfaa06108827e00103e00104ea01020201f2"
            + "0102082a")
}
