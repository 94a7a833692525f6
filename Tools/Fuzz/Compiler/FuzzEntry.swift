// The libFuzzer entry point for the schema compiler's front end. Each input is one or
// more `.proto` files (see `FuzzInput`), compiled in memory: lexed, parsed, linked and
// option-interpreted, then, when that succeeds, encoded as a descriptor set and emitted
// as Swift. Rejecting an input is the compiler's job; crashing, hanging or breaking one
// of `CompilerProperties` is a finding (a violated property traps, so libFuzzer records
// the input as a crash).

#if canImport(Glibc)
import Glibc
#endif
import SchemaCompiler

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let input = FuzzInput(bytes)
    let compilation = Compiler.compile([input.mainPath], sources: input.files)
    CompilerProperties.checkDiagnostics(compilation, of: input)
    var outcome = "rejected with \(compilation.diagnostics.count) diagnostics"
    if !compilation.hasErrors {
        CompilerProperties.checkDescriptorSetRoundTrips(compilation)
        let outputs = CompilerProperties.emitSwift(compilation)
        outcome = "compiled; \(outputs) Swift files"
    }
    if verbose {
        print("\(input.files.count) files: \(outcome)")
        compilation.diagnostics.prefix(5).forEach { print("  " + $0.protocDescription) }
    }
    return 0
}

/// `PORTICO_FUZZ_VERBOSE=1 fuzz-compiler FILE...` prints what became of each input: a
/// check that the seeds reach the stages they were chosen for.
private let verbose = getenv("PORTICO_FUZZ_VERBOSE") != nil
