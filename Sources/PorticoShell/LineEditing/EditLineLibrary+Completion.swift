import CEditLine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension EditLineLibrary {
    /// The `rl_attempted_completion_function` body: asks the shell's completer about
    /// the whole line and cursor, and hands its candidates to `rl_completion_matches`,
    /// which computes the common prefix libedit inserts and the list it shows.
    func attemptCompletion(
        text: UnsafePointer<CChar>?
    ) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        // libedit falls back to file names whenever this returns nil; they never fit.
        portico_rl_suppress_default_completion()
        guard let text, let buffer = portico_rl_line_buffer() else { return nil }
        let line = String(cString: buffer)
        let cursor = Self.characterOffset(ofByte: Int(portico_rl_point()), in: line)
        let candidates = completion.withLock { state -> [String] in
            state.candidates = state.completer?.completions(for: line, cursor: cursor) ?? []
            return state.candidates
        }
        if candidates.isEmpty { return nil }
        return rl_completion_matches(text) { _, index in
            EditLineLibrary.shared.candidate(at: Int(index))
        }
    }

    /// The `index`th candidate as a malloc'd C string (libedit frees it), nil past the end.
    func candidate(at index: Int) -> UnsafeMutablePointer<CChar>? {
        completion.withLock { state in
            guard state.candidates.indices.contains(index) else { return nil }
            return strdup(state.candidates[index])
        }
    }

    /// libedit counts the cursor in bytes of the line's UTF-8; the completer counts
    /// characters.
    static func characterOffset(ofByte byteOffset: Int, in line: String) -> Int {
        let utf8 = line.utf8
        let clamped = min(max(byteOffset, 0), utf8.count)
        let index = utf8.index(utf8.startIndex, offsetBy: clamped)
        return line[..<index].count
    }
}
