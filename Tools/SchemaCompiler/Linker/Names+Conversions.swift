/// The name transformations protoc applies, byte for byte (ASCII only, like protoc).
enum Names {
    /// protoc's `ToJsonName`: drops underscores and upper-cases the letter after each.
    static func jsonName(_ name: String) -> String {
        var result = ""
        var capitalizeNext = false
        for character in name {
            if character == "_" {
                capitalizeNext = true
            } else if capitalizeNext {
                result.append(asciiUppercased(character))
                capitalizeNext = false
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// protoc's `ToCamelCase(name, lower_first: false)`, used to check hand-written
    /// map entries: like `jsonName` but the first letter is upper-cased too.
    static func upperCamelCase(_ name: String) -> String {
        var result = ""
        var capitalizeNext = true
        for character in name {
            if character == "_" {
                capitalizeNext = true
            } else if capitalizeNext {
                result.append(asciiUppercased(character))
                capitalizeNext = false
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The nested type protoc's parser generates for `map<K, V> field_name`.
    static func mapEntryName(_ fieldName: String) -> String {
        upperCamelCase(fieldName) + "Entry"
    }

    /// proto3 rejects two fields whose names are equal after this (protoc's
    /// `ToLowercaseWithoutUnderscores`).
    static func lowercasedWithoutUnderscores(_ name: String) -> String {
        String(name.filter { $0 != "_" }.map(asciiLowercased))
    }

    /// protoc's `EnumValueToPascalCase`, applied after stripping the enum-name prefix.
    static func enumValuePascalCase(_ name: String) -> String {
        var result = ""
        var nextUpper = true
        for character in name {
            if character == "_" {
                nextUpper = true
            } else {
                result.append(nextUpper ? asciiUppercased(character) : asciiLowercased(character))
                nextUpper = false
            }
        }
        return result
    }

    /// protoc's `PrefixRemover`: strips the enum's name (case-insensitive, underscores
    /// ignored) from the front of a value name, unless nothing would be left.
    static func strippingEnumPrefix(_ valueName: String, enumName: String) -> String {
        let prefix = Array(lowercasedWithoutUnderscores(enumName))
        let characters = Array(valueName)
        var index = 0
        var matched = 0
        while index < characters.count && matched < prefix.count {
            if characters[index] != "_" {
                if asciiLowercased(characters[index]) != prefix[matched] { return valueName }
                matched += 1
            }
            index += 1
        }
        if matched < prefix.count { return valueName }
        while index < characters.count && characters[index] == "_" { index += 1 }
        if index == characters.count { return valueName }
        return String(characters[index...])
    }

    static func asciiUppercased(_ character: Character) -> Character {
        guard let ascii = character.asciiValue, ascii >= 97, ascii <= 122 else { return character }
        return Character(Unicode.Scalar(ascii - 32))
    }

    static func asciiLowercased(_ character: Character) -> Character {
        guard let ascii = character.asciiValue, ascii >= 65, ascii <= 90 else { return character }
        return Character(Unicode.Scalar(ascii + 32))
    }
}
