/// Travel times between every ordered pair of locations that depend on the departure time, FIFO: leaving later
/// never arrives earlier.
///
/// For each pair the travel time is known at evenly spaced *breakpoints* `firstBreakpoint + s × interval`
/// (`s` in `0 ..< sliceCount`; e.g. the middle of each 15-minute traffic slice) and interpolated linearly in
/// between; before the first and after the last breakpoint it is constant. Each value is lowered to at most the
/// next one plus `interval` — the time of waiting at the origin for the next breakpoint — so every slope is at
/// least −1 and `arrival(departingAt:)` never decreases: waiting to avoid a peak is already in the function
/// (arrival(t) = min over t′ ≥ t of t′ + travel(t′) at the breakpoints).
///
/// Two storages of the same function:
/// - a *table* (``Builder``): every pair's value at every breakpoint, 2 bytes each, for profiles where each pair
///   has its own mix of roads;
/// - *scaled* (``init(scaling:metres:firstBreakpoint:interval:permille:)``): one base time per pair and one
///   factor per breakpoint shared by all pairs (a city-wide forecast), 4 bytes per pair: the size of one
///   slice of a table, and nothing to build per breakpoint.
///
/// Evaluating a leg is O(1) (``arrival(from:to:departingAt:)``: one division, two loads from adjacent memory;
/// scaled, O(breakpoints) for a pair so long that the waiting rule may lower its values); the latest departure
/// for an arrival deadline is O(breakpoints) (``latestDeparture(from:to:arrivingBy:)``).
///
/// Units: seconds (times of day counted from the planning day's midnight, like the model's time windows),
/// metres. Travel times must stay below ``unreachable`` s (18.2 h); longer ones are treated as unreachable.
public struct TimeDependentTravel: Sendable {
    public let locationCount: Int
    /// Departure time of breakpoint 0, s.
    public let firstBreakpoint: Int
    /// Seconds between breakpoints (> 0).
    public let interval: Int
    public let sliceCount: Int
    /// Table: travel time of pair `p = from × locationCount + to` at breakpoint `s`: `seconds[p × sliceCount + s]`;
    /// empty when scaled.
    @usableFromInline let seconds: [UInt16]
    /// Scaled: each pair's base time, s (`UInt32.max` when unreachable); empty for a table.
    @usableFromInline let base: [UInt32]
    /// Scaled: the factor of each breakpoint, ‰ of the base time.
    @usableFromInline let permille: [Int]
    /// Scaled: the longest base time (s) whose values the waiting rule leaves as they are.
    @usableFromInline let longestUnlowered: Int
    /// Length of each pair's route, m (`UInt32.max` when unreachable).
    let meters: [UInt32]

    init(locationCount: Int, firstBreakpoint: Int, interval: Int, sliceCount: Int, seconds: [UInt16], meters: [UInt32]) {
        self.locationCount = locationCount
        self.firstBreakpoint = firstBreakpoint
        self.interval = interval
        self.sliceCount = sliceCount
        self.seconds = seconds
        self.meters = meters
        base = []
        permille = []
        longestUnlowered = 0
    }

    /// Scaled travel times: pair `p` takes `seconds[p]` × `permille[s]` / 1000 s (rounded) at breakpoint `s`, lowered
    /// by the waiting rule where that applies, as a table built with these values would. `seconds[p] < 0` is no
    /// route; `metres[p]` is the route's length, m.
    public init(scaling seconds: [Int], metres: [Int], firstBreakpoint: Int, interval: Int, permille: [Int]) {
        let count = Int(Double(seconds.count).squareRoot().rounded())
        precondition(count * count == seconds.count && metres.count == seconds.count, "one time and one length per ordered pair")
        precondition(interval > 0 && !permille.isEmpty && permille.allSatisfy { $0 > 0 }, "breakpoints need a positive interval and factors")
        locationCount = count
        self.firstBreakpoint = firstBreakpoint
        self.interval = interval
        sliceCount = permille.count
        self.seconds = []
        base = seconds.map { $0 < 0 ? .max : UInt32(clamping: min($0, Int(UInt32.max) - 1)) }
        meters = zip(seconds, metres).map { $0 < 0 ? .max : UInt32(clamping: $1) }
        self.permille = permille
        // Values b × p(s) / 1000 rounded never exceed the next breakpoint's plus `interval` when b × drop / 1000 + 1
        // ≤ interval (drop: the largest fall of the factor between neighbouring breakpoints; + 1: both roundings),
        // and stay below `unreachable` when b × max p / 1000 + 1 < unreachable.
        let drop = zip(permille, permille.dropFirst()).map { $0 - $1 }.max() ?? 0
        let unlowered = drop <= 0 ? Int.max : (interval - 1) * 1000 / drop
        longestUnlowered = min(unlowered, (Int(Self.unreachable) - 1) * 1000 / permille.max()! - 1)
    }

