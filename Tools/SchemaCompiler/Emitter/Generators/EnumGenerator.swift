/// Generates the Swift enum for one proto enum: a case per distinct number, an
/// `unrecognized(Int32)` case keeping unknown numbers (enums are open, proto2 ones
/// included), static constants for aliases, the raw-value mapping and the proto names
/// JSON uses. Model: swift-protobuf's `protoc-gen-swift/EnumGenerator.swift`.
struct EnumGenerator {
    let entry: SwiftTypeTable.EnumEntry
    let context: EmitterContext

    private var descriptor: EnumDescriptor { entry.descriptor }
    private var names: EnumCaseNames { entry.caseNames }
    private var visibility: String { context.visibility }

    /// The values that are cases (first value of each number), with their Swift names
    /// as declared and as written after a dot.
    private var cases: [(value: EnumValueDescriptor, name: String, dotted: String)] {
        names.caseIndices.map { index in
            let name = names.names[index]
            return (descriptor.values[index], name, "." + SwiftNaming.unquoted(name))
        }
    }

    func generate(_ printer: inout CodePrinter) {
        printer.print(contentsOf: DocComment.lines(descriptor.comments, deprecation: DocComment.note("enum", if: isDeprecated)))
        printer.block("\(visibility)enum \(entry.relativeName): ProtoEnum, CaseIterable {") { printer in
            printCases(&printer)
            printAliases(&printer)
            printer.print()
            printInitializers(&printer)
            printer.print()
            printRawValue(&printer)
            printer.print()
            printProtoNames(&printer)
            printer.print()
            printAllCases(&printer)
        }
    }

    /// `EnumOptions.deprecated` (field 3); the model keeps enum options encoded only.
    private var isDeprecated: Bool {
        ((try? OptionFlags.bool(3, in: descriptor.options)) ?? nil) ?? false
    }

    private func printCases(_ printer: inout CodePrinter) {
        for (value, name, _) in cases {
            let deprecation = DocComment.note("enum value", if: value.isDeprecated)
            printer.print(contentsOf: DocComment.lines(value.comments, deprecation: deprecation))
            printer.print("case \(name) // = \(value.number)")
        }
        printer.print("case unrecognized(Int32)")
    }

    private func printAliases(_ printer: inout CodePrinter) {
        guard !names.aliases.isEmpty else { return }
        printer.print()
        for alias in names.aliases {
            let value = descriptor.values[alias.valueIndex]
            printer.print(contentsOf: DocComment.lines(value.comments, deprecation: DocComment.attribute(if: value.isDeprecated)))
            let canonical = "." + SwiftNaming.unquoted(alias.canonical)
            printer.print("\(visibility)static let \(alias.name): \(entry.swiftName) = \(canonical)")
        }
    }

    private func printInitializers(_ printer: inout CodePrinter) {
        printer.block("\(visibility)init() {") { printer in
            printer.print("self = \(cases[0].dotted)")
        }
        printer.print()
        printer.block("\(visibility)init(rawValue: Int32) {") { printer in
            printer.switchBlock("rawValue") { printer in
                for (value, _, dotted) in cases {
                    printer.print("case \(value.number): self = \(dotted)")
                }
                printer.print("default: self = .unrecognized(rawValue)")
            }
        }
    }

    private func printRawValue(_ printer: inout CodePrinter) {
        printer.block("\(visibility)var rawValue: Int32 {") { printer in
            printer.switchBlock("self") { printer in
                for (value, _, dotted) in cases {
                    printer.print("case \(dotted): \(value.number)")
                }
                printer.print("case .unrecognized(let number): number")
            }
        }
    }

    /// JSON writes the first name of a number and reads every name, aliases included.
    private func printProtoNames(_ printer: inout CodePrinter) {
        printer.block("\(visibility)var protoName: String? {") { printer in
            printer.switchBlock("self") { printer in
                for (value, _, dotted) in cases {
                    printer.print("case \(dotted): \(SwiftLiteral.string(value.name))")
                }
                printer.print("case .unrecognized: nil")
            }
        }
        printer.print()
        let dottedByNumber = Dictionary(cases.map { ($0.value.number, $0.dotted) }, uniquingKeysWith: { first, _ in first })
        printer.block("\(visibility)init?(protoName: String) {") { printer in
            printer.switchBlock("protoName") { printer in
                for value in descriptor.values {
                    printer.print("case \(SwiftLiteral.string(value.name)): self = \(dottedByNumber[value.number]!)")
                }
                printer.print("default: return nil")
            }
        }
    }

    private func printAllCases(_ printer: inout CodePrinter) {
        printer.print("\(visibility)static let allCases: [\(entry.swiftName)] = [")
        printer.withIndentation { printer in
            for (_, _, dotted) in cases {
                printer.print("\(dotted),")
            }
        }
        printer.print("]")
    }
}
