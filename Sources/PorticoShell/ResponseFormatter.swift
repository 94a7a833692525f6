import Foundation
import ProtoWire
import ProtoWireGRPC

/// Turns responses into text: pretty proto3 JSON, or for list responses (one repeated
/// message field, like `ListTenantsResponse.tenants`) a table with a column per field
/// of the listed message, in schema order.
struct ResponseFormatter: Sendable {
    let schema: ShellSchema
    let format: ShellSession.OutputFormat

    func render(_ message: any ProtoMessage) throws -> String {
        if format == .table, let table = try table(message) { return table }
        return try message.jsonString(options: JSONEncodingOptions(prettyPrint: true))
    }

    /// What `> FILE` writes: the bytes of a response's one `bytes` field (a PDF, an
    /// export), or else the responses as JSON, one after another.
    func fileContents(_ messages: [any ProtoMessage]) throws -> [UInt8] {
        if messages.count == 1, let bytes = try singleBytesField(messages[0]) { return bytes }
        let texts = try messages.map { try $0.jsonString(options: JSONEncodingOptions(prettyPrint: true)) }
        return Array((texts.joined(separator: "\n") + "\n").utf8)
    }

    private func singleBytesField(_ message: any ProtoMessage) throws -> [UInt8]? {
        guard let description = schema.messages[type(of: message).protoMessageName] else { return nil }
        let bytesFields = description.fields.filter { $0.type == "bytes" && !$0.isRepeated && !$0.isMap }
        guard bytesFields.count == 1 else { return nil }
        let bytes = try message.jsonUTF8Bytes(options: JSONEncodingOptions())
        let json = try JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed)
        // A wrapper (`google.protobuf.BytesValue`) is the bare base64 string in JSON.
        let text = (json as? [String: Any])?[bytesFields[0].jsonName] as? String ?? json as? String
        return text.flatMap { Data(base64Encoded: $0) }.map(Array.init)
    }

    /// nil when the response is not a list response (it is then printed as JSON).
    private func table(_ message: any ProtoMessage) throws -> String? {
        guard let description = schema.messages[type(of: message).protoMessageName] else { return nil }
        let lists = description.fields.filter { $0.isRepeated && $0.kind == .message }
        guard lists.count == 1, let element = schema.messages[lists[0].type],
            let object = try jsonObject(message, defaults: true),
            let rows = object[lists[0].jsonName] as? [[String: Any]]
        else { return nil }
        let columns = element.fields
        let cells = rows.map { row in columns.map { cell(row[$0.jsonName], field: $0) } }
        var lines = TextTable(header: columns.map(\.jsonName), rows: cells).lines
        lines.append("(\(rows.count) row\(rows.count == 1 ? "" : "s"))")
        // The other fields (a next page token) matter too, when they are set.
        let rest = try jsonObject(message, defaults: false) ?? [:]
        for field in description.fields where field.jsonName != lists[0].jsonName {
            if let value = rest[field.jsonName] { lines.append("\(field.jsonName): \(cell(value, field: field))") }
        }
        return lines.joined(separator: "\n")
    }

    private func jsonObject(_ message: any ProtoMessage, defaults: Bool) throws -> [String: Any]? {
        let bytes = try message.jsonUTF8Bytes(options: JSONEncodingOptions(emitDefaultValues: defaults))
        return try JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed) as? [String: Any]
    }

    /// Strings as they are, numbers and booleans as JSON writes them, anything nested
    /// as compact JSON.
    private func cell(_ value: Any?, field: ProtoFieldDescription) -> String {
        switch value {
        case nil: return ""
        case let text as String: return text
        case let number as NSNumber:
            if field.type == "bool", !field.isRepeated { return number.boolValue ? "true" : "false" }
            return number.stringValue
        case let value?:
            guard JSONSerialization.isValidJSONObject(value),
                let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
            else { return "\(value)" }
            return String(decoding: data, as: UTF8.self)
        }
    }
}

/// Columns padded to their widest cell, two spaces apart, a dashed line under the header.
struct TextTable: Sendable {
    let header: [String]
    let rows: [[String]]

    var lines: [String] {
        let widths = header.indices.map { column in
            ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        let render: ([String]) -> String = { cells in
            zip(cells, widths).map { $0.padded(to: $1) }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return [render(header), render(widths.map { String(repeating: "-", count: $0) })] + rows.map(render)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
