import LastMileCore
import LastMileDomain
import LastMileGraph
import LastMileModel
import LastMileRouting

/// A day turned into a vehicle routing problem: depots and orders snapped to each road network, a road matrix
/// (seconds and metres) per network, jobs with the depots that stock them, vehicles from the fleet and rate card.
///
/// Locations: depots `0..<depots.count`, then the orders that could be placed on some network's road. Profile
/// 0 is the car network; profile 1, when a bicycle network is given, serves cargo bikes (without one, bikes
/// ride the car network at ``bikeShareOfCarSpeed``). Locations a network cannot reach are unreachable in its
/// matrix. Cost unit: a millionth of a cent, so that per-metre and per-second rates stay integers.
struct DayProblem {
    static let costUnitsPerCent: Int64 = 1_000_000
    /// Cargo bikes on the car network ride at this share of car speed (times the type's speed factor).
    static let bikeShareOfCarSpeed = 0.55
    /// Matrix entry for a pair a network cannot connect: far beyond any shift.
    static let unreachable: Int64 = 1_000_000_000

    let problem: VRPProblem
    /// `positions[profile][location]`: where the location lies on that network, `nil` when it cannot be placed.
    let positions: [[RoadPosition?]]
    /// Index into `day.orders` of each job.
    let jobOrder: [Int]
    /// Index into `day.vehicles` of each problem vehicle (vehicles that cannot work are left out).
    let vehicleFleetIndex: [Int]
    /// Orders (index into `day.orders`) left out before solving, with the reason.
    let rejected: [(order: Int, reason: String)]
    /// Vehicles that cannot work this day (id, reason).
    let unusableVehicles: [(vehicleID: String, reason: String)]

    init(day: DispatchDay, networks: [RoadNetwork], allowedDepots: [Set<Int>]) throws {
        let depotCount = day.depots.count
        let names = day.depots.map { "depot \($0.id)" } + day.orders.map { "order \($0.id)" }
        let coordinates = day.depots.map(\.coordinate) + day.orders.map(\.coordinate)
        let snapped = try networks.map { network in
            try network.snapper.snap(coordinates, names: names).map { try? $0.get() }
        }
        for k in 0..<depotCount where snapped[0][k] == nil {
            throw DispatchError.depotOffRoad(day.depots[k].id, "more than \(Int(Snapper.defaultMaxDistance)) m from a drivable road")
        }
        var rejected: [(Int, String)] = []
        var jobOrder: [Int] = []
        var kept = Array(0..<depotCount)  // indices into `coordinates` of the problem's locations
        for k in day.orders.indices {
            if snapped.contains(where: { $0[depotCount + k] != nil }) {
                jobOrder.append(k)
                kept.append(depotCount + k)
            } else {
                rejected.append((k, "its address is more than \(Int(Snapper.defaultMaxDistance)) m from any usable road"))
            }
        }
        let n = kept.count
        var positions: [[RoadPosition?]] = []
        var profiles: [TravelProfile] = []
        for (index, network) in networks.enumerated() {
            let placed = kept.map { snapped[index][$0].map(RoadPosition.init) }
            let present = placed.indices.filter { placed[$0] != nil }
            let matrix = network.engine.matrix(sources: present.map { placed[$0]! }, targets: present.map { placed[$0]! })
            var time = [Int64](repeating: Self.unreachable, count: n * n), distance = time
            for (a, i) in present.enumerated() {
                for (b, j) in present.enumerated() {
                    guard let entry = matrix[a, b] else { continue }
                    time[i * n + j] = Int64((entry.time + 999) / 1000)
                    distance[i * n + j] = Int64((entry.length + 500) / 1000)
                }
            }
            positions.append(placed)
            profiles.append(TravelProfile(name: network.graph.profileName, time: time, distance: distance))
        }

        let jobs = jobOrder.enumerated().map { job, k in
            let order = day.orders[k]
            return Job(
                id: order.id, location: depotCount + job, demand: order.load.dimensions, service: Int64(order.serviceSeconds),
                windows: [TimeWindow(earliest: Int64(order.windowStart.seconds), latest: Int64(order.windowEnd.seconds))],
                priority: order.priority, allowedDepots: allowedDepots[k]
            )
        }
        let depotIndex = Dictionary(uniqueKeysWithValues: day.depots.enumerated().map { ($1.id, $0) })
        let types = Dictionary(uniqueKeysWithValues: day.vehicleTypes.map { ($0.id, $0) })
        var vehicles: [Vehicle] = []
        var fleetIndex: [Int] = []
        var unusable: [(String, String)] = []
        for (index, fleetVehicle) in day.vehicles.enumerated() {
            guard let type = types[fleetVehicle.typeID], let start = depotIndex[fleetVehicle.depotID],
                let end = depotIndex[fleetVehicle.endDepotID ?? fleetVehicle.depotID]
            else { throw DispatchError.unknownReference(vehicle: fleetVehicle.id) }
            let depots = [start, end].map { d in
                Depot(id: day.depots[d].id, location: d,
                      opening: TimeWindow(earliest: Int64(day.depots[d].opens.seconds), latest: Int64(day.depots[d].closes.seconds)),
                      loadingTime: Int64(day.depots[d].loadingSeconds))
            }
            let breaks = fleetVehicle.driverBreak.map { rule in
                [DriverBreak(id: "break", windows: [TimeWindow(earliest: Int64(rule.earliest.seconds), latest: Int64(rule.latest.seconds))],
                             duration: Int64(rule.minutes * 60))]
            } ?? []
            let onBikeNetwork = type.mode == .bike && networks.count > 1
            let profile = onBikeNetwork ? 1 : 0
            if positions[profile][start] == nil || positions[profile][end] == nil {
                unusable.append((fleetVehicle.id, "its depot is not near a road its profile (\(networks[profile].graph.profileName)) may use"))
                continue
            }
            let vehicle = Vehicle(
                id: fleetVehicle.id, startLocation: start, endLocation: end, capacity: type.capacity.dimensions,
                shift: TimeWindow(earliest: Int64(fleetVehicle.shiftStart.seconds), latest: Int64(fleetVehicle.shiftEnd.seconds)),
                fixedCost: type.fixedCost.rawValue * Self.costUnitsPerCent,
                costPerDistance: type.centsPerKilometre * Self.costUnitsPerCent / 1000,
                costPerTime: (type.centsPerHour * Self.costUnitsPerCent + 1800) / 3600,
                skills: [], profile: profile,
                speedFactor: type.speedFactor * (type.mode == .bike && !onBikeNetwork ? Self.bikeShareOfCarSpeed : 1), breaks: breaks
            )
            // Shifts outside the depot's hours leave the vehicle out of the day, with the reason.
            guard let based = depots[0].base(vehicle, returningTo: depots[1]) else {
                unusable.append((fleetVehicle.id, "shift \(fleetVehicle.shiftStart)–\(fleetVehicle.shiftEnd) is outside the opening hours of "
                    + "\(day.depots[start].id) (\(day.depots[start].opens)–\(day.depots[start].closes)) or \(day.depots[end].id)"))
                continue
            }
            vehicles.append(based)
            fleetIndex.append(index)
        }
        problem = VRPProblem(
            name: "day \(day.date)", locationCount: n, profiles: profiles,
            jobs: jobs, vehicles: vehicles, dimensions: 3, costScale: Self.costUnitsPerCent * 100
        )
        self.positions = positions
        self.jobOrder = jobOrder
        self.vehicleFleetIndex = fleetIndex
        self.rejected = rejected
        self.unusableVehicles = unusable
    }
}