    /// The stored value of a pair without a route.
    public static let unreachable = UInt16.max

    /// Travel time in seconds from `from` to `to` leaving at `departure` (s), or `nil` when there is no route.
    @inlinable
    public func travelSeconds(from: Int, to: Int, departingAt departure: Int) -> Int? {
        let pair = from * locationCount + to
        let offset = departure - firstBreakpoint
        if offset <= 0 || sliceCount == 1 { return value(pair, 0) }
        let slice = offset / interval
        if slice >= sliceCount - 1 { return value(pair, sliceCount - 1) }
        let a: Int, b: Int
        if base.isEmpty {
            let index = pair * sliceCount + slice
            let (first, second) = (seconds[index], seconds[index + 1])
            guard first != Self.unreachable, second != Self.unreachable else { return nil }
            (a, b) = (Int(first), Int(second))
        } else if case let time = Int(base[pair]), time <= longestUnlowered {
            (a, b) = ((time * permille[slice] + 500) / 1000, (time * permille[slice + 1] + 500) / 1000)
        } else {
            guard let first = value(pair, slice), let second = value(pair, slice + 1) else { return nil }
            (a, b) = (first, second)
        }
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

    /// The latest departure from `from` that reaches `to` by `deadline`, or `nil` when there is no route.
    /// O(breakpoints): the last breakpoint reached by the deadline, then the linear piece after it solved for the
    /// departure (arrival never decreases, so the latest departure is where it crosses the deadline).
    public func latestDeparture(from: Int, to: Int, arrivingBy deadline: Int) -> Int? {
        let pair = from * locationCount + to
        // The last breakpoint s with arrival(B_s) ≤ deadline (arrivals at breakpoints never decrease).
        var last = -1, before = 0, after = 0
        for s in 0..<sliceCount {
            guard let value = value(pair, s) else { return nil }
            if firstBreakpoint + s * interval + value <= deadline {
                (last, before) = (s, value)
            } else if last == s - 1 {
                after = value
            }
        }
        // Before the first or after the last breakpoint the time is constant.
        if last < 0 { return deadline - (value(pair, 0) ?? 0) }
        if last == sliceCount - 1 { return deadline - before }
        // On [B_s, B_s+1): arrival(B_s + x) = B_s + before + x + ⌊(after − before) x / interval⌋ (floor division, as
        // travelSeconds), non-decreasing in x. The latest x ≤ interval − 1 with it ≤ deadline: estimate, then step.
        let start = firstBreakpoint + last * interval, room = deadline - start - before
        func arrives(_ x: Int) -> Bool {
            let delta = (after - before) * x
            let extra = delta >= 0 ? delta / interval : -((-delta + interval - 1) / interval)
            return x + extra <= room
        }
        let slope = interval + after - before
        var x = slope <= 0 ? interval - 1 : min(interval - 1, room * interval / slope)
        while x < interval - 1 && arrives(x + 1) { x += 1 }
        while x > 0 && !arrives(x) { x -= 1 }
        return start + x
    }

    /// Length of the route from `from` to `to`, m, or `nil` when there is none.
    public func meters(from: Int, to: Int) -> Int? {
        let value = meters[from * locationCount + to]
        return value == .max ? nil : Int(value)
    }

    /// The stored travel time of `pair` at breakpoint `slice` (after the FIFO adjustment), s.
    public func breakpointSeconds(from: Int, to: Int, slice: Int) -> Int? { value(from * locationCount + to, slice) }

    /// The value of `pair` at breakpoint `slice`, s, `nil` when there is no route.
    @inlinable @inline(__always)
    func value(_ pair: Int, _ slice: Int) -> Int? {
        if base.isEmpty {
            let value = seconds[pair * sliceCount + slice]
            return value == Self.unreachable ? nil : Int(value)
        }
        let time = Int(base[pair])
        if time <= longestUnlowered { return (time * permille[slice] + 500) / 1000 }
        return time == Int(UInt32.max) ? nil : loweredValue(time, slice)
    }

    /// Scaled: the value of base time `time` (s) at breakpoint `slice`, lowered by the waiting rule from the last
    /// breakpoint back as ``Builder/build()`` lowers a table; `nil` when unreachable there.
    @usableFromInline
    func loweredValue(_ time: Int, _ slice: Int) -> Int? {
        let limit = Int(Self.unreachable)
        var next = limit
        for s in (slice..<sliceCount).reversed() {
            var value = min((time * permille[s] + 500) / 1000, limit)
            if next < limit { value = min(value, next + interval) }
            next = value
        }
        return next == limit ? nil : next
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
