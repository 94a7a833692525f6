/// Command text given on the command line (`-c "login a@b; services"`).
public enum ShellScript {
    /// The commands in `text`, split at `;` outside quotes and JSON strings.
    public static func commands(in text: String) -> [String] {
        ShellWords.splitCommands(text)
    }
}
