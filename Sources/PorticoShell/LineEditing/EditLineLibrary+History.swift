import CEditLine

extension EditLineLibrary {
    /// Replaces the editor's history with `file`'s, capped at its limit.
    func loadHistory(from file: HistoryFile) {
        withLibrary {
            clear_history()
            stifle_history(Int32(file.limit))
            if file.exists { _ = read_history(file.path) }
        }
    }

    /// Adds `entry` to the in-memory history, then saves the whole (capped) history,
    /// so a shell that is killed loses nothing and the file never grows past the cap.
    func append(_ entry: String, savingTo file: HistoryFile?) {
        withLibrary {
            _ = add_history(entry)
            guard let file, file.prepareForWriting() else { return }
            _ = write_history(file.path)
        }
    }
}
