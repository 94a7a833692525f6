extension Duration {
    /// The duration in seconds, with the fraction: what SQL's `make_interval(secs =>)` takes.
    var totalSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
