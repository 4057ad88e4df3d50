import LastMileCore

/// When a vehicle does what along one route: it starts loading at its shift start (or as late as helps), leaves
/// after its loading time, serves each job as early as its windows allow, and takes each break at the place and
/// time that bring it back earliest.
///
/// Breaks are taken in the vehicle's order, between two stops (or before the first / before the return), at
/// the earliest start their windows allow once the vehicle is free. Each leg is driven at its departure time
/// (``VRPProblem/arrival(_:_:by:departingAt:)``: time-dependent profiles are FIFO, so serving as early as
/// possible stays optimal; `travelTime` then includes any waiting for a peak to pass that the table folds
/// in). Placement is exact: dynamic programming over (stops done, breaks taken) keeps the earliest time for each
/// pair, and an earlier time is never worse for what follows, so a placement exists exactly when the schedule
/// does. O(stops × breaks).
public struct RouteSchedule: Hashable, Sendable {
    public struct Visit: Hashable, Sendable {
        public var job: JobIndex
        public var arrival: Int64
        public var start: Int64
        public var waiting: Int64 { start - arrival }
    }

    public struct TakenBreak: Hashable, Sendable {
        /// Index into the vehicle's `breaks`.
        public var index: Int
        /// Number of jobs served before the break.
        public var afterVisits: Int
        public var start: Int64
    }

    /// Shift start: loading begins.
    public var loadingStart: Int64
    /// Leaving the start location, after loading.
    public var departure: Int64
    public var visits: [Visit]
    public var breaks: [TakenBreak]
    /// Arrival at the end location.
    public var end: Int64
    public var travelTime: Int64
    public var distance: Int64
    /// Arc costs (fixed cost not included).
    public var travelCost: Int64

    /// Time from the shift start (loading included) to the arrival at the end.
    public var duration: Int64 { end - loadingStart }
    public var waiting: Int64 { visits.reduce(0) { $0 + $1.waiting } }

    /// The schedule of `route` (job indices) for `vehicle`, or `nil` when a job's windows are missed, a break
    /// cannot be placed, or the vehicle is back after its shift ends.
    ///
    /// - Parameter leavingAsLateAsHelps: start loading later than the shift start when that removes waiting
    ///   without bringing the vehicle back later (the latest such start, by binary search over whole
    ///   schedules). For run sheets; feasibility and route-duration limits use the shift start.
    public init?(route: [JobIndex], vehicle: Vehicle, problem: VRPProblem, leavingAsLateAsHelps: Bool = false) {
        guard let earliest = RouteSchedule(route: route, vehicle: vehicle, problem: problem, loadingFrom: vehicle.shift.earliest) else {
            return nil
        }
        self = earliest
        guard leavingAsLateAsHelps else { return }
        // With static travel the work (loading, driving, service, breaks) takes the same time whenever it
        // starts, so a later start that keeps the return can only use up idle time: waiting for windows and
        // for breaks. Time-dependent legs may get shorter later in the day, so there the whole span is searched.
        let work = vehicle.loadingTime + earliest.travelTime + route.reduce(0) { $0 + problem.job($1).service }
            + vehicle.breaks.reduce(0) { $0 + $1.duration }
        let idle = problem.profiles[vehicle.profile.position].timeDependent == nil ? earliest.duration - work : earliest.duration
        var (low, high) = (Int64(0), max(0, idle))
        while low < high {
            let delay = (low + high + 1) / 2
            if let later = RouteSchedule(route: route, vehicle: vehicle, problem: problem, loadingFrom: vehicle.shift.earliest + delay),
                later.end == earliest.end
            {
                low = delay
            } else {
                high = delay - 1
            }
        }
        if low > 0, let later = RouteSchedule(route: route, vehicle: vehicle, problem: problem, loadingFrom: vehicle.shift.earliest + low) {
            self = later
        }
    }

