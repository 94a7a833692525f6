/// `schemac`'s command line, spelled as protoc's so build scripts can switch between
/// them: `-I DIR`, `-IDIR`, `--proto_path=DIR`, `--proto_path DIR`,
/// `--descriptor_set_out=FILE` (or `-oFILE`), `--include_imports`,
/// `--swift_out=DIR`, `--swift_opt=KEY=VALUE`, and input files; plus schemac's own
/// `--require_method_option=NAME` (repeatable).
public struct CommandLineOptions: Sendable, Equatable {
    public var importRoots: [String] = []
    public var inputs: [String] = []
    public var descriptorSetOut: String?
    public var includeImports = false
    public var swiftOut: String?
    /// `--swift_opt` pairs in order (also `--swift_out=KEY=VALUE,...:DIR`).
    public var swiftOptions: [(String, String)] = []
    /// Full names of custom method options every method of the inputs must set.
    public var requiredMethodOptions: [String] = []
    public var showHelp = false
    public var showVersion = false

    public init() {}

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.importRoots == rhs.importRoots && lhs.inputs == rhs.inputs
            && lhs.descriptorSetOut == rhs.descriptorSetOut && lhs.includeImports == rhs.includeImports
            && lhs.swiftOut == rhs.swiftOut && lhs.showHelp == rhs.showHelp
            && lhs.showVersion == rhs.showVersion && lhs.requiredMethodOptions == rhs.requiredMethodOptions
            && lhs.swiftOptions.map { [$0.0, $0.1] } == rhs.swiftOptions.map { [$0.0, $0.1] }
    }

    /// Parses arguments (without the program name) with protoc's rules and messages.
    public init(arguments: [String]) throws(CommandLineError) {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            guard argument.hasPrefix("-"), argument != "-" else {
                inputs.append(argument)
                continue
            }
            let (flag, inlineValue) = Self.split(argument)
            if Self.switches.contains(flag) {
                guard inlineValue == nil else { throw CommandLineError("\(flag) does not take a value.") }
                try apply(flag, value: "")
                continue
            }
            guard Self.valued.contains(flag) else { throw CommandLineError("Unknown flag: \(flag)") }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if let next = remaining.popFirst() {
                value = next
            } else {
                throw CommandLineError("Missing value for flag: \(flag)")
            }
            try apply(flag, value: value)
        }
    }

    private static let switches: Set<String> = ["--include_imports", "-h", "--help", "--version"]
    private static let valued: Set<String> = [
        "-I", "--proto_path", "-o", "--descriptor_set_out", "--swift_out", "--swift_opt",
        "--require_method_option",
    ]

    /// `--flag=value` and the glued short forms `-IDIR` / `-oFILE`.
    private static func split(_ argument: String) -> (String, String?) {
        if argument.hasPrefix("--") {
            guard let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
            return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
        }
        guard argument.count > 2 else { return (argument, nil) }
        return (String(argument.prefix(2)), String(argument.dropFirst(2)))
    }

    private mutating func apply(_ flag: String, value: String) throws(CommandLineError) {
        switch flag {
        case "-I", "--proto_path":
            // protoc accepts a path list separated like $PATH.
            let roots = value.split(separator: ":", omittingEmptySubsequences: true).map(String.init)
            guard !roots.isEmpty else { throw CommandLineError("Missing value for flag: \(flag)") }
            importRoots += roots
        case "-o", "--descriptor_set_out":
            guard descriptorSetOut == nil else { throw CommandLineError("\(flag) may only be passed once.") }
            descriptorSetOut = value
        case "--include_imports": includeImports = true
        case "--swift_out": try applySwiftOut(value)
        case "--swift_opt": swiftOptions += Self.parameters(value)
        case "--require_method_option":
            guard !value.isEmpty else { throw CommandLineError("Missing value for flag: \(flag)") }
            requiredMethodOptions.append(value)
        case "--version": showVersion = true
        default: showHelp = true
        }
    }

    /// `--swift_out=DIR` or protoc's `--swift_out=PARAMETERS:DIR`.
    private mutating func applySwiftOut(_ value: String) throws(CommandLineError) {
        guard swiftOut == nil else { throw CommandLineError("--swift_out may only be passed once.") }
        if let colon = value.lastIndex(of: ":") {
            swiftOptions += Self.parameters(String(value[..<colon]))
            swiftOut = String(value[value.index(after: colon)...])
        } else {
            swiftOut = value
        }
    }

    /// `A=1,B=2` → [(A, 1), (B, 2)]; a bare key gets an empty value.
    private static func parameters(_ text: String) -> [(String, String)] {
        text.split(separator: ",").map { pair in
            guard let equals = pair.firstIndex(of: "=") else { return (String(pair), "") }
            return (String(pair[..<equals]), String(pair[pair.index(after: equals)...]))
        }
    }
}

/// A command-line mistake, with protoc's wording.
public struct CommandLineError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
