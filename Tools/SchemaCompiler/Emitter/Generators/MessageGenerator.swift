/// Generates the Swift struct for one proto message (and, inside it, its oneof enums,
/// nested enums and nested messages). Layout, in order: name, properties in declaration
/// order, unknown fields, nested types, `init()`, the binary passes, the JSON passes,
/// then storage details.
struct MessageGenerator {
    let model: MessageModel
    let context: EmitterContext

    init(entry: SwiftTypeTable.MessageEntry, context: EmitterContext) throws(SwiftEmitterError) {
        self.model = try MessageModel(entry: entry, types: context.types)
        self.context = context
    }

    private var visibility: String { context.visibility }

    func generate(_ printer: inout CodePrinter) throws(SwiftEmitterError) {
        let descriptor = model.descriptor
        printer.print(contentsOf: DocComment.lines(descriptor.comments, deprecation: DocComment.note("message", if: descriptor.isDeprecated)))
        try printer.block("\(visibility)struct \(model.entry.relativeName): ProtoMessage {") { printer throws(SwiftEmitterError) in
            let protoName = String(model.entry.protoFullName.dropFirst())
            printer.print("\(visibility)static let protoMessageName = \(SwiftLiteral.string(protoName))")
            printer.print()
            printProperties(&printer)
            printer.print("\(visibility)var unknownFields = UnknownFields()")
            printer.print()
            try printNestedTypes(&printer)
            printer.print("\(visibility)init() {}")
            let passes = MessagePassesGenerator(model: model, context: context)
            passes.printBinary(&printer)
            if !WellKnownTypes.hasHandWrittenJSON(model.entry.protoFullName) {
                passes.printJSON(&printer)
            }
            printStorage(&printer)
        }
    }

    /// Fields in declaration order; a oneof's property comes before its first member,
    /// then one accessor per member.
    private func printProperties(_ printer: inout CodePrinter) {
        var printedOneofs: Set<Int> = []
        for field in model.fields {
            if let oneof = model.oneof(of: field) {
                let generator = OneofGenerator(oneof: oneof, message: model, context: context)
                if printedOneofs.insert(oneof.realIndex).inserted {
                    generator.printProperty(&printer)
                    printer.print()
                }
                generator.printAccessor(field, &printer)
            } else {
                FieldGenerator(field: field, message: model, context: context).printDeclaration(&printer)
            }
            printer.print()
        }
    }

    private func printNestedTypes(_ printer: inout CodePrinter) throws(SwiftEmitterError) {
        for oneof in model.oneofs.values.sorted(by: { $0.realIndex < $1.realIndex }) {
            OneofGenerator(oneof: oneof, message: model, context: context).printEnum(&printer)
            printer.print()
        }
        let prefix = model.entry.protoFullName + "."
        for nested in model.descriptor.enumTypes {
            EnumGenerator(entry: try context.types.enumType(prefix + nested.name), context: context).generate(&printer)
            printer.print()
        }
        for nested in model.descriptor.nestedTypes where !nested.isMapEntry {
            try MessageGenerator(entry: try context.types.message(prefix + nested.name), context: context)
                .generate(&printer)
            printer.print()
        }
    }

    private func printStorage(_ printer: inout CodePrinter) {
        if model.usesStorage {
            MessageStorageGenerator(model: model, context: context).generate(&printer)
            return
        }
        let declarations = model.fields.compactMap {
            FieldGenerator(field: $0, message: model, context: context).privateStorageDeclaration
        }
        guard !declarations.isEmpty else { return }
        printer.print()
        printer.print(contentsOf: declarations)
    }
}

/// The well-known types whose JSON form is special; ProtoWire writes their JSON
/// methods by hand, so generated code (ProtoWire's own regeneration) leaves them out.
enum WellKnownTypes {
    static let withHandWrittenJSON: Set<String> = [
        ".google.protobuf.Any", ".google.protobuf.Duration", ".google.protobuf.Empty",
        ".google.protobuf.FieldMask", ".google.protobuf.ListValue", ".google.protobuf.Struct",
        ".google.protobuf.Timestamp", ".google.protobuf.Value", ".google.protobuf.BoolValue",
        ".google.protobuf.BytesValue", ".google.protobuf.DoubleValue", ".google.protobuf.FloatValue",
        ".google.protobuf.Int32Value", ".google.protobuf.Int64Value", ".google.protobuf.StringValue",
        ".google.protobuf.UInt32Value", ".google.protobuf.UInt64Value",
    ]

    static func hasHandWrittenJSON(_ protoFullName: String) -> Bool {
        withHandWrittenJSON.contains(protoFullName)
    }
}
