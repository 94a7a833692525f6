/// `--require_method_option=NAME`: every method of every input file must set the custom
/// method option NAME (an extension of `google.protobuf.MethodOptions`), so no RPC
/// can ship without, say, an access rule. A method without it is a compile error at
/// its `rpc` keyword.
enum RequiredMethodOption {
    /// The errors for methods of `compilation`'s inputs that lack the option; throws when
    /// the name is not an extension of `google.protobuf.MethodOptions` in the
    /// compilation (a mistake in the command line, not in the schema).
    static func check(_ name: String, in compilation: Compilation) throws(CommandLineError) -> [Diagnostic] {
        guard let option = ExtensionByName.find(name, in: compilation.files) else {
            throw CommandLineError("--require_method_option: no extension named \(name) in the compiled files or their imports.")
        }
        guard option.extendee == ".google.protobuf.MethodOptions" else {
            let extendee = option.extendee.map { String($0.dropFirst()) } ?? "nothing"
            throw CommandLineError("--require_method_option: \(name) extends \(extendee), not google.protobuf.MethodOptions.")
        }
        var diagnostics: [Diagnostic] = []
        for file in compilation.inputFiles {
            for service in file.services {
                for method in service.methods where !sets(option.number, in: method.options) {
                    let serviceName = String(service.fullName.dropFirst())
                    diagnostics.append(Diagnostic(
                        .error, at: method.location ?? SourceLocation(file: file.name, line: 0, column: 0),
                        "Method \"\(method.name)\" of service \"\(serviceName)\" does not set option (\(name)), which --require_method_option requires of every method."
                    ))
                }
            }
        }
        return diagnostics
    }

    /// Whether the encoded options hold the field (a malformed encoding holds nothing;
    /// the linker wrote it, so that cannot happen short of a compiler bug).
    private static func sets(_ number: Int32, in options: [UInt8]?) -> Bool {
        guard let options, let fields = try? WireReader.fields(of: options) else { return false }
        return fields.contains { $0.number == number }
    }
}
