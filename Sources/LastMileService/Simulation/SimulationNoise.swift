import Foundation
import LastMileCore

/// Seeded multiplicative noise on travel and service times: each leg (by its pair of places) and each service
/// (by order and attempt) gets its own log-normal factor with mean 1 and standard deviation about `level`
/// (0.1 ≈ ±10 %), drawn from ``SplitMix64`` seeded by `seed` and the leg or order. The factor depends only on
/// those keys, not on the order the simulation draws them in, so two runs of the same day (a static plan and
/// a re-routed one) meet the same noise on the same legs and stops.
public struct SimulationNoise: Sendable, Hashable {
    /// Standard deviation of the log of the factor; 0 for none.
    public var level: Double
    public var seed: UInt64

    public init(level: Double, seed: UInt64) {
        self.level = level
        self.seed = seed
    }

    /// No noise.
    public static let none = SimulationNoise(level: 0, seed: 0)

    /// The factor of the leg from place `from` to place `to`.
    public func travelFactor(from: Int, to: Int) -> Double {
        factor(key: 0x7472_6176_656C ^ UInt64(from) << 32 ^ UInt64(to))
    }

    /// The factor of attempt `attempt` (1, 2, …) at the stop of `orderID`.
    public func serviceFactor(orderID: String, attempt: Int) -> Double {
        factor(key: Self.stableHash(orderID) ^ UInt64(attempt) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// `exp(level × z − level² / 2)` with `z` standard normal (Box–Muller) from the generator seeded by `key`.
    private func factor(key: UInt64) -> Double {
        guard level > 0 else { return 1 }
        var generator = SplitMix64(seed: seed ^ key &* 0xD1B5_4A32_D192_ED03)
        let u1 = Double(generator.next() >> 11 | 1) / Double(1 << 53), u2 = Double(generator.next() >> 11) / Double(1 << 53)
        let z = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        return exp(level * z - level * level / 2)
    }

    /// FNV-1a of the UTF-8 bytes: the same on every run (Swift's `hashValue` is seeded per process).
    static func stableHash(_ text: String) -> UInt64 {
        text.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }
}
