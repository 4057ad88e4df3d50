/// How a vehicle drives a leg and how two runs of stops join: the one place where travel times, distances
/// and costs enter the local search. ``RouteSegments`` and every operator concatenate through it.
///
/// Travel is static today (one matrix entry per leg). Time-dependent travel replaces ``concatenate(_:_:data:)``
/// with a version whose leg time depends on the departure (the first run's `earliest + duration`), and keeps
/// every caller unchanged.
struct LegEvaluator: Equatable {
    let timeBase: Int
    let distanceBase: Int
    let costBase: Int
    let vehicle: Int

    init(vehicle: Int, data: SolverData) {
        self.vehicle = vehicle
        timeBase = data.vehicleTime[vehicle]
        distanceBase = data.vehicleDistance[vehicle]
        costBase = data.vehicleCost[vehicle]
    }

    /// Whether runs summarised for `other` hold for this vehicle too (same matrices).
    @inline(__always) func drivesLike(_ other: LegEvaluator) -> Bool {
        timeBase == other.timeBase && distanceBase == other.distanceBase && costBase == other.costBase
    }

    /// The vehicle's start depot: loading from the shift start, leaving no later than the shift allows.
    func startDepot(_ data: SolverData) -> RouteSegment {
        let location = data.vehicleStart[vehicle]
        return RouteSegment(
            first: location, last: location, duration: data.vehicleLoadingTime[vehicle], timeWarp: 0,
            earliest: data.vehicleEarliest[vehicle], latest: data.vehicleLatest[vehicle], distance: 0, cost: 0)
    }

    /// The vehicle's end depot: back by the shift end.
    func endDepot(_ data: SolverData) -> RouteSegment {
        let location = data.vehicleEnd[vehicle]
        return RouteSegment(
            first: location, last: location, duration: 0, timeWarp: 0, earliest: data.vehicleEarliest[vehicle],
            latest: data.vehicleLatest[vehicle], distance: 0, cost: 0)
    }

    /// Travel time of the leg `from → to`, time units.
    @inline(__always) func travelTime(_ from: Int, _ to: Int, data: SolverData) -> Int64 { data.entry(timeBase, from, to) }

    /// `a` followed by `b` (Vidal et al. 2013, time-window concatenation). Associative.
    @inline(__always) func concatenate(_ a: RouteSegment, _ b: RouteSegment, data: SolverData) -> RouteSegment {
        let travel = travelTime(a.last, b.first, data: data)
        let shift = a.duration - a.timeWarp + travel
        let waiting = max(b.earliest - shift - a.latest, 0)
        let warp = max(a.earliest + shift - b.latest, 0)
        return RouteSegment(
            first: a.first, last: b.last, duration: a.duration + b.duration + travel + waiting,
            timeWarp: a.timeWarp + b.timeWarp + warp, earliest: max(b.earliest - shift, a.earliest) - waiting,
            latest: min(b.latest - shift, a.latest) + warp,
            distance: a.distance + b.distance + data.entry(distanceBase, a.last, b.first),
            cost: a.cost + b.cost + data.entry(costBase, a.last, b.first))
    }
}
