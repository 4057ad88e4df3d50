/// A length in whole millimetres.
///
/// Lengths are integers so that sums are exact and results do not depend on the order of addition.
/// Arithmetic traps on overflow. Convert from floating-point metres only at the edges with
/// ``init(meters:)``, which rounds to the nearest millimetre.
public struct Millimeters: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
    /// The length in millimetres.
    public var rawValue: Int64

    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    /// Rounds a length in metres to the nearest millimetre.
    public init(meters: Double) { self.rawValue = Int64((meters * 1000).rounded()) }

    public static let zero = Millimeters(0)

    /// The length in metres, for output.
    public var meters: Double { Double(rawValue) / 1000 }

    public static func + (a: Self, b: Self) -> Self { Self(a.rawValue + b.rawValue) }
    public static func - (a: Self, b: Self) -> Self { Self(a.rawValue - b.rawValue) }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public var description: String { "\(meters) m" }
}
