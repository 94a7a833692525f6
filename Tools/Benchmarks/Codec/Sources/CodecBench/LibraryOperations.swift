/// The four timed operations of one library. Each returns a number derived from its
/// result (a size or a count) so the optimizer cannot drop the work.
struct LibraryOperations {
    var encodeSingle: () -> Int
    var decodeSingle: () -> Int
    var encodeList: () -> Int
    var decodeList: () -> Int

    subscript(operation: ResultTable.Operation) -> () -> Int {
        switch operation {
        case .encodeSingle: encodeSingle
        case .decodeSingle: decodeSingle
        case .encodeList: encodeList
        case .decodeList: decodeList
        }
    }
}

/// A library taking part in the run.
struct Library {
    var name: String
    var operations: LibraryOperations
}

/// What went wrong while preparing or checking the benchmark.
struct BenchmarkError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
