import LastMileCore
import LastMileGraph
import LastMileModel
import LastMileRouting

/// A day turned into a vehicle routing problem: depots and orders snapped to the road graph, one road
/// matrix (seconds and metres), jobs with the depots that stock them, vehicles from the fleet and rate card.
///
/// Locations: depots `0..<depots.count`, then the orders that could be placed on a road. Cost unit: a
/// millionth of a cent, so that per-metre and per-second rates stay integers.
struct DayProblem {
    static let costUnitsPerCent: Int64 = 1_000_000

    let problem: VRPProblem
    let positions: [RoadPosition]
    /// Index into `day.orders` of each job.
    let jobOrder: [Int]
    /// Index into `day.vehicles` of each problem vehicle (vehicles that cannot work are left out).
    let vehicleFleetIndex: [Int]
    /// Orders (index into `day.orders`) left out before solving, with the reason.
    let rejected: [(order: Int, reason: String)]
    /// Vehicles that cannot work this day (id, reason).
    let unusableVehicles: [(vehicleID: String, reason: String)]

    init(day: DispatchDay, snapper: Snapper, engine: RoutingEngine, allowedDepots: [Set<Int>]) throws {
        let depotCount = day.depots.count
        let names = day.depots.map { "depot \($0.id)" } + day.orders.map { "order \($0.id)" }
        let snapped = try snapper.snap(day.depots.map(\.coordinate) + day.orders.map(\.coordinate), names: names)
        var positions: [RoadPosition] = []
        for (k, result) in snapped.prefix(depotCount).enumerated() {
            guard case .success(let point) = result else {
                throw DispatchError.depotOffRoad(day.depots[k].id, "\(result)")
            }
            positions.append(RoadPosition(point))
        }
        var rejected: [(Int, String)] = []
        var jobOrder: [Int] = []
        for (k, result) in snapped.dropFirst(depotCount).enumerated() {
            switch result {
            case .success(let point):
                positions.append(RoadPosition(point))
                jobOrder.append(k)
            case .failure:
                rejected.append((k, "its address is more than \(Int(Snapper.defaultMaxDistance)) m from any drivable road"))
            }
        }
        let matrix = engine.matrix(sources: positions, targets: positions)
        let n = positions.count
        let unreachable: Int64 = 1_000_000_000
        var time = [Int64](repeating: unreachable, count: n * n), distance = [Int64](repeating: unreachable, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                guard let entry = matrix[i, j] else { continue }
                time[i * n + j] = Int64((entry.time + 999) / 1000)
                distance[i * n + j] = Int64((entry.length + 500) / 1000)
            }
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
            let vehicle = Vehicle(
                id: fleetVehicle.id, startLocation: start, endLocation: end, capacity: type.capacity.dimensions,
                shift: TimeWindow(earliest: Int64(fleetVehicle.shiftStart.seconds), latest: Int64(fleetVehicle.shiftEnd.seconds)),
                fixedCost: type.fixedCost.rawValue * Self.costUnitsPerCent,
                costPerDistance: type.centsPerKilometre * Self.costUnitsPerCent / 1000,
                costPerTime: (type.centsPerHour * Self.costUnitsPerCent + 1800) / 3600,
                skills: [], speedFactor: type.speedFactor, breaks: breaks
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
            name: "day \(day.date)", locationCount: n, profiles: [TravelProfile(name: "car", time: time, distance: distance)],
            jobs: jobs, vehicles: vehicles, dimensions: 3, costScale: Self.costUnitsPerCent * 100
        )
        self.positions = positions
        self.jobOrder = jobOrder
        self.vehicleFleetIndex = fleetIndex
        self.rejected = rejected
        self.unusableVehicles = unusable
    }
}
