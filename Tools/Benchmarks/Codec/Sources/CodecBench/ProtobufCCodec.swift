import WorkOrderC

/// protobuf-c's messages for the generated data and its four operations. The messages
/// are unpacked by protobuf-c itself from the canonical bytes, so they hold exactly the
/// generated data; `Verification` then checks that packing them gives those bytes back.
final class ProtobufCCodec {
    let single: UnsafeMutablePointer<Portico__Bench__V1__WorkOrder>
    let list: UnsafeMutablePointer<Portico__Bench__V1__WorkOrderList>

    init(singleBytes: [UInt8], listBytes: [UInt8]) throws(BenchmarkError) {
        guard let single = singleBytes.withUnsafeBufferPointer({
            portico__bench__v1__work_order__unpack(nil, $0.count, $0.baseAddress)
        }) else { throw BenchmarkError("protobuf-c could not unpack the single work order") }
        guard let list = listBytes.withUnsafeBufferPointer({
            portico__bench__v1__work_order_list__unpack(nil, $0.count, $0.baseAddress)
        }) else {
            portico__bench__v1__work_order__free_unpacked(single, nil)
            throw BenchmarkError("protobuf-c could not unpack the work order list")
        }
        self.single = single
        self.list = list
    }

    deinit {
        portico__bench__v1__work_order__free_unpacked(single, nil)
        portico__bench__v1__work_order_list__free_unpacked(list, nil)
    }

    func packedSingle() -> [UInt8] {
        let size = portico__bench__v1__work_order__get_packed_size(single)
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = wo_bench_pack_work_order(single, buffer.baseAddress)
        }
    }

    func packedList() -> [UInt8] {
        let size = portico__bench__v1__work_order_list__get_packed_size(list)
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = wo_bench_pack_work_order_list(list, buffer.baseAddress)
        }
    }

    /// Unpacks `bytes` and packs the result again: how Verification reads another
    /// library's output with protobuf-c.
    static func repack(single bytes: [UInt8]) throws(BenchmarkError) -> [UInt8] {
        guard let message = bytes.withUnsafeBufferPointer({
            portico__bench__v1__work_order__unpack(nil, $0.count, $0.baseAddress)
        }) else { throw BenchmarkError("protobuf-c could not unpack a work order") }
        defer { portico__bench__v1__work_order__free_unpacked(message, nil) }
        let size = portico__bench__v1__work_order__get_packed_size(message)
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = wo_bench_pack_work_order(message, buffer.baseAddress)
        }
    }

    func operations(singleBytes: [UInt8], listBytes: [UInt8]) -> LibraryOperations {
        LibraryOperations(
            encodeSingle: { [self] in wo_bench_encode_work_order(single) },
            decodeSingle: { singleBytes.withUnsafeBufferPointer { wo_bench_decode_work_order($0.baseAddress, $0.count) } },
            encodeList: { [self] in wo_bench_encode_work_order_list(list) },
            decodeList: { listBytes.withUnsafeBufferPointer { wo_bench_decode_work_order_list($0.baseAddress, $0.count) } }
        )
    }
}
