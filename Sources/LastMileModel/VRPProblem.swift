import LastMileCore

/// A vehicle routing problem as the solver sees it: locations joined by integer matrices per travel profile,
/// jobs to serve, shipments pairing some of them, and the vehicles that may serve them. Knows nothing of maps:
/// matrices come from LastMileRouting for real roads, or from Euclidean distances for the classic benchmarks.
///
/// Units: every time (travel, service, windows, shifts, breaks) is in the problem's *time unit*, every
/// distance in its *distance unit* and every cost in its *cost unit*; the benchmark readers use thousandths of
/// the instance's unit for VRPTW (the peer harness's ×1000 convention) and whole units for CVRP. Loads are
/// integers per dimension. A vehicle's arc cost is its profile's `cost` matrix when given, else
/// `costPerDistance × distance + costPerTime × time`.
public struct VRPProblem: Sendable {
    public var name: String
    /// Number of locations; every matrix is `locationCount × locationCount`.
    public let locationCount: Int
    public let profiles: [TravelProfile]
    public var jobs: [Job]
    public var shipments: [Shipment]
    public var vehicles: [Vehicle]
    /// Load dimensions (weight, volume, …): every demand and capacity has this many entries.
    public let dimensions: Int
    /// Cost units per unit of instance output (e.g. 1000 when costs are thousandths), for printing.
    public var costScale: Int64
    /// Minimum costs of groups of vehicles (carriers' day minimums); no vehicle in two.
    public let costFloors: [CostFloor]

    public init(
        name: String, locationCount: Int, profiles: [TravelProfile], jobs: [Job], shipments: [Shipment] = [],
        vehicles: [Vehicle], dimensions: Int, costScale: Int64 = 1, costFloors: [CostFloor] = []
    ) {
        precondition(!profiles.isEmpty, "a problem needs a travel profile")
        let floored = costFloors.flatMap(\.vehicles)
        precondition(Set(floored).count == floored.count && floored.allSatisfy { $0.position >= 0 && $0.position < vehicles.count },
                     "cost floors name vehicles of the problem, each at most once")
        for profile in profiles {
            precondition(profile.time.count == locationCount * locationCount, "profile \(profile.name) is not \(locationCount)²")
            precondition(profile.timeDependent.map { $0.locationCount == locationCount } ?? true,
                         "the time-dependent travel of profile \(profile.name) is not over \(locationCount) locations")
        }
        for vehicle in vehicles {
            precondition(vehicle.jobCharges.map { $0.count == jobs.count && $0.allSatisfy { $0 >= 0 } } ?? true,
                         "vehicle \(vehicle.id) needs one charge of 0 or more per job")
        }
        for vehicle in vehicles where profiles[vehicle.profile.position].timeDependent != nil {
            precondition(vehicle.speedFactor == 1,
                         "vehicle \(vehicle.id) has a speed factor on the time-dependent profile \(profiles[vehicle.profile.position].name)")
        }
        self.name = name
        self.locationCount = locationCount
        self.profiles = profiles
        self.jobs = jobs
        self.shipments = shipments
        self.vehicles = vehicles
        self.dimensions = dimensions
        self.costScale = costScale
        self.costFloors = costFloors
    }

    /// A problem with one profile whose distances are also its costs (the classic benchmarks).
    public init(
        name: String, locationCount: Int, travelTime: [Int64], travelCost: [Int64], jobs: [Job], vehicles: [Vehicle],
        dimensions: Int, costScale: Int64 = 1
    ) {
        self.init(
            name: name, locationCount: locationCount,
            profiles: [TravelProfile(name: "default", time: travelTime, distance: travelCost)], jobs: jobs,
            vehicles: vehicles, dimensions: dimensions, costScale: costScale
        )
    }

    /// Whether some profile has time-dependent travel.
    public var isTimeDependent: Bool { profiles.contains { $0.timeDependent != nil } }

    /// The arrival at `to` when `vehicle` leaves `from` at `departure`: the leg's time-dependent travel time
    /// when its profile has one, else the static time with the speed factor. Never earlier for a later departure.
    @inlinable public func arrival(_ from: LocationIndex, _ to: LocationIndex, by vehicle: Vehicle, departingAt departure: Int64) -> Int64 {
        profiles[vehicle.profile.position].arrival(
            from: from.position, to: to.position, departingAt: departure, locationCount: locationCount, speedFactor: vehicle.speedFactor)
    }

    /// Travel time from `from` to `to` in `vehicle`, speed factor applied (the static matrix).
    @inlinable public func time(_ from: LocationIndex, _ to: LocationIndex, by vehicle: Vehicle) -> Int64 {
        vehicle.travelTime(profiles[vehicle.profile.position].time[from.position * locationCount + to.position])
    }

    @inlinable public func distance(_ from: LocationIndex, _ to: LocationIndex, by vehicle: Vehicle) -> Int64 {
        profiles[vehicle.profile.position].distance[from.position * locationCount + to.position]
    }

    /// What driving from `from` to `to` costs `vehicle`, cost units.
    @inlinable public func cost(_ from: LocationIndex, _ to: LocationIndex, by vehicle: Vehicle) -> Int64 {
        let profile = profiles[vehicle.profile.position]
        if let cost = profile.cost { return cost[from.position * locationCount + to.position] }
        return vehicle.costPerDistance * profile.distance[from.position * locationCount + to.position]
            + vehicle.costPerTime * time(from, to, by: vehicle)
    }

    /// Distance in the first profile, for vehicle-independent measures (neighbourhoods, sort orders).
    @inlinable public func distance(_ from: LocationIndex, _ to: LocationIndex) -> Int64 { profiles[0].distance[from.position * locationCount + to.position] }

    /// Travel time in the first profile without a speed factor.
    @inlinable public func time(_ from: LocationIndex, _ to: LocationIndex) -> Int64 { profiles[0].time[from.position * locationCount + to.position] }

    /// `partner[job]`: the other half of the job's shipment, or `nil`.
    public var partners: [JobIndex?] {
        var partner = [JobIndex?](repeating: nil, count: jobs.count)
        for shipment in shipments {
            partner[shipment.pickup.position] = shipment.delivery
            partner[shipment.delivery.position] = shipment.pickup
        }
        return partner
    }

    /// The job at `index`.
    @inlinable public func job(_ index: JobIndex) -> Job { jobs[index.position] }

    /// The vehicle at `index`.
    @inlinable public func vehicle(_ index: VehicleIndex) -> Vehicle { vehicles[index.position] }
}
