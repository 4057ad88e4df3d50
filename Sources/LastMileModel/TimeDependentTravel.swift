/// Travel times between every ordered pair of locations that depend on the departure time, FIFO: leaving later
/// never arrives earlier.
///
/// For each pair the travel time is known at evenly spaced *breakpoints* `firstBreakpoint + s × interval`
/// (`s` in `0 ..< sliceCount`; e.g. the middle of each 15-minute traffic slice) and interpolated linearly in
/// between; before the first and after the last breakpoint it is constant. The builder lowers each value to at
/// most the next one plus `interval` — the time of waiting at the origin for the next breakpoint — so every
/// slope is at least −1 and `arrival(departingAt:)` never decreases: waiting to avoid a peak is already in the
/// function (arrival(t) = min over t′ ≥ t of t′ + travel(t′) at the breakpoints).
///
/// Evaluating a leg is O(1) (``arrival(from:to:departingAt:)``: one division, two loads from adjacent memory);
/// the latest departure for an arrival deadline is O(log(travel time)) (``latestDeparture(from:to:arrivingBy:)``).
///
/// Units: seconds (times of day counted from the planning day's midnight, like the model's time windows),
/// metres. Storage: 2 bytes per pair and breakpoint, so travel times must stay below ``unreachable`` s (18.2 h);
/// longer ones are treated as unreachable.
public struct TimeDependentTravel: Sendable {
    public let locationCount: Int
    /// Departure time of breakpoint 0, s.
    public let firstBreakpoint: Int
    /// Seconds between breakpoints (> 0).
    public let interval: Int
    public let sliceCount: Int
    /// Travel time of pair `p = from × locationCount + to` at breakpoint `s`: `seconds[p × sliceCount + s]`.
    @usableFromInline let seconds: [UInt16]
    /// Length of each pair's route, m (`UInt32.max` when unreachable).
    let meters: [UInt32]

    /// The stored value of a pair without a route.
    public static let unreachable = UInt16.max

    /// Travel time in seconds from `from` to `to` leaving at `departure` (s), or `nil` when there is no route.
    @inlinable
    public func travelSeconds(from: Int, to: Int, departingAt departure: Int) -> Int? {
        let base = (from * locationCount + to) * sliceCount
        let offset = departure - firstBreakpoint
        if offset <= 0 || sliceCount == 1 { return value(base) }
        let slice = offset / interval
        if slice >= sliceCount - 1 { return value(base + sliceCount - 1) }
        guard let a = value(base + slice), let b = value(base + slice + 1) else { return nil }
        let delta = (b - a) * (offset - slice * interval)
        // Floor division keeps arrival(t + 1) ≥ arrival(t) when b − a ≥ −interval.
        return a + (delta >= 0 ? delta / interval : -((-delta + interval - 1) / interval))
    }

    /// Arrival time (s) at `to` when leaving `from` at `departure`, or `nil` when there is no route. Never
    /// decreases as `departure` grows.
    @inlinable
    public func arrival(from: Int, to: Int, departingAt departure: Int) -> Int? {
        travelSeconds(from: from, to: to, departingAt: departure).map { departure + $0 }
    }

    /// The latest departure from `from` that reaches `to` by `deadline`, or `nil` when even leaving at
    /// `deadline − (longest travel time of the pair)` is too late or there is no route.
    public func latestDeparture(from: Int, to: Int, arrivingBy deadline: Int) -> Int? {
        let base = (from * locationCount + to) * sliceCount
        var longest = 0
        for s in 0..<sliceCount {
            guard let value = value(base + s) else { return nil }
            longest = max(longest, value)
        }
        // arrival(deadline − longest) ≤ deadline, and arrival is non-decreasing: binary search the last such t.
        var low = deadline - longest, high = deadline
        guard let first = arrival(from: from, to: to, departingAt: low), first <= deadline else { return nil }
        while low < high {
            let middle = low + (high - low + 1) / 2
            if let reached = arrival(from: from, to: to, departingAt: middle), reached <= deadline { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Length of the route from `from` to `to`, m, or `nil` when there is none.
    public func meters(from: Int, to: Int) -> Int? {
        let value = meters[from * locationCount + to]
        return value == .max ? nil : Int(value)
    }

    /// The stored travel time of `pair` at breakpoint `slice` (after the FIFO adjustment), s.
    public func breakpointSeconds(from: Int, to: Int, slice: Int) -> Int? { value((from * locationCount + to) * sliceCount + slice) }

    @inlinable
    func value(_ index: Int) -> Int? {
        let value = seconds[index]
        return value == Self.unreachable ? nil : Int(value)
    }

    /// Collects the breakpoint values slice by slice, then makes them FIFO.
    public struct Builder: Sendable {
        public let locationCount: Int, firstBreakpoint: Int, interval: Int, sliceCount: Int
        @usableFromInline var seconds: [UInt16]
        var meters: [UInt32]

        /// Every pair starts unreachable at every breakpoint.
        public init(locationCount: Int, firstBreakpoint: Int, interval: Int, sliceCount: Int) {
            precondition(interval > 0 && sliceCount > 0, "breakpoints need a positive interval and count")
            self.locationCount = locationCount
            self.firstBreakpoint = firstBreakpoint
            self.interval = interval
            self.sliceCount = sliceCount
            seconds = [UInt16](repeating: TimeDependentTravel.unreachable, count: locationCount * locationCount * sliceCount)
            meters = [UInt32](repeating: .max, count: locationCount * locationCount)
        }

        /// Sets the travel time of pair `p = from × locationCount + to` at breakpoint `slice`: seconds, `nil` (or
        /// ``TimeDependentTravel/unreachable`` s and more) for no route.
        @inlinable
        public mutating func set(_ seconds: Int?, pair: Int, slice: Int) {
            let value = seconds.map { $0 < Int(TimeDependentTravel.unreachable) ? UInt16($0) : TimeDependentTravel.unreachable }
            self.seconds[pair * sliceCount + slice] = value ?? TimeDependentTravel.unreachable
        }

        /// Sets the route length (m, `nil` = no route) of every pair.
        public mutating func setMeters(_ length: (_ pair: Int) -> Int?) {
            for pair in meters.indices { meters[pair] = length(pair).map { UInt32(clamping: $0) } ?? .max }
        }

        /// The travel times with each breakpoint lowered to at most the next one plus `interval` (waiting). Hands
        /// the table over without copying it (`mutating`, not `consuming`: a builder captured by a closure would
        /// be copied out of its box, and the first write would then copy the whole table); the builder is empty
        /// afterwards.
        public mutating func build() -> TimeDependentTravel {
            let limit = Int(TimeDependentTravel.unreachable)
            for pair in 0..<locationCount * locationCount {
                let base = pair * sliceCount
                var next = limit
                for slice in (0..<sliceCount).reversed() {
                    var value = Int(seconds[base + slice])
                    if next < limit { value = min(value, next + interval) }
                    if value >= limit { value = limit }
                    seconds[base + slice] = UInt16(value)
                    next = value
                }
            }
            let travel = TimeDependentTravel(
                locationCount: locationCount, firstBreakpoint: firstBreakpoint, interval: interval, sliceCount: sliceCount,
                seconds: seconds, meters: meters
            )
            seconds = []
            meters = []
            return travel
        }
    }
}
