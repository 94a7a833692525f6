/// Proves that the libraries encode the same data to the same bytes before any timing:
/// a benchmark of codecs that disagree would compare different work.
struct Verification {
    var canonicalSingle: [UInt8]
    var canonicalList: [UInt8]

    /// protobuf-c packs the messages it unpacked from swift-protobuf's bytes back to
    /// those bytes, and reads a work order it did not write the same way.
    func checkProtobufC(_ codec: ProtobufCCodec) throws(BenchmarkError) {
        try expectEqual(codec.packedSingle(), canonicalSingle, "protobuf-c WorkOrder bytes")
        try expectEqual(codec.packedList(), canonicalList, "protobuf-c WorkOrderList bytes")
        try expectEqual(try ProtobufCCodec.repack(single: canonicalSingle), canonicalSingle,
                        "protobuf-c unpack → pack of swift-protobuf's WorkOrder")
    }

    /// swift-protobuf's default (unsorted map) output has the canonical size and decodes
    /// to the message it came from.
    func checkSwiftProtobuf(_ codec: SwiftProtobufCodec) throws(BenchmarkError) {
        do {
            let unsorted: [UInt8] = try codec.single.serializedBytes()
            try expectEqual(unsorted.count, canonicalSingle.count, "swift-protobuf default WorkOrder size")
            let decoded = try SPWorkOrder(serializedBytes: canonicalSingle)
            guard decoded == codec.single else {
                throw BenchmarkError("swift-protobuf decoded a different WorkOrder")
            }
            let decodedList = try SPWorkOrderList(serializedBytes: canonicalList)
            guard decodedList == codec.list else {
                throw BenchmarkError("swift-protobuf decoded a different WorkOrderList")
            }
        } catch let error as BenchmarkError {
            throw error
        } catch {
            throw BenchmarkError("swift-protobuf failed: \(error)")
        }
    }

    /// Portico writes the canonical bytes, reads them back to the message it wrote, and
    /// reads protobuf-c's output of its own bytes the same way.
    func checkPortico(_ codec: PorticoCodec) throws(BenchmarkError) {
        try expectEqual(codec.single.serializedBytes(), canonicalSingle, "Portico WorkOrder bytes")
        try expectEqual(codec.list.serializedBytes(), canonicalList, "Portico WorkOrderList bytes")
        do {
            let decoded = try PorticoWorkOrder(serializedBytes: canonicalSingle)
            try expectEqual(decoded, codec.single, "Portico's decoded WorkOrder")
            let decodedList = try PorticoWorkOrderList(serializedBytes: canonicalList)
            try expectEqual(decodedList == codec.list, true, "Portico's decoded WorkOrderList equals the original")
            let fromC = try PorticoWorkOrder(
                serializedBytes: try ProtobufCCodec.repack(single: codec.single.serializedBytes()))
            try expectEqual(fromC, codec.single, "Portico's reading of protobuf-c's WorkOrder")
        } catch let error as BenchmarkError {
            throw error
        } catch {
            throw BenchmarkError("Portico failed to decode: \(error)")
        }
    }

    func expectEqual<T: Equatable>(_ actual: T, _ expected: T, _ what: String) throws(BenchmarkError) {
        guard actual == expected else {
            throw BenchmarkError("\(what) differ: \(Self.describe(actual)) vs expected \(Self.describe(expected))")
        }
    }

    private static func describe<T>(_ value: T) -> String {
        if let bytes = value as? [UInt8] {
            return "\(bytes.count) bytes"
        }
        return "\(value)"
    }
}
