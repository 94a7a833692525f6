/// FieldMask's JSON form: the paths in lowerCamel, joined by commas (`"a.fooBar,c"`).
extension Google_Protobuf_FieldMask {
    public func protoEncodeJSON(to writer: inout JSONWriter) throws(ProtoJSONError) {
        var jsonPaths: [String] = []
        for path in paths {
            guard let camel = Self.lowerCamel(path) else {
                throw ProtoJSONError(.unencodableValue, "FieldMask path \"\(path)\" has no JSON form")
            }
            jsonPaths.append(camel)
        }
        writer.writeString(jsonPaths.joined(separator: ","))
    }

    public mutating func protoDecodeJSON(from reader: inout JSONReader) throws(ProtoJSONError) {
        let text = try reader.readString()
        paths = []
        guard !text.isEmpty else { return }
        for jsonPath in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let path = Self.snakeCase(jsonPath) else {
                throw .invalid("FieldMask path \"\(jsonPath)\" is not lowerCamel")
            }
            paths.append(path)
        }
    }

    // Only ASCII letters change case, as in protobuf's own converters: a letter such as
    // U+027F counts as both cases in Unicode and would not convert back.

    /// `foo_bar.baz` → `fooBar.baz`; nil when the result would not convert back
    /// (upper-case letters, or `_` not followed by a lower-case letter).
    static func lowerCamel(_ path: String) -> String? {
        var result = ""
        var capitalizeNext = false
        for character in path {
            if character == "_" {
                guard !capitalizeNext else { return nil }
                capitalizeNext = true
                continue
            }
            if character.isASCIIUppercase { return nil }
            if capitalizeNext {
                guard character.isASCIILowercase else { return nil }
                result += character.uppercased()
                capitalizeNext = false
            } else {
                result.append(character)
            }
        }
        return capitalizeNext ? nil : result
    }

    /// `fooBar.baz` → `foo_bar.baz`; nil for paths containing `_` or empty segments.
    static func snakeCase(_ jsonPath: Substring) -> String? {
        guard !jsonPath.isEmpty, !jsonPath.contains("_") else { return nil }
        var result = ""
        for character in jsonPath {
            if character.isASCIIUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}

extension Character {
    fileprivate var isASCIIUppercase: Bool { isASCII && isUppercase }
    fileprivate var isASCIILowercase: Bool { isASCII && isLowercase }
}
