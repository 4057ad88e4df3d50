extension Duration {
    /// The duration in seconds, as a `Double` (for progress lines and timing reports; never for the solver's
    /// arithmetic).
    public var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
