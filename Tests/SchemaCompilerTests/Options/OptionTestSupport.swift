@testable import SchemaCompiler

/// Short builders for hand-written option ASTs.
enum OptionAST {
    static let file = "m.proto"

    static func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    static func name(_ parts: String...) -> [AST.OptionNamePart] {
        parts.map { part in
            part.hasPrefix("(")
                ? .extension(AST.TypeReference(String(part.dropFirst().dropLast()), at: at(1, 1)))
                : .field(AST.Identifier(part, at: at(1, 1)))
        }
    }

    /// An option on line `line`: the name at column 8, the value at column 20.
    static func option(
        _ name: [AST.OptionNamePart], _ value: AST.OptionValue, line: Int = 1
    ) -> AST.OptionDeclaration {
        AST.OptionDeclaration(
            name: name, value: value, location: at(line, 8), valueLocation: at(line, 20),
            comments: .none)
    }

    static func int(_ value: Int64) -> AST.OptionValue {
        .integer(AST.IntegerLiteral(isNegative: value < 0, magnitude: value.magnitude, at: at(1, 20)))
    }

    static func float(_ magnitude: Double, negative: Bool = false) -> AST.OptionValue {
        .float(magnitude, isNegative: negative, text: "\(magnitude)")
    }

    static func ident(_ name: String, negative: Bool = false) -> AST.OptionValue {
        .identifier(name, isNegative: negative)
    }

    static func string(_ text: String) -> AST.OptionValue {
        .string(Array(text.utf8))
    }

    static func scalar(_ value: AST.OptionValue) -> AST.AggregateValue {
        .scalar(value, location: at(1, 20))
    }

    static func message(_ fields: AST.AggregateField...) -> AST.AggregateValue {
        .message(fields, location: at(1, 20))
    }

    static func list(_ values: AST.AggregateValue...) -> AST.AggregateValue {
        .list(values, location: at(1, 20))
    }

    static func entry(_ name: String, _ value: AST.AggregateValue) -> AST.AggregateField {
        let fieldName: AST.AggregateField.Name = name.hasPrefix("[")
            ? .extension(AST.TypeReference(String(name.dropFirst().dropLast()), at: at(1, 20)))
            : .field(AST.Identifier(name, at: at(1, 20)))
        return AST.AggregateField(name: fieldName, value: value, location: at(1, 20))
    }

    static func aggregate(_ fields: AST.AggregateField...) -> AST.OptionValue {
        .aggregate(fields)
    }
}
