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
    /// `wordStart` is where the word being completed begins. While completing, libedit
    /// counts positions (this one and `rl_point`) in code points of its wide-character
    /// line, while `rl_line_buffer` holds the line as UTF-8.
    func attemptCompletion(
        text: UnsafePointer<CChar>?, wordStart: Int
    ) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        // libedit falls back to file names whenever this returns nil; they never fit.
        portico_rl_suppress_default_completion()
        guard let text, let buffer = portico_rl_line_buffer() else { return nil }
        let line = String(cString: buffer)
        let scalars = Array(line.unicodeScalars)
        let followsQuote = wordStart > 0 && wordStart <= scalars.count && scalars[wordStart - 1] == "\""
        portico_rl_set_append_character(Int32(UInt8(ascii: followsQuote ? "\"" : " ")))
        let cursor = Self.characterOffset(ofScalar: Int(portico_rl_point()), in: line)
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

    /// libedit counts the cursor in code points; the completer counts characters.
    static func characterOffset(ofScalar scalarOffset: Int, in line: String) -> Int {
        let scalars = line.unicodeScalars
        let clamped = min(max(scalarOffset, 0), scalars.count)
        let index = scalars.index(scalars.startIndex, offsetBy: clamped)
        return line[..<index].count
    }
}
