/// A speed in kilometres per hour, as road profiles and `maxspeed` tags state it.
///
/// Floating point is fine here: a speed is a profile parameter, turned into an integer travel time once per
/// edge by ``travelTime(over:)``.
public struct KilometersPerHour: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var value: Double

    public init(_ value: Double) { self.value = value }

    public static func < (a: Self, b: Self) -> Bool { a.value < b.value }

    /// The time to cover `length` at this speed, rounded to the nearest millisecond.
    ///
    /// - Precondition: the speed is positive.
    public func travelTime(over length: Millimeters) -> Milliseconds {
        precondition(value > 0, "speed must be positive, got \(value) km/h")
        // 1 km/h = 1/3.6 m/s = 1/3.6 mm/ms, so time in ms = length in mm × 3.6 / speed.
        return Milliseconds(Int64((Double(length.rawValue) * 3.6 / value).rounded()))
    }

    public var description: String { "\(value) km/h" }

    public init(from decoder: any Decoder) throws {
        self.value = try decoder.singleValueContainer().decode(Double.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
