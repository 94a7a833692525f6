import Foundation

/// `[default = ...]`: checked and rendered into `FieldDescriptorProto.default_value`
/// the way protoc's parser and `CrossLinkField` do it.
extension LinkSession {
    func renderDefaultValue(of field: FieldNode) {
        guard let option = field.defaultOption, let type = field.type else { return }
        // The parser reports defaults in proto3 and malformed scalar defaults.
        let location = option.valueLocation
        if field.label == .repeated {
            error("Repeated fields can't have default values.", at: location)
        }
        switch DefaultValueRendering.render(option.value, as: type, enumValues: field.resolvedEnum?.values.map(\.name)) {
        case .success(let text):
            field.defaultValue = text
        case .failure(let failure):
            let message = failure.message(enumName: field.resolvedEnum?.fullName ?? "")
            error(message, at: location)
        }
    }
}

/// protoc's textual form of default values.
enum DefaultValueRendering {
    struct Failure: Error {
        var text: String
        /// The enum has no value of this name (the message needs the enum's name).
        var missingEnumValue: String?

        func message(enumName: String) -> String {
            guard let missing = missingEnumValue else { return text }
            return "Enum type \"\(enumName)\" has no value named \"\(missing)\"."
        }
    }

    static func render(_ value: AST.OptionValue, as type: FieldDescriptor.FieldType, enumValues: [String]?) -> Result<String, Failure> {
        switch type {
        case .int32, .sint32, .sfixed32:
            return signedInteger(value, min: Int64(Int32.min), max: Int64(Int32.max))
        case .int64, .sint64, .sfixed64:
            return signedInteger(value, min: Int64.min, max: Int64.max)
        case .uint32, .fixed32:
            return unsignedInteger(value, max: UInt64(UInt32.max))
        case .uint64, .fixed64:
            return unsignedInteger(value, max: UInt64.max)
        case .float, .double:
            return floatingPoint(value)
        case .bool:
            if case .identifier(let word, false) = value, word == "true" || word == "false" { return .success(word) }
            return .failure(Failure(text: "Expected \"true\" or \"false\"."))
        case .string:
            guard case .string(let bytes) = value else { return .failure(Failure(text: "Expected string for field default value.")) }
            return .success(String(decoding: bytes, as: UTF8.self))
        case .bytes:
            guard case .string(let bytes) = value else { return .failure(Failure(text: "Expected string.")) }
            return .success(cEscape(bytes))
        case .enum:
            guard case .identifier(let name, false) = value else {
                return .failure(Failure(text: "Default value for an enum field must be an identifier."))
            }
            if let enumValues, !enumValues.contains(name) { return .failure(Failure(text: "", missingEnumValue: name)) }
            return .success(name)
        case .message, .group:
            return .failure(Failure(text: "Messages can't have default values."))
        }
    }

    private static func signedInteger(_ value: AST.OptionValue, min: Int64, max: Int64) -> Result<String, Failure> {
        guard case .integer(let literal) = value else { return .failure(Failure(text: "Expected integer for field default value.")) }
        let limit = literal.isNegative ? UInt64(bitPattern: 0 &- min) : UInt64(max)
        guard literal.magnitude <= limit else { return .failure(Failure(text: "Integer out of range.")) }
        return .success((literal.isNegative ? "-" : "") + String(literal.magnitude))
    }

    private static func unsignedInteger(_ value: AST.OptionValue, max: UInt64) -> Result<String, Failure> {
        guard case .integer(let literal) = value else { return .failure(Failure(text: "Expected integer for field default value.")) }
        if literal.isNegative { return .failure(Failure(text: "Unsigned field can't have negative default value.")) }
        guard literal.magnitude <= max else { return .failure(Failure(text: "Integer out of range.")) }
        return .success(String(literal.magnitude))
    }

    /// The parser keeps a leading `-` and renders the magnitude with `SimpleDtoa`.
    private static func floatingPoint(_ value: AST.OptionValue) -> Result<String, Failure> {
        switch value {
        case .float(let number, let isNegative, _):
            return .success((isNegative ? "-" : "") + simpleDtoa(abs(number)))
        case .integer(let literal):
            return .success((literal.isNegative ? "-" : "") + simpleDtoa(Double(literal.magnitude)))
        case .identifier(let word, let isNegative) where word == "inf" || word == "nan":
            return .success((isNegative ? "-" : "") + word)
        default:
            return .failure(Failure(text: "Expected number."))
        }
    }

    /// protoc's `SimpleDtoa`: `%.15g`, or `%.17g` when that does not round-trip.
    static func simpleDtoa(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let short = String(format: "%.15g", value)
        if Double(short) == value { return short }
        return String(format: "%.17g", value)
    }

    /// protoc's `CEscape`: C escapes for quotes, backslash and `\n\r\t`, three-digit
    /// octal for other non-printable bytes.
    static func cEscape(_ bytes: [UInt8]) -> String {
        var result = ""
        for byte in bytes {
            switch byte {
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0x22: result += "\\\""
            case 0x27: result += "\\'"
            case 0x5C: result += "\\\\"
            case 0x20..<0x7F: result.append(Character(Unicode.Scalar(byte)))
            default:
                let octal = String(byte, radix: 8)
                result += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            }
        }
        return result
    }
}
