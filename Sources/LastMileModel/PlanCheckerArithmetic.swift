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

    /// Jobs that are one half of a shipment, from ``VRPProblem/shipments`` itself.
    static func shipmentHalves(of problem: VRPProblem) -> Set<Int> {
        Set(problem.shipments.flatMap { [$0.pickup.position, $0.delivery.position] })
    }
}
