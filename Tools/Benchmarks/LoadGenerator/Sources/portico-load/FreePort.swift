import ArgumentParser
import SystemSupport

/// Prints a TCP port that was free on 127.0.0.1 a moment ago: the kernel's choice for
/// port 0, so the server under test can be told its port before it starts.
struct FreePort: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a free loopback TCP port.")

    func run() throws {
        do {
            print(try LoopbackPort.free())
        } catch {
            throw LoadError(error.description)
        }
    }
}
