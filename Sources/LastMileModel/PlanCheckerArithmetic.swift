import LastMileCore

extension PlanChecker {
    /// One vehicle's legs read straight from its profile's matrices with the checker's own arithmetic (speed
    /// factor, arc cost), so that a slip in ``Vehicle`` or ``VRPProblem`` cannot hide in both the solver and
    /// its check.
    struct Legs {
        private let locationCount: Int
        private let profile: TravelProfile
        private let speedFactor: Double
        private let costPerDistance: Int64
        private let costPerTime: Int64

        init(of vehicle: Vehicle, in problem: VRPProblem) {
            locationCount = problem.locationCount
            profile = problem.profiles[vehicle.profile.position]
            speedFactor = vehicle.speedFactor
            costPerDistance = vehicle.costPerDistance
            costPerTime = vehicle.costPerTime
        }

        /// Time units: the profile's time divided by the speed factor, to the nearest unit (halves away from 0).
        func time(_ from: Int, _ to: Int) -> Int64 {
            let profileTime = Double(profile.time[from * locationCount + to])
            return Int64((profileTime / speedFactor).rounded(.toNearestOrAwayFromZero))
        }

        /// The arrival at `to` when leaving `from` at `departure`, time units. With a time-dependent profile the
        /// checker interpolates the stored breakpoints itself (finding the bracketing breakpoints by bisection
        /// and weighting both ends, with floor division), not through ``TimeDependentTravel/arrival(from:to:departingAt:)``;
        /// a pair without a route arrives ``TravelProfile/unreachableTime`` later.
        func arrival(_ from: Int, _ to: Int, leaving departure: Int64) -> Int64 {
            guard let table = profile.timeDependent else { return departure + time(from, to) }
            let first = Int64(table.firstBreakpoint), interval = Int64(table.interval), last = table.sliceCount - 1
            func breakpoint(_ s: Int) -> Int64? { table.breakpointSeconds(from: from, to: to, slice: s).map(Int64.init) }
            // The last breakpoint at or before the departure (0 when the departure is before every breakpoint).
            var (low, high) = (0, last)
            while low < high {
                let middle = (low + high + 1) / 2
                if first + Int64(middle) * interval <= departure { low = middle } else { high = middle - 1 }
            }
            let travel: Int64?
            if departure <= first || low == last {
                travel = breakpoint(low)
            } else if let a = breakpoint(low), let b = breakpoint(low + 1) {
                let elapsed = departure - (first + Int64(low) * interval)
                let weighted = a * (interval - elapsed) + b * elapsed
                travel = weighted >= 0 ? weighted / interval : -((-weighted + interval - 1) / interval)
            } else {
                travel = nil
            }
            return departure + (travel ?? TravelProfile.unreachableTime)
        }

        /// Distance units.
        func distance(_ from: Int, _ to: Int) -> Int64 { profile.distance[from * locationCount + to] }

        /// Cost units: the profile's cost matrix when it has one, else the vehicle's rates times distance and time.
        func cost(_ from: Int, _ to: Int) -> Int64 {
            if let cost = profile.cost { return cost[from * locationCount + to] }
            return costPerDistance * distance(from, to) + costPerTime * time(from, to)
        }
    }

    /// When service starts for an arrival at `arrival`, and in which of the sorted, disjoint `windows`: the
    /// arrival itself inside a window, else the start of the first window after it; `nil` after the last one.
    static func serviceStart(in windows: [TimeWindow], arrivingAt arrival: Int64) -> (start: Int64, window: Int)? {
        for index in windows.indices where arrival <= windows[index].latest {
            return (arrival < windows[index].earliest ? windows[index].earliest : arrival, index)
        }
        return nil
    }

    /// A used route's cost beyond its fixed cost under `paid`: its arcs, the normal hours up to the overtime
    /// threshold, the hours beyond it at the normal plus the extra rate, raised to the minimum. Summed band by
    /// band here rather than through ``PaidTime/routeCost(travelCost:duration:)``.
    static func variableCost(travel: Int64, paidDuration: Int64, paid: PaidTime) -> Int64 {
        let normalHours = Swift.min(paidDuration, paid.overtimeAfter)
        let overtimeHours = paidDuration - normalHours
        let priced = travel + normalHours * paid.costPerTime + overtimeHours * (paid.costPerTime + paid.overtimeExtraPerTime)
        return priced < paid.minimumRouteCost ? paid.minimumRouteCost : priced
    }

    /// Jobs that are one half of a shipment, from ``VRPProblem/shipments`` itself.
    static func shipmentHalves(of problem: VRPProblem) -> Set<Int> {
        Set(problem.shipments.flatMap { [$0.pickup.position, $0.delivery.position] })
    }
}
