import Foundation
import SchemaCompiler

// All logic lives in SchemaCompiler (`Schemac.run`) so tests call it in-process.
let status = Schemac.run(arguments: Array(CommandLine.arguments.dropFirst())) { line in
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
exit(status)
