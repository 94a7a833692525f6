import Foundation

extension ShellProcess {
    /// A shell command line (for tmux) that runs the built portico-shell against `port`,
    /// with `home` as its home folder (where it keeps its history) and none of the
    /// developer's PORTICO_ settings.
    static func terminalCommandLine(port: Int, home: String) throws -> String {
        let unsetPortico = ProcessInfo.processInfo.environment.keys
            .filter { $0.hasPrefix("PORTICO_") }.sorted().map { "-u \($0) " }.joined()
        return "env \(unsetPortico)HOME='\(home)' TERM=screen LANG=C.UTF-8 '\(try executable().path)' --server 127.0.0.1:\(port)"
    }
}
