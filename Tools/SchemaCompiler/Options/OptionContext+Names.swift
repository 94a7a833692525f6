// Resolving an option name such as `java_package`, `(my.ext)` or `(my.ext).a.b` to
// the field it sets, following protoc's OptionInterpreter.

/// The field an option name designates and the message fields leading to it.
struct ResolvedOptionName {
    /// The message fields drilled through, outermost first (`(ext)` and `a` in
    /// `(ext).a.b`).
    var intermediates: [FieldDescriptor]
    /// The field the value is assigned to.
    var field: FieldDescriptor
    /// The message `field` belongs to (or extends).
    var containingType: MessageDescriptor
    /// The name as protoc prints it: `(ext).a.b`.
    var displayName: String
    /// A plain field of the options message itself (not a custom option).
    var isStandard: Bool
}

extension OptionContext {
    func resolveName(
        _ declaration: AST.OptionDeclaration, on optionsType: MessageDescriptor
    ) throws(OptionError) -> ResolvedOptionName {
        let location = declaration.location
        if case .field(let first) = declaration.name.first, first.text == "uninterpreted_option" {
            throw OptionError(
                message: "Option must not use reserved name \"uninterpreted_option\".", at: location)
        }
        var type = optionsType
        var intermediates: [FieldDescriptor] = []
        var displayName = ""
        for (index, part) in declaration.name.enumerated() {
            if !displayName.isEmpty { displayName += "." }
            let field: FieldDescriptor
            switch part {
            case .field(let identifier):
                displayName += identifier.text
                guard let found = type.fields.first(where: { $0.name == identifier.text }) else {
                    throw Self.unknownOption(displayName, at: location)
                }
                field = found
            case .extension(let reference):
                displayName += "(\(reference.text))"
                field = try resolveExtension(reference, extending: type, displayName, at: location)
            }
            guard index < declaration.name.count - 1 else {
                let isStandard = declaration.name.count == 1 && !part.isExtension
                return ResolvedOptionName(
                    intermediates: intermediates, field: field, containingType: type,
                    displayName: displayName, isStandard: isStandard)
            }
            type = try messageType(drillingInto: field, displayName, at: location)
            intermediates.append(field)
        }
        throw OptionError(message: "Option must have a name.", at: location)
    }

    private func resolveExtension(
        _ reference: AST.TypeReference, extending type: MessageDescriptor, _ displayName: String,
        at location: SourceLocation
    ) throws(OptionError) -> FieldDescriptor {
        switch lookup.resolveExtension(reference.text, from: scope, file: file) {
        case .found(let field):
            guard field.extendee == type.fullName else {
                throw Self.notAFieldOf(type, displayName, at: location)
            }
            return field
        case .notAnExtension(kind: "field"):
            throw Self.notAFieldOf(type, displayName, at: location)
        case .notFound, .notVisible, .notAnExtension:
            throw Self.unknownOption(displayName, at: location)
        }
    }

    /// The message type of a non-final name part, which must be a singular message.
    private func messageType(
        drillingInto field: FieldDescriptor, _ displayName: String, at location: SourceLocation
    ) throws(OptionError) -> MessageDescriptor {
        guard field.type.isMessage else {
            throw OptionError(
                message: "Option \"\(displayName)\" is an atomic type, not a message.", at: location)
        }
        guard field.label != .repeated else {
            throw OptionError(
                message: "Option field \"\(displayName)\" is a repeated message. Repeated message "
                    + "options must be initialized using an aggregate value.",
                at: location)
        }
        guard let typeName = field.typeName, let message = lookup.message(named: typeName) else {
            throw Self.unknownOption(displayName, at: location)
        }
        return message
    }

    static func unknownOption(_ displayName: String, at location: SourceLocation) -> OptionError {
        OptionError(
            message: "Option \"\(displayName)\" unknown. Ensure that your proto definition file "
                + "imports the proto which defines the option.",
            at: location)
    }

    private static func notAFieldOf(
        _ type: MessageDescriptor, _ displayName: String, at location: SourceLocation
    ) -> OptionError {
        OptionError(
            message: "Option field \"\(displayName)\" is not a field or extension of message "
                + "\"\(type.name)\".",
            at: location)
    }
}

extension AST.OptionNamePart {
    var isExtension: Bool {
        if case .extension = self { return true }
        return false
    }
}

extension FieldDescriptor {
    /// The name protoc prints for this field in messages: fully qualified, no
    /// leading dot. Falls back to the plain name when the linker left it unset.
    var displayFullName: String {
        fullName.hasPrefix(".") ? String(fullName.dropFirst()) : (fullName.isEmpty ? name : fullName)
    }
}
