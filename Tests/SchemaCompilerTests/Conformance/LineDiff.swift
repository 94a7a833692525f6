/// A unified-style line diff for readable test failures: `-` lines only in the
/// expected text, `+` lines only in the actual text, with a little context.
enum LineDiff {
    static func render(expected: String, actual: String, context: Int = 3, limit: Int = 80) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let operations = diff(old, new)
        var output: [String] = []
        for (index, operation) in operations.enumerated() {
            let isNearChange = operations[max(0, index - context)...min(operations.count - 1, index + context)]
                .contains { $0.kind != " " }
            if operation.kind != " " || isNearChange {
                output.append("\(operation.kind) \(operation.line)")
            } else if output.last != "  ..." {
                output.append("  ...")
            }
        }
        if output.count > limit { output = Array(output.prefix(limit)) + ["  ... (diff truncated)"] }
        return output.joined(separator: "\n")
    }

    private struct Operation {
        var kind: Character
        var line: String
    }

    /// Longest-common-subsequence diff; descriptor dumps are small enough for O(n·m).
    private static func diff(_ old: [String], _ new: [String]) -> [Operation] {
        var lengths = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var result: [Operation] = []
        var (i, j) = (0, 0)
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                result.append(Operation(kind: " ", line: old[i]))
                (i, j) = (i + 1, j + 1)
            } else if j < new.count, i == old.count || lengths[i][j + 1] >= lengths[i + 1][j] {
                result.append(Operation(kind: "+", line: new[j]))
                j += 1
            } else {
                result.append(Operation(kind: "-", line: old[i]))
                i += 1
            }
        }
        return result
    }
}
