/// A time window `[earliest, latest]` for the start of service (or of a shift), time units.
public struct TimeWindow: Hashable, Sendable {
    public var earliest: Int64
    public var latest: Int64

    public init(earliest: Int64, latest: Int64) {
        self.earliest = earliest
        self.latest = latest
    }

    public static let always = TimeWindow(earliest: 0, latest: Int64.max / 4)

    /// The part of both windows, or `nil` when they do not overlap.
    public func intersection(_ other: TimeWindow) -> TimeWindow? {
        let window = TimeWindow(earliest: max(earliest, other.earliest), latest: min(latest, other.latest))
        return window.earliest <= window.latest ? window : nil
    }

    /// The earliest start in sorted, disjoint `windows` for something ready at `time`: `time` itself inside a
    /// window, or the start of the next window (waiting); `nil` after the last window.
    public static func earliestStart(in windows: [TimeWindow], readyAt time: Int64) -> Int64? {
        for window in windows where time <= window.latest { return max(time, window.earliest) }
        return nil
    }

    /// Merges windows given in any order into sorted, disjoint ones.
    public static func normalized(_ windows: [TimeWindow]) -> [TimeWindow] {
        var merged: [TimeWindow] = []
        for window in windows.sorted(by: { ($0.earliest, $0.latest) < ($1.earliest, $1.latest) }) {
            if let last = merged.last, window.earliest <= last.latest {
                merged[merged.count - 1].latest = max(last.latest, window.latest)
            } else {
                merged.append(window)
            }
        }
        return merged
    }
}
