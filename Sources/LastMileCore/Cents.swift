/// An amount of money in hundredths of the currency unit (euro cents, say). Rate cards and reports use it;
/// the solver works in finer integer cost units and converts at its edges.
public struct Cents: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: Int64

    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public static func + (a: Self, b: Self) -> Self { Cents(a.rawValue + b.rawValue) }
    public static let zero = Cents(0)

    /// "12.34" (sign first when negative).
    public var description: String { FixedPoint.string(rawValue, decimals: 2) }

    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(Int64.self) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
