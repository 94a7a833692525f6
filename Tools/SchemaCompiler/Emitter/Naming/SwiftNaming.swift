/// Turns proto identifiers into Swift identifiers.
///
/// Proto identifiers are `[A-Za-z_][A-Za-z0-9_]*` (protoc's tokenizer), so this works
/// on ASCII only. The segmentation follows swift-protobuf's `NamingUtils` so names
/// look familiar to its users: words split at underscores, case changes and digits;
/// `line_1` → `line1`, `URL_path` → `urlPath`, `_foo` → `foo`. Unlike swift-protobuf,
/// abbreviations are not upper-cased (`by_id` → `byId`, as in the field's json_name).
public enum SwiftNaming {
    /// `foo_bar_baz` → `fooBarBaz`; a leading digit gets an underscore (`_2d` → `_2d`).
    public static func lowerCamelCase(_ name: String) -> String {
        camelCase(name, initialUpperCase: false)
    }

    /// `foo_bar_baz` → `FooBarBaz`.
    public static func upperCamelCase(_ name: String) -> String {
        camelCase(name, initialUpperCase: true)
    }

    /// The prefix of top-level type names for a proto package: components
    /// UpperCamel-joined with `_`, then a trailing `_` (`portico.v1` → `Portico_V1_`,
    /// `my_pkg.sub` → `MyPkg_Sub_`). An empty package gives an empty prefix.
    public static func packagePrefix(_ package: String) -> String {
        guard !package.isEmpty else { return "" }
        var prefix = ""
        var makeUpper = true
        for character in package {
            switch character {
            case "_":
                makeUpper = true
            case ".":
                makeUpper = true
                prefix.append("_")
            default:
                if prefix.isEmpty && character.isASCIIDigit { prefix.append("_") }
                prefix.append(makeUpper ? Character(character.uppercased()) : character)
                makeUpper = false
            }
        }
        return prefix + "_"
    }

    /// Uppercases the first character and keeps the rest (`fooBar` → `FooBar`).
    public static func uppercasingFirst(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.uppercased() + name.dropFirst()
    }

    /// Wraps `name` in backticks when it is a Swift keyword.
    public static func quotedIfKeyword(_ name: String) -> String {
        SwiftKeywords.reserved.contains(name) ? "`\(name)`" : name
    }

    /// Removes the backticks `quotedIfKeyword` added.
    public static func unquoted(_ name: String) -> String {
        guard name.hasPrefix("`"), name.hasSuffix("`"), name.count >= 2 else { return name }
        return String(name.dropFirst().dropLast())
    }

    static func isAllUnderscores(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0 == "_" }
    }
}

extension SwiftNaming {
    private enum CharacterClass {
        case digit, lower, upper, underscore, other
    }

    private static func characterClass(_ character: Character) -> CharacterClass {
        switch character {
        case "0"..."9": .digit
        case "a"..."z": .lower
        case "A"..."Z": .upper
        case "_": .underscore
        default: .other
        }
    }

    /// Splits at underscores, at a lower/upper boundary and around digit runs; extra
    /// underscores beyond the first of a run are kept, as is a trailing underscore.
    private static func camelCase(_ name: String, initialUpperCase: Bool) -> String {
        var result = ""
        var word = ""
        var lastClass = CharacterClass.other

        func flushWord() {
            guard !word.isEmpty else { return }
            if result.isEmpty && !initialUpperCase {
                result += word
            } else {
                result += uppercasingFirst(word)
            }
            word = ""
        }

        for character in name {
            let currentClass = characterClass(character)
            switch currentClass {
            case .digit:
                if lastClass != .digit { flushWord() }
                if result.isEmpty && word.isEmpty { result += "_" }
                word.append(character)
            case .upper:
                if lastClass != .upper { flushWord() }
                word += character.lowercased()
            case .lower:
                if lastClass != .lower && lastClass != .upper { flushWord() }
                word.append(character)
            case .underscore:
                flushWord()
                if lastClass == .underscore { result += "_" }
            case .other:
                flushWord()
                result.append(character)
            }
            lastClass = currentClass
        }
        flushWord()
        if lastClass == .underscore { result += "_" }
        return result
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension SwiftNaming {
    /// Whether `text` is a plain ASCII Swift identifier (`[A-Za-z_][A-Za-z0-9_]*`,
    /// not `_` alone and not a keyword).
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first == "_" || first.isASCIILetter else { return false }
        guard text != "_", !SwiftKeywords.reserved.contains(text) else { return false }
        return text.allSatisfy { $0 == "_" || $0.isASCIILetter || $0.isASCIIDigit }
    }
}

extension Character {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}

extension SwiftNaming {
    /// protoc's default `json_name`: underscores dropped, the letter after each one
    /// uppercased (`by_id` → `byId`). Used when a descriptor carries no `jsonName`.
    public static func protoJSONName(_ protoName: String) -> String {
        var result = ""
        var capitalizeNext = false
        for character in protoName {
            if character == "_" {
                capitalizeNext = true
            } else if capitalizeNext {
                result += character.uppercased()
                capitalizeNext = false
            } else {
                result.append(character)
            }
        }
        return result
    }
}
