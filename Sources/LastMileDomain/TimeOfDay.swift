/// A clock time on the planning day, seconds after local midnight (0...172_800: a shift may run past midnight).
public struct TimeOfDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var seconds: Int

    public init(seconds: Int) { self.seconds = seconds }

    public init(hours: Int, minutes: Int = 0) { self.seconds = hours * 3600 + minutes * 60 }

    /// Parses "HH:MM" or "HH:MM:SS"; `nil` for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), let hours = Int(parts[0]), let minutes = Int(parts[1]),
            (0..<48).contains(hours), (0..<60).contains(minutes), parts[1].count == 2
        else { return nil }
        var seconds = 0
        if parts.count == 3 {
            guard let value = Int(parts[2]), (0..<60).contains(value), parts[2].count == 2 else { return nil }
            seconds = value
        }
        self.seconds = hours * 3600 + minutes * 60 + seconds
    }

    public static func < (a: Self, b: Self) -> Bool { a.seconds < b.seconds }

    /// "HH:MM" (rounded down to the minute).
    public var description: String {
        let hours = seconds / 3600, minutes = seconds % 3600 / 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
    }

    public init(from decoder: any Decoder) throws { seconds = try decoder.singleValueContainer().decode(Int.self) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(seconds)
    }
}
