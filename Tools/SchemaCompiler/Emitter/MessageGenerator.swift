/// Generates the Swift struct for one proto message.
struct MessageGenerator {
    let entry: SwiftTypeTable.MessageEntry
    let context: EmitterContext

    func generate(_ printer: inout CodePrinter) {
        printer.print("\(context.visibility)struct \(entry.relativeName) {}")
    }
}
