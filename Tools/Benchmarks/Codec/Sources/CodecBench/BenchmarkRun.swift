import Foundation

/// One run: generate the data, check that the libraries agree byte for byte, time the
/// four operations of every library, print the table.
struct BenchmarkRun {
    /// The seed of the generated work orders; changing it changes every number.
    static let seed: UInt64 = 2_025

    var options: Options

    func run() throws {
        let spec = WorkOrderListSpec.generate(count: options.listCount, seed: Self.seed)
        let swiftProtobuf = SwiftProtobufCodec(spec)
        let verification = Verification(
            canonicalSingle: try swiftProtobuf.canonicalSingleBytes(),
            canonicalList: try swiftProtobuf.canonicalListBytes()
        )
        let single = verification.canonicalSingle
        let list = verification.canonicalList
        let protobufC = try ProtobufCCodec(singleBytes: single, listBytes: list)
        try verification.checkProtobufC(protobufC)
        try verification.checkSwiftProtobuf(swiftProtobuf)
        let portico = PorticoCodec(spec)
        try verification.checkPortico(portico)
        let libraries = [
            Library(name: ResultTable.protobufC, operations: protobufC.operations(singleBytes: single, listBytes: list)),
            Library(name: ResultTable.swiftProtobuf, operations: swiftProtobuf.operations(singleBytes: single, listBytes: list)),
            Library(name: ResultTable.portico, operations: portico.operations(singleBytes: single, listBytes: list)),
        ]
        printHeader(verification: verification, libraries: libraries)
        if let directory = options.dumpDirectory {
            try dump(verification, to: directory)
        }
        print("")
        fflush(nil)  // the header before the progress lines on stderr
        print(measure(libraries).render())
    }

    private func printHeader(verification: Verification, libraries: [Library]) {
        print("Codec benchmark: portico.bench.v1.WorkOrder (\(verification.canonicalSingle.count) bytes)"
            + " and WorkOrderList of \(options.listCount) (\(verification.canonicalList.count) bytes)")
        print("Same bytes from: \(libraries.map(\.name).joined(separator: ", ")) (checked before timing)")
        print("Median of \(options.samples) samples of \(options.sampleMilliseconds) ms per library, the libraries"
            + " taking turns, after \(options.warmUpMilliseconds) ms warm-up.")
        print("Lower is better; a ratio below 1 means Portico is faster.")
    }

    private func measure(_ libraries: [Library]) -> ResultTable {
        let measurement = options.measurement
        var table = ResultTable()
        for operation in ResultTable.Operation.allCases {
            let bodies = libraries.map { $0.operations[operation] }
            let perMessage = operation.isList ? Double(options.listCount) : 1
            let results = measurement.nanosecondsPerCall(bodies)
            for (library, nanoseconds) in zip(libraries, results) {
                table.nanoseconds[library.name, default: [:]][operation] = nanoseconds / perMessage
            }
            FileHandle.standardError.write(Data("measured \(operation.rawValue)\n".utf8))
        }
        return table
    }

    private func dump(_ verification: Verification, to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(verification.canonicalSingle).write(to: URL(fileURLWithPath: directory + "/workorder.bin"))
        try Data(verification.canonicalList).write(to: URL(fileURLWithPath: directory + "/workorder-list.bin"))
    }
}
