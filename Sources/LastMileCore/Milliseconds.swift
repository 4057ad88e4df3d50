/// A duration in whole milliseconds.
///
/// Travel times and time windows are integers so that sums are exact. Arithmetic traps on overflow.
/// Convert from floating-point seconds only at the edges with ``init(seconds:)``, which rounds to the
/// nearest millisecond.
public struct Milliseconds: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
    /// The duration in milliseconds.
    public var rawValue: Int64

    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    /// Rounds a duration in seconds to the nearest millisecond.
    public init(seconds: Double) { self.rawValue = Int64((seconds * 1000).rounded()) }

    public static let zero = Milliseconds(0)

    /// The duration in seconds, for output.
    public var seconds: Double { Double(rawValue) / 1000 }

    public static func + (a: Self, b: Self) -> Self { Self(a.rawValue + b.rawValue) }
    public static func - (a: Self, b: Self) -> Self { Self(a.rawValue - b.rawValue) }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public var description: String { "\(seconds) s" }
}
