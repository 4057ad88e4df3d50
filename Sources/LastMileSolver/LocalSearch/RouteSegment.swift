/// The concatenable summary of a run of consecutive stops (Vidal, Crainic, Gendreau and Prins 2013, "A hybrid
/// genetic algorithm with adaptive diversity management…", time-window concatenation), for one vehicle's
/// travel matrices. Times, distances and costs are in the problem's integer units.
///
/// - `duration`: shortest time from the start of service at the first stop to the end of service at the
///   last, waiting included, when started at the best moment;
/// - `timeWarp`: the total lateness past window closings the run cannot avoid, time units (0 exactly when
///   the run is time-feasible);
/// - `earliest`/`latest`: the window of service starts at the first stop that achieve `duration` and
///   `timeWarp`;
/// - `distance`, `cost`: of the legs inside the run;
/// - `charge`: what the vehicle is charged for the run's jobs (``SolverData/charge(_:_:)``), summed.
///
/// Each job contributes the hull of its windows (earliest opening, latest closing): for jobs with several
/// windows the summary is an optimistic bound that ``LocalSearch`` confirms exactly.
struct RouteSegment: Equatable {
    var first: Int
    var last: Int
    var duration: Int64
    var timeWarp: Int64
    var earliest: Int64
    var latest: Int64
    var distance: Int64
    var cost: Int64
    var charge: Int64

    /// One job served by vehicle `v`: its service time, the hull of its windows and its charge.
    init(job: Int, vehicle v: Int, data: SolverData) {
        let location = data.jobLocation[job]
        let hull = data.windowHull(job)
        self.init(
            first: location, last: location, duration: data.jobService[job], timeWarp: 0, earliest: hull.earliest, latest: hull.latest,
            distance: 0, cost: 0, charge: data.charge(v, job))
    }

    init(first: Int, last: Int, duration: Int64, timeWarp: Int64, earliest: Int64, latest: Int64, distance: Int64, cost: Int64, charge: Int64 = 0) {
        self.first = first
        self.last = last
        self.duration = duration
        self.timeWarp = timeWarp
        self.earliest = earliest
        self.latest = latest
        self.distance = distance
        self.cost = cost
        self.charge = charge
    }
}

/// The load summary of a run of stops in one dimension (PyVRP's `LoadSegment`): `delivery` is what must be
/// on board at its start for its unpaired deliveries, `pickup` what it adds by the end (a shipment's pickup
/// adds, its delivery removes: a negative pickup), `peak` the largest load on board inside it, starting
/// with `delivery`. Concatenation is exact for every pickup-before-delivery order, so loads need no
/// confirmation.
struct LoadSegment: Equatable {
    var delivery: Int64 = 0
    var pickup: Int64 = 0
    var peak: Int64 = 0

    /// Job `job` in dimension `d`.
    init(job: Int, dimension d: Int, data: SolverData) {
        let amount = data.jobDemand[job * data.dimensions + d]
        if data.loadedAtStart[job] {
            delivery = amount
        } else {
            pickup = data.loadSign[job] * amount
        }
        peak = max(delivery, pickup)
    }

    init() {}

    /// This run followed by `next`. Associative.
    @inline(__always) func then(_ next: LoadSegment) -> LoadSegment {
        var merged = LoadSegment()
        merged.delivery = delivery + next.delivery
        merged.pickup = pickup + next.pickup
        merged.peak = max(peak + next.delivery, next.peak + pickup)
        return merged
    }
}
