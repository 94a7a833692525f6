/// What the linker needs back from option interpretation for one element.
struct ElementOptions {
    /// The encoded `*Options` message, or nil when none is written.
    var encoded: [UInt8]?
    /// Standard boolean options that were set (`packed`, `deprecated`, ...).
    var flags: [String: Bool] = [:]

    func flag(_ name: String) -> Bool? { flags[name] }
}

/// The kinds of elements options attach to (mirrors the options interpreter's).
enum OptionElement {
    case file, message, field, oneof, enumType, enumValue, service, method, extensionRange
}

extension LinkSession {
    /// Interprets one element's options. Until the options interpreter is available
    /// this reads the standard boolean options the checks need straight from the
    /// declarations and encodes nothing.
    func interpretOptions(_ declarations: [AST.OptionDeclaration], for element: OptionElement,
                          scope: String, file: FileNode, forceEmpty: Bool = false) -> ElementOptions {
        var options = ElementOptions(encoded: forceEmpty ? [] : nil)
        for declaration in declarations {
            guard declaration.name.count == 1, case .field(let name) = declaration.name[0],
                  case .identifier(let word, false) = declaration.value, word == "true" || word == "false"
            else { continue }
            options.flags[name.text] = word == "true"
        }
        return options
    }
}
