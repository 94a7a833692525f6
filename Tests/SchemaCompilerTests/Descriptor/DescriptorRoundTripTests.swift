import Testing

@testable import SchemaCompiler

/// protoc's own descriptor sets for the whole corpus must survive decode → encode
/// byte for byte: this pins the encoder to protoc's exact layout.
@Suite struct DescriptorRoundTripTests {
    @Test(arguments: Corpus.cases("valid"))
    func protocOutputRoundTrips(_ corpusCase: CorpusCase) async throws {
        let reference = try await Protoc.compile(corpusCase.file, root: corpusCase.root)
        try #require(reference.status == 0, "protoc failed: \(reference.stderr)")
        let set = try FileDescriptorSet(serializedBytes: reference.descriptorSet)
        #expect(!set.files.isEmpty)
        #expect(set.serializedBytes() == reference.descriptorSet)
    }
}
