/// How a vehicle drives a leg and how two runs of stops join: the one place where travel times, distances
/// and costs enter the local search. ``RouteSegments`` and every operator concatenate through it.
///
/// Static travel: one matrix entry per leg, and concatenation is exact.
///
/// Time-dependent travel (``SolverData/vehicleTravel``): the joining leg is driven at the first run's earliest
/// end of service (`earliest + duration − timeWarp`, the departure when the run starts as early as it can),
/// O(1). This is a *filter*: a run that starts later in its window drives the leg at another time, so the
/// summary is exact only for runs that start at their earliest. ``LocalSearch`` therefore confirms every
/// improving move with the exact forward schedule (``LocalSearchRun/keepsWindows(_:vehicle:)``); costs stay
/// exact (they are priced on the static matrices, see ``SolverData``).
struct LegEvaluator: Equatable {
    let timeBase: Int
    let distanceBase: Int
    let costBase: Int
    /// Index of the vehicle's time-dependent table in ``SolverData/travel``, -1 for static travel.
    let travel: Int
    /// The vehicle's table in ``SolverData/jobCharges``, -1 without charges.
    let charges: Int
    let vehicle: Int

    init(vehicle: Int, data: SolverData) {
        self.vehicle = vehicle
        timeBase = data.vehicleTime[vehicle]
        distanceBase = data.vehicleDistance[vehicle]
        costBase = data.vehicleCost[vehicle]
        travel = data.vehicleTravel[vehicle]
        charges = data.vehicleCharges[vehicle]
    }

    /// Whether runs summarised for `other` hold for this vehicle too (same matrices, table and charges).
    @inline(__always) func drivesLike(_ other: LegEvaluator) -> Bool {
        timeBase == other.timeBase && distanceBase == other.distanceBase && costBase == other.costBase && travel == other.travel
            && charges == other.charges
    }

    /// `job` alone, served by this vehicle.
    @inline(__always) func job(_ job: Int, _ data: SolverData) -> RouteSegment { RouteSegment(job: job, vehicle: vehicle, data: data) }

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

    /// The arrival at `to` when leaving `from` at `departure`, time units.
    @inline(__always) func arrival(_ from: Int, _ to: Int, leaving departure: Int64, data: SolverData) -> Int64 {
        data.arrival(timeBase, travel, from, to, leaving: departure)
    }

    /// `a` followed by `b` (Vidal et al. 2013, time-window concatenation). Associative for static travel; for
    /// time-dependent travel the leg is timed at `a`'s earliest end of service (see the type's comment).
    @inline(__always) func concatenate(_ a: RouteSegment, _ b: RouteSegment, data: SolverData) -> RouteSegment {
        let travel: Int64
        if self.travel < 0 {
            travel = data.entry(timeBase, a.last, b.first)
        } else {
            let departure = a.earliest + a.duration - a.timeWarp
            travel = data.arrival(timeBase, self.travel, a.last, b.first, leaving: departure) - departure
        }
        var joined = Self.timed(a, b, travel: travel)
        joined.distance += data.entry(distanceBase, a.last, b.first)
        joined.cost += data.entry(costBase, a.last, b.first)
        return joined
    }

    /// The time warp of `a` followed by `b` and `c`, static travel only: reads the two legs' travel times and
    /// nothing else, for a quick refusal before ``concatenate(_:_:data:)``.
    @inline(__always) func timeWarp(_ a: RouteSegment, _ b: RouteSegment, _ c: RouteSegment, data: SolverData) -> Int64 {
        let ab = Self.timed(a, b, travel: data.entry(timeBase, a.last, b.first))
        return Self.timed(ab, c, travel: data.entry(timeBase, b.last, c.first)).timeWarp
    }

    /// `a` followed by `b` when the leg between them takes `travel`: its distance and cost are not added.
    @inline(__always) private static func timed(_ a: RouteSegment, _ b: RouteSegment, travel: Int64) -> RouteSegment {
        let shift = a.duration - a.timeWarp + travel
        let waiting = max(b.earliest - shift - a.latest, 0)
        let warp = max(a.earliest + shift - b.latest, 0)
        return RouteSegment(
            first: a.first, last: b.last, duration: a.duration + b.duration + travel + waiting,
            timeWarp: a.timeWarp + b.timeWarp + warp, earliest: max(b.earliest - shift, a.earliest) - waiting,
            latest: min(b.latest - shift, a.latest) + warp, distance: a.distance + b.distance, cost: a.cost + b.cost,
            charge: a.charge + b.charge)
    }
}
