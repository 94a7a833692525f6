/// The measured numbers of one run and their printout.
struct ResultTable {
    enum Operation: String, CaseIterable {
        case encodeSingle = "encode WorkOrder"
        case decodeSingle = "decode WorkOrder"
        case encodeList = "encode list, per message"
        case decodeList = "decode list, per message"

        var isList: Bool {
            self == .encodeList || self == .decodeList
        }
    }

    static let protobufC = "protobuf-c"
    static let swiftProtobuf = "swift-protobuf"
    static let portico = "Portico"

    /// Nanoseconds per message, by library name and operation.
    var nanoseconds: [String: [Operation: Double]] = [:]

    func render() -> String {
        let columns = [Self.protobufC, Self.swiftProtobuf, Self.portico]
        var lines = [row(["ns/message", "protobuf-c", "swift-protobuf", "Portico",
                          "Portico/swift-pb", "Portico/pb-c"])]
        lines.append(String(repeating: "-", count: lines[0].count))
        for operation in Operation.allCases {
            let values = columns.map { nanoseconds[$0]?[operation] }
            let cells = values.map { $0.map(Self.format(nanoseconds:)) ?? "n/a" }
            lines.append(row([operation.rawValue] + cells + [
                Self.ratio(values[2], values[1]), Self.ratio(values[2], values[0]),
            ]))
        }
        return lines.joined(separator: "\n")
    }

    private func row(_ cells: [String]) -> String {
        let first = cells[0] + String(repeating: " ", count: max(0, 26 - cells[0].count))
        return first + cells.dropFirst().map { String(repeating: " ", count: max(1, 17 - $0.count)) + $0 }.joined()
    }

    static func format(nanoseconds: Double) -> String {
        nanoseconds >= 100 ? "\(Int(nanoseconds.rounded()))" : "\((nanoseconds * 10).rounded() / 10)"
    }

    /// `a / b` as "1.23x" (below 1 means Portico is faster), or "n/a".
    static func ratio(_ numerator: Double?, _ denominator: Double?) -> String {
        guard let numerator, let denominator, denominator > 0 else { return "n/a" }
        return "\(Double(Int((numerator / denominator * 100).rounded())) / 100)x"
    }
}
