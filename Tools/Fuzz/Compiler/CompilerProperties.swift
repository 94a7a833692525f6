import SchemaCompiler

/// What must hold for every input, whatever the compiler decides about it.
enum CompilerProperties {
    /// Every diagnostic about a fuzzed file points into it: a line within the file and
    /// a column. (Only files that do not exist, such as a missing import, are named
    /// without a position, as protoc does.)
    static func checkDiagnostics(_ compilation: Compilation, of input: FuzzInput) {
        for diagnostic in compilation.diagnostics {
            let location = diagnostic.location
            guard let lines = input.lineCount(of: location.file) else {
                require(location.line == 0, "a position in a file that does not exist", diagnostic)
                continue
            }
            require(location.line >= 1 && location.line <= lines, "line outside the file", diagnostic)
            require(location.column >= 1, "no column", diagnostic)
        }
    }

    /// The descriptor set decodes back to the same bytes.
    static func checkDescriptorSetRoundTrips(_ compilation: Compilation) {
        let bytes = compilation.descriptorSet(includeImports: true).serializedBytes()
        do {
            let decoded = try FileDescriptorSet(serializedBytes: bytes)
            require(decoded.serializedBytes() == bytes, "descriptor set changes when decoded and encoded again")
        } catch {
            fail("descriptor set does not decode: \(error)")
        }
    }

    /// A compilation without errors always emits (every name it refers to resolved);
    /// returns how many files were written.
    static func emitSwift(_ compilation: Compilation) -> Int {
        do {
            return try SwiftEmitter.emit(
                generate: compilation.inputFiles, allFiles: compilation.files, options: SwiftEmitterOptions()
            ).count
        } catch {
            fail("the emitter rejected a compiled schema: \(error)")
        }
    }

    private static func require(_ condition: Bool, _ property: String, _ diagnostic: Diagnostic) {
        if !condition { fail("\(property): \(diagnostic.protocDescription)") }
    }

    private static func require(_ condition: Bool, _ property: String) {
        if !condition { fail(property) }
    }

    private static func fail(_ property: String) -> Never {
        fatalError("compiler property violated: \(property)")
    }
}