    /// The earliest schedule when loading starts at `loadingStart`.
    private init?(route: [JobIndex], vehicle: Vehicle, problem: VRPProblem, loadingFrom loadingStart: Int64) {
        let breaks = vehicle.breaks
        let stopCount = route.count
        let width = breaks.count + 1
        let unreachable = Int64.max
        // ready[k * width + b]: earliest time, free at the place of stop k - 1 (k = 0: the start), with stops
        // 0..<k served and breaks 0..<b taken. came[...]: whether the last step was a break (true) or a stop.
        var ready = [Int64](repeating: unreachable, count: (stopCount + 1) * width)
        var came = [Bool](repeating: false, count: (stopCount + 1) * width)
        let departure = loadingStart + vehicle.loadingTime
        ready[0] = departure
        func place(of k: Int) -> LocationIndex { k == 0 ? vehicle.startLocation : problem.job(route[k - 1]).location }
        for k in 0...stopCount {
            for b in 0..<width {
                let t = ready[k * width + b]
                guard t != unreachable else { continue }
                if b < breaks.count, let start = TimeWindow.earliestStart(in: breaks[b].windows, readyAt: t) {
                    let after = start + breaks[b].duration
                    if after < ready[k * width + b + 1] {
                        ready[k * width + b + 1] = after
                        came[k * width + b + 1] = true
                    }
                }
                if k < stopCount {
                    let job = problem.job(route[k])
                    guard let start = job.earliestStart(arrivingAt: problem.arrival(place(of: k), job.location, by: vehicle, departingAt: t)) else {
                        continue
                    }
                    if start + job.service < ready[(k + 1) * width + b] {
                        ready[(k + 1) * width + b] = start + job.service
                        came[(k + 1) * width + b] = false
                    }
                }
            }
        }
        let last = place(of: stopCount)
        guard ready[stopCount * width + breaks.count] != unreachable else { return nil }
        let end = problem.arrival(last, vehicle.endLocation, by: vehicle, departingAt: ready[stopCount * width + breaks.count])
        guard end <= vehicle.shift.latest else { return nil }

        // Walk back to find where the breaks went, then replay forward for arrivals and starts.
        var breakBefore = [Int](repeating: 0, count: breaks.count)  // stops served before break b
        var (k, b) = (stopCount, breaks.count)
        while k > 0 || b > 0 {
            if came[k * width + b] {
                b -= 1
                breakBefore[b] = k
            } else {
                k -= 1
            }
        }
        var visits: [Visit] = []
        var taken: [TakenBreak] = []
        var time = departure
        var location = vehicle.startLocation
        var next = 0
        var (travel, distance, cost): (Int64, Int64, Int64) = (0, 0, 0)
        /// Drives from `location` to `place` leaving at `time`; returns the arrival.
        func drive(to place: LocationIndex) -> Int64 {
            let arrival = problem.arrival(location, place, by: vehicle, departingAt: time)
            travel += arrival - time
            distance += problem.distance(location, place, by: vehicle)
            cost += problem.cost(location, place, by: vehicle)
            location = place
            return arrival
        }
        for visit in 0...stopCount {
            while next < breaks.count, breakBefore[next] == visit {
                let start = TimeWindow.earliestStart(in: breaks[next].windows, readyAt: time)!
                taken.append(TakenBreak(index: next, afterVisits: visit, start: start))
                time = start + breaks[next].duration
                next += 1
            }
            guard visit < stopCount else { break }
            let job = problem.job(route[visit])
            let arrival = drive(to: job.location)
            let start = job.earliestStart(arrivingAt: arrival)!
            visits.append(Visit(job: route[visit], arrival: arrival, start: start))
            time = start + job.service
        }
        time = drive(to: vehicle.endLocation)
        self.loadingStart = loadingStart
        self.departure = departure
        self.visits = visits
        self.breaks = taken
        self.end = time
        self.travelTime = travel
        self.distance = distance
        self.travelCost = cost
    }
}
