/// A seeded, repeatable random number generator (SplitMix64, Steele, Lea and Flood 2014).
///
/// All randomness in LastMile flows from an explicit seed through this generator, so a run is reproduced by
/// its seed. Parallel tasks take their seeds from one generator's successive outputs.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { self.state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Advances the stream past `count` numbers without computing them: the state afterwards is the one
    /// `count` calls of ``next()`` leave.
    public mutating func skip(_ count: Int) {
        state &+= 0x9E37_79B9_7F4A_7C15 &* UInt64(count)
    }
}
