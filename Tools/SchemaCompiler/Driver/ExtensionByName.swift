/// Finds an extension field by full name among a compilation's files.
enum ExtensionByName {
    /// The extension whose full name is `name` (with or without the leading dot),
    /// declared at file level or inside a message.
    static func find(_ name: String, in files: [FileDescriptor]) -> FieldDescriptor? {
        let fullName = name.hasPrefix(".") ? name : "." + name
        if let found = files.flatMap(\.extensions).first(where: { $0.fullName == fullName }) { return found }
        var pending = files.flatMap(\.messageTypes)
        while let message = pending.popLast() {
            if let found = message.extensions.first(where: { $0.fullName == fullName }) { return found }
            pending.append(contentsOf: message.nestedTypes)
        }
        return nil
    }
}
