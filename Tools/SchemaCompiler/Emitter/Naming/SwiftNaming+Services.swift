/// Names of generated gRPC service code, following protoc-gen-grpc-swift-2 so code
/// written against grpc-swift's generated services reads the same here.
extension SwiftNaming {
    /// grpc-swift's method function names (its `CamelCaser`): an UpperCamel proto method
    /// name loses the capital of its first word, a leading abbreviation is lowercased
    /// whole (`WhoAmI` → `whoAmI`, `ImportCSV` → `importCSV`, `FOOBarBaz` → `fooBarBaz`);
    /// a name already starting in lower case is kept.
    public static func rpcFunctionBaseName(_ name: String) -> String {
        guard let firstLowercase = name.firstIndex(where: \.isLowercase) else {
            return name.lowercased()
        }
        if firstLowercase == name.startIndex { return name }
        if firstLowercase == name.index(after: name.startIndex) {
            return name[name.startIndex].lowercased() + name[firstLowercase...]
        }
        let lastCapital = name.index(before: firstLowercase)
        return name[..<lastCapital].lowercased() + name[lastCapital...]
    }

    /// The static `GRPCCore.ServiceDescriptor` property of a service: the namespace
    /// name with each `_`-separated word of its prefix lowerCamel-cased, as grpc-swift
    /// does (`Portico_V1_` + `Auth` → `portico_v1_Auth`).
    public static func serviceDescriptorPropertyName(namespace: String, prefix: String) -> String {
        guard namespace.hasPrefix(prefix) else { return quotedServiceMember(namespace) }
        let words = prefix.split(separator: "_", omittingEmptySubsequences: false)
        let lowered = words.map { rpcFunctionBaseName(String($0)) }.joined(separator: "_")
        return quotedServiceMember(lowered + namespace.dropFirst(prefix.count))
    }

    /// A member name (function or property) that compiles: names Swift reserves for
    /// itself even in backticks (`init`, `self`, `Type`, …) get a trailing `_`, other
    /// keywords are backticked.
    static func quotedServiceMember(_ name: String) -> String {
        // `init_` becomes `init__`, so it cannot meet the escaped `init`.
        if reservedMemberNames.contains(name.trimmingTrailingUnderscores) { return name + "_" }
        return quotedIfKeyword(name)
    }

    /// Names a declared member may not take even with backticks, or that would read as
    /// something else at a call site (`self.self`, `x.Type`).
    private static let reservedMemberNames: Set<String> = [
        "init", "deinit", "subscript", "self", "Self", "Type", "Protocol",
    ]
}

extension SwiftNaming {
    /// `[A-Za-z_][A-Za-z0-9_]*`, protoc's identifier.
    static func isProtoIdentifier(_ text: Substring) -> Bool {
        guard let first = text.first, first == "_" || first.isLetter && first.isASCII else { return false }
        return text.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }
}

extension String {
    fileprivate var trimmingTrailingUnderscores: String {
        guard let last = lastIndex(where: { $0 != "_" }) else { return "" }
        return String(self[...last])
    }
}
