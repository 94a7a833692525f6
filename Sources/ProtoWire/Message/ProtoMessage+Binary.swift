extension ProtoMessage {
    /// The message in protobuf binary: sized once, then written into one exact
    /// allocation. Map entries are written with sorted keys (deterministic output).
    ///
    /// - Precondition: the encoded size is below 2 GiB (protobuf's limit); larger
    ///   messages trap rather than produce bytes no parser accepts.
    @inlinable
    public func serializedBytes() -> [UInt8] {
        var sizes = SizeCache()
        let size = protoComputeSize(&sizes)
        precondition(size <= Int(Int32.max), "protobuf messages must be smaller than 2 GiB")
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            var writer = BinaryWriter(base: base, capacity: size, sizes: sizes)
            protoEncode(to: &writer)
            precondition(writer.count == size, "size pass and encode pass disagree")
            initialized = size
        }
    }

    /// Decodes a message from protobuf binary.
    @inlinable
    public init(
        serializedBytes bytes: [UInt8], options: BinaryDecodingOptions = .init()
    ) throws(ProtoDecodingError) {
        self.init()
        try merge(serializedBytes: bytes, options: options)
    }

    /// Decodes a message from protobuf binary in borrowed memory.
    @inlinable
    public init(
        serializedBytes bytes: UnsafeRawBufferPointer, options: BinaryDecodingOptions = .init()
    ) throws(ProtoDecodingError) {
        self.init()
        try merge(serializedBytes: bytes, options: options)
    }

    /// Merges protobuf binary into this message: scalars are replaced, singular
    /// messages merged, repeated fields and maps appended to.
    @inlinable
    public mutating func merge(
        serializedBytes bytes: [UInt8], options: BinaryDecodingOptions = .init()
    ) throws(ProtoDecodingError) {
        let result: Result<Void, ProtoDecodingError> = bytes.withUnsafeBytes { raw in
            do throws(ProtoDecodingError) {
                try merge(serializedBytes: raw, options: options)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    @inlinable
    public mutating func merge(
        serializedBytes bytes: UnsafeRawBufferPointer, options: BinaryDecodingOptions = .init()
    ) throws(ProtoDecodingError) {
        var reader = BinaryReader(bytes: bytes, options: options)
        try protoDecodeFields(from: &reader)
    }

    /// Decodes fields until the reader's current message ends.
    @inlinable
    public mutating func protoDecodeFields(from reader: inout BinaryReader) throws(ProtoDecodingError) {
        while let tag = try reader.nextTag() {
            try protoDecodeField(tag, from: &reader)
        }
    }
}
