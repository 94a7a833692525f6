/// Turns a declaration's `option` statements (or `[...]` list) into the serialized
/// `*Options` message protoc writes, with protoc 3.21's checks and wording.
///
/// Like protoc, every option is first collected as raw wire fields in source order;
/// at the end, the standard fields of the options message are moved in front in
/// field-number order (protoc re-parses the options into its generated class) while
/// custom options keep their source order.
public struct OptionsInterpreter {
    let lookup: any OptionSymbolLookup

    public init(lookup: any OptionSymbolLookup) {
        self.lookup = lookup
    }

    /// Interprets one declaration's options.
    ///
    /// - Parameters:
    ///   - declarations: the options in source order, without the pseudo-options
    ///     `default` and `json_name` (the linker handles those).
    ///   - scope: where `(extension)` names are resolved from: the declaration's fully
    ///     qualified name with a leading dot (the package for file options).
    ///   - file: the file the options are written in (for import visibility).
    ///   - forceEmpty: write an empty options message even without declarations
    ///     (an rpc with a `{}` body).
    /// - Returns: the encoded options; like protoc, interpretation of one block stops
    ///   at its first error, which is added to `diagnostics`.
    public mutating func interpret(
        _ declarations: [AST.OptionDeclaration], for target: OptionTarget, scope: String,
        file: String, forceEmpty: Bool, diagnostics: inout Diagnostics
    ) -> InterpretedOptions {
        guard !declarations.isEmpty || forceEmpty else { return InterpretedOptions() }
        guard let optionsType = lookup.message(named: target.optionsMessageName) else {
            if let first = declarations.first {
                diagnostics.error(
                    "Options message \"\(target.optionsMessageName.dropFirst())\" is not available.",
                    at: first.location)
            }
            return InterpretedOptions(encoded: [])
        }
        var state = OptionsState()
        let context = OptionContext(lookup: lookup, scope: scope, file: file)
        for declaration in declarations {
            do {
                try context.interpret(declaration, on: optionsType, into: &state)
            } catch {
                diagnostics.error(error.message, at: error.location)
                break
            }
        }
        return InterpretedOptions(
            encoded: state.encoded(knownFields: optionsType.fields),
            standardValues: state.standardValues)
    }
}

/// A failed option with protoc's message and where protoc reports it.
struct OptionError: Error {
    var message: String
    var location: SourceLocation
}

/// The options collected so far for one declaration.
struct OptionsState {
    /// Every interpreted option as protoc's UnknownFieldSet holds it, in source order.
    var fields: [WireField] = []
    var standardValues: [String: WireValue] = [:]

    /// Standard fields (known to `descriptor.proto`) first, in field-number order;
    /// then custom options in the order they were set.
    func encoded(knownFields: [FieldDescriptor]) -> [UInt8] {
        let known = Set(knownFields.map(\.number))
        let standard = fields.enumerated()
            .filter { known.contains($0.element.number) }
            .sorted { ($0.element.number, $0.offset) < ($1.element.number, $1.offset) }
            .map(\.element)
        let custom = fields.filter { !known.contains($0.number) }
        return WireWriter.encode(standard + custom)
    }
}

/// Where options are interpreted: the lookup and the names are resolved from.
struct OptionContext {
    let lookup: any OptionSymbolLookup
    let scope: String
    let file: String

    func interpret(
        _ declaration: AST.OptionDeclaration, on optionsType: MessageDescriptor,
        into state: inout OptionsState
    ) throws(OptionError) {
        let name = try resolveName(declaration, on: optionsType)
        if name.field.label != .repeated,
            Self.isAlreadySet(name.intermediates[...], name.field, in: state.fields)
        {
            throw OptionError(
                message: "Option \"\(name.displayName)\" was already set.", at: declaration.location)
        }
        let value = try optionValue(declaration, for: name.field, in: name.containingType)
        var wrapped = WireField(number: name.field.number, value: value)
        for intermediate in name.intermediates.reversed() {
            wrapped = WireField(
                number: intermediate.number,
                value: intermediate.type == .group
                    ? .group([wrapped]) : .lengthDelimited(WireWriter.encode([wrapped])))
        }
        state.fields.append(wrapped)
        if name.intermediates.isEmpty, name.isStandard {
            state.standardValues[name.field.name] = value
        }
    }

    /// protoc's `ExamineIfOptionIsSet`: whether the innermost field was already set
    /// through the same chain of intermediate messages.
    static func isAlreadySet(
        _ intermediates: ArraySlice<FieldDescriptor>, _ innermost: FieldDescriptor,
        in fields: [WireField]
    ) -> Bool {
        guard let next = intermediates.first else {
            return fields.contains { $0.number == innermost.number }
        }
        for field in fields where field.number == next.number {
            let inner: [WireField]?
            switch (next.type, field.value) {
            case (.group, .group(let groupFields)): inner = groupFields
            case (.message, .lengthDelimited(let bytes)): inner = try? WireReader.fields(of: bytes)
            default: inner = nil
            }
            if let inner, isAlreadySet(intermediates.dropFirst(), innermost, in: inner) {
                return true
            }
        }
        return false
    }
}

extension OptionError {
    init(message: String, at location: SourceLocation) {
        self.init(message: message, location: location)
    }
}
