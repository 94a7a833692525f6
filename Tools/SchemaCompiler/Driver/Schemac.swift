import Foundation

/// The `schemac` command: parse the command line, compile, print diagnostics like
/// protoc (sorted, `file:line:column: message`), and write the requested outputs.
/// `main.swift` only forwards to `run`, so tests drive the whole tool in-process.
public enum Schemac {
    public static let usage = """
        Usage: schemac [OPTION] PROTO_FILES
          -IPATH, --proto_path=PATH   Directory in which to search for imports (repeatable;
                                      searched in order; default: the current directory).
          -oFILE, --descriptor_set_out=FILE
                                      Write a FileDescriptorSet (protobuf binary) to FILE.
          --include_imports           With --descriptor_set_out, also include every file
                                      the inputs import, dependencies first.
          --swift_out=DIR             Generate Swift sources for ProtoWire into DIR.
          --swift_opt=KEY=VALUE       Option for the Swift generator (repeatable).
          --require_method_option=NAME
                                      Every method of the input files must set the custom
                                      method option NAME, e.g. portico.v1.access
                                      (repeatable).
          --version                   Show the version and exit.
          -h, --help                  Show this text and exit.
        """

    /// Runs the tool; returns the exit status (0 success, 1 any error).
    public static func run(arguments: [String], standardError: (String) -> Void) -> Int32 {
        let options: CommandLineOptions
        do {
            options = try CommandLineOptions(arguments: arguments)
        } catch {
            standardError(error.message)
            return 1
        }
        if options.showHelp {
            standardError(usage)
            return 0
        }
        if options.showVersion {
            standardError("schemac (protoc 3.21 compatible)")
            return 0
        }
        guard !options.inputs.isEmpty else {
            standardError("Missing input file.")
            return 1
        }
        guard options.descriptorSetOut != nil || options.swiftOut != nil else {
            standardError("Missing output directives.")
            return 1
        }
        let compilation: Compilation
        do {
            compilation = try compile(options)
        } catch {
            standardError(error.message)
            return 1
        }
        for diagnostic in compilation.diagnostics {
            standardError(diagnostic.protocDescription)
        }
        guard !compilation.hasErrors else { return 1 }
        do {
            try writeOutputs(compilation, options)
        } catch {
            standardError("\(error)")
            return 1
        }
        return 0
    }

    /// Compiles the inputs as the command line says, `--require_method_option` errors
    /// sorted in with the others. Throws for a required option that names no method
    /// option (reported only when everything else compiled: a failed compilation may
    /// have failed to link the option itself).
    public static func compile(_ options: CommandLineOptions) throws(CommandLineError) -> Compilation {
        var compilation = Compiler(importRoots: options.importRoots).compile(options.inputs)
        guard !options.requiredMethodOptions.isEmpty else { return compilation }
        var diagnostics = compilation.diagnostics
        for name in options.requiredMethodOptions {
            do {
                diagnostics += try RequiredMethodOption.check(name, in: compilation)
            } catch where compilation.hasErrors {
                continue
            }
        }
        compilation.diagnostics = Array(Set(diagnostics)).sorted()
        return compilation
    }

    private static func writeOutputs(_ compilation: Compilation, _ options: CommandLineOptions) throws {
        if let path = options.descriptorSetOut {
            let set = compilation.descriptorSet(includeImports: options.includeImports)
            try write(set.serializedBytes(), to: URL(fileURLWithPath: path))
        }
        if let directory = options.swiftOut {
            for output in try swiftOutputs(compilation, options) {
                let url = URL(fileURLWithPath: directory).appendingPathComponent(output.path)
                try write(Array(output.contents.utf8), to: url)
            }
        }
    }

    /// The Swift files `--swift_out` writes for a compilation: paths relative to the
    /// output folder, and their contents.
    public static func swiftOutputs(
        _ compilation: Compilation, _ options: CommandLineOptions
    ) throws -> [(path: String, contents: String)] {
        let emitterOptions = try SwiftEmitterOptions(parameters: options.swiftOptions)
        return try SwiftEmitter.emit(
            generate: compilation.inputFiles, allFiles: compilation.files, options: emitterOptions)
    }

    private static func write(_ bytes: [UInt8], to url: URL) throws {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }
}
