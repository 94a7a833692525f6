/// Generates a message's serialization passes: binary size, encode and decode, then JSON
/// encode, decode and the JSON field table. Every pass lists fields in field-number
/// order with one helper call per field (see `FieldGenerator`, `OneofGenerator`).
struct MessagePassesGenerator {
    let model: MessageModel
    let context: EmitterContext

    private var visibility: String { context.visibility }
    private var fields: [FieldModel] { model.fieldsByNumber }

    /// One field's generator lines, from either the field or its oneof.
    private func lines(
        _ field: FieldModel, plain: (FieldGenerator) -> [String], member: (OneofGenerator) -> [String]
    ) -> [String] {
        if let oneof = model.oneof(of: field) {
            return member(OneofGenerator(oneof: oneof, message: model, context: context))
        }
        return plain(FieldGenerator(field: field, message: model, context: context))
    }

    /// `let storage = …` for storage-backed messages: shared for reading passes, made
    /// unique for decoding ones.
    private func printStorageLocal(_ printer: inout CodePrinter, mutating: Bool) {
        guard model.usesStorage else { return }
        printer.print(mutating ? "let storage = _uniqueStorage()" : "let storage = _storage")
    }

    // MARK: Binary

    func printBinary(_ printer: inout CodePrinter) {
        printer.print()
        printer.block("\(visibility)func protoComputeSize(_ sizes: inout SizeCache) -> Int {") { printer in
            guard !fields.isEmpty else {
                printer.print("unknownFields.count")
                return
            }
            printStorageLocal(&printer, mutating: false)
            printer.print("var size = unknownFields.count")
            for field in fields {
                printer.print(contentsOf: lines(field, plain: { [$0.sizeLine] }, member: { [$0.sizeLine(field)] }))
            }
            printer.print("return size")
        }
        printer.print()
        printer.block("\(visibility)func protoEncode(to writer: inout BinaryWriter) {") { printer in
            printStorageLocal(&printer, mutating: false)
            for field in fields {
                printer.print(contentsOf: lines(field, plain: { [$0.encodeLine] }, member: { [$0.encodeLine(field)] }))
            }
            printer.print("writer.writeUnknown(unknownFields)")
        }
        printer.print()
        printBinaryDecode(&printer)
    }

    private func printBinaryDecode(_ printer: inout CodePrinter) {
        let signature = "mutating func protoDecodeField(_ tag: FieldTag, from reader: inout BinaryReader) throws(ProtoDecodingError)"
        printer.block("\(visibility)\(signature) {") { printer in
            printStorageLocal(&printer, mutating: true)
            printer.switchBlock("tag.fieldNumber") { printer in
                for field in fields {
                    printer.print(contentsOf: lines(field, plain: { [$0.decodeLine] }, member: { $0.decodeLines(field) }))
                }
                printer.print("default: try reader.readUnknown(tag, into: &unknownFields)")
            }
        }
    }

    // MARK: JSON

    func printJSON(_ printer: inout CodePrinter) {
        printer.print()
        printer.block("\(visibility)func protoEncodeJSON(to writer: inout JSONWriter) throws(ProtoJSONError) {") { printer in
            printStorageLocal(&printer, mutating: false)
            printer.print("writer.beginObject()")
            for field in fields {
                printer.print(contentsOf: lines(field, plain: { [$0.jsonEncodeLine] }, member: { [$0.jsonEncodeLine(field)] }))
            }
            printer.print("writer.endObject()")
        }
        printer.print()
        printJSONDecode(&printer)
        printer.print()
        printJSONFieldTable(&printer)
    }

    private func printJSONDecode(_ printer: inout CodePrinter) {
        printer.block("\(visibility)mutating func protoDecodeJSON(from reader: inout JSONReader) throws(ProtoJSONError) {") { printer in
            printStorageLocal(&printer, mutating: true)
            printer.print("var cursor = try reader.beginMessage(Self._protoJSONFields)")
            printer.block("while let number = try reader.nextField(&cursor) {") { printer in
                printer.switchBlock("number") { printer in
                    for field in fields {
                        printer.print(contentsOf: lines(field, plain: { [$0.jsonDecodeLine] }, member: { [$0.jsonDecodeLine(field)] }))
                    }
                    printer.print("default: break")
                }
            }
        }
    }

    /// Maps JSON keys (json_name and proto name) to field numbers; oneof members carry
    /// the index of their oneof so a second member of the same oneof is rejected, and
    /// say whether `null` sets them (Value, NullValue) or is skipped.
    private func printJSONFieldTable(_ printer: inout CodePrinter) {
        guard !fields.isEmpty else {
            printer.print("private static let _protoJSONFields = JSONFieldTable([])")
            return
        }
        printer.print("private static let _protoJSONFields = JSONFieldTable([")
        printer.withIndentation { printer in
            for field in fields {
                var oneof = model.oneof(of: field).map { ", oneof: \($0.realIndex)" } ?? ""
                if !oneof.isEmpty && field.jsonNullIsValue { oneof += ", nullIsValue: true" }
                printer.print(".init(\(field.number), \(SwiftLiteral.string(field.jsonName)), \(SwiftLiteral.string(field.protoName))\(oneof)),")
            }
        }
        printer.print("])")
    }
}
