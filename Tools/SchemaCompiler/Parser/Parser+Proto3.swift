// Rules protoc checks while building descriptors (descriptor.cc) rather than while
// parsing, but that need nothing beyond the file's own syntax. They are reported here,
// with protoc's messages and positions, so the linker need not repeat them.

extension Parser {
    /// A proto3 field may not be `required`, have a `default` or be a group.
    mutating func checkProto3Field(
        label: AST.FieldLabel?, typeLocation: SourceLocation, options: [AST.OptionDeclaration], isGroup: Bool = false
    ) {
        guard syntax == .proto3 else { return }
        if label == .required {
            error("Required fields are not allowed in proto3.", at: typeLocation)
        }
        if let defaultValue = options.first(where: { Self.isPseudoOption($0, "default") }) {
            error("Explicit default values are not allowed in proto3.", at: defaultValue.valueLocation)
        }
        if isGroup {
            error("Groups are not supported in proto3 syntax.", at: typeLocation)
        }
    }

    /// A proto3 message may not declare extension ranges; protoc reports the first one.
    mutating func checkNoExtensionRangesInProto3(_ elements: [AST.MessageElement]) {
        guard syntax == .proto3 else { return }
        for case .extensions(let declaration) in elements {
            if let range = declaration.ranges.first {
                error("Extension ranges are not allowed in proto3.", at: range.location)
            }
            return
        }
    }
}
