/// The Swift case names of one enum's values.
///
/// Names are lowerCamel after stripping the enum's name as a prefix (`STATUS_OPEN` in
/// `Status` → `open`). Stripping is undone for values whose stripped names would meet
/// another value's; names that still meet get `_<number>`. Aliases (values sharing a
/// number with an earlier value) become static constants unless their Swift name is
/// the canonical case's name.
struct EnumCaseNames: Sendable, Hashable {
    struct Alias: Sendable, Hashable {
        var name: String
        var canonical: String
        /// Index into `EnumDescriptor.values`.
        var valueIndex: Int
    }

    /// Parallel to `EnumDescriptor.values` (backticked when a keyword).
    var names: [String]
    /// Indices of the values that are cases: the first value of each number.
    var caseIndices: [Int]
    /// Aliases that need their own declaration.
    var aliases: [Alias]

    init(_ enumType: EnumDescriptor) {
        names = Self.uniqueNames(enumType)
        var firstIndexOfNumber: [Int32: Int] = [:]
        caseIndices = []
        aliases = []
        var aliasNames: Set<String> = []
        for (index, value) in enumType.values.enumerated() {
            guard let canonicalIndex = firstIndexOfNumber[value.number] else {
                firstIndexOfNumber[value.number] = index
                caseIndices.append(index)
                continue
            }
            let name = names[index]
            guard name != names[canonicalIndex], aliasNames.insert(name).inserted else { continue }
            aliases.append(Alias(name: name, canonical: names[canonicalIndex], valueIndex: index))
        }
    }

    private static func uniqueNames(_ enumType: EnumDescriptor) -> [String] {
        let stripper = EnumPrefixStripper(enumName: enumType.name)
        var candidates = enumType.values.map { SwiftNaming.lowerCamelCase(stripper.strip($0.name) ?? $0.name) }
        for index in collidingIndices(candidates, enumType.values) {
            candidates[index] = SwiftNaming.lowerCamelCase(enumType.values[index].name)
        }
        var names = candidates.map(SwiftNaming.sanitizedEnumCaseName)
        for index in collidingIndices(names, enumType.values) {
            let number = enumType.values[index].number
            let suffix = number >= 0 ? "_\(number)" : "_n\(-Int64(number))"
            names[index] = SwiftNaming.sanitizedEnumCaseName(SwiftNaming.unquoted(candidates[index]) + suffix)
        }
        return names
    }

    /// Indices of values whose name equals the name of a value with another number.
    private static func collidingIndices(_ names: [String], _ values: [EnumValueDescriptor]) -> [Int] {
        var numbersByName: [String: Set<Int32>] = [:]
        for (name, value) in zip(names, values) {
            numbersByName[name, default: []].insert(value.number)
        }
        return names.indices.filter { numbersByName[names[$0]]!.count > 1 }
    }
}
