/// Generates the Swift enum for one proto enum.
struct EnumGenerator {
    let entry: SwiftTypeTable.EnumEntry
    let context: EmitterContext

    func generate(_ printer: inout CodePrinter) {
        printer.print("\(context.visibility)enum \(entry.relativeName) {}")
    }
}
