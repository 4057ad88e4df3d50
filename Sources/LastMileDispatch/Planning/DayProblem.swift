import LastMileCore
import LastMileDomain
import LastMileGraph
import LastMileModel

/// A day turned into a vehicle routing problem on its ``DayGeometry``: one job per located order (with the
/// depots that may serve it), vehicles from the fleet and the rate card. Cheap to build: the geometry holds the
/// snapping and the matrices.
///
/// A vehicle whose carrier has a rate card for its type is priced by the card (``RateCard/solverRates(unitsPerCent:)``
/// and ``RateCard/jobCharges(of:from:unitsPerCent:)``), others by their type's per-km and per-driving-hour rates;
/// a carrier's day minimum is a ``CostFloor`` under all its vehicles.
///
/// Without a bicycle network, bikes ride the car network at ``bikeShareOfCarSpeed``. Cost unit: a millionth of
/// a cent, so that per-metre and per-second rates stay integers.
///
/// With time-dependent car travel, vehicles on the car network with a speed factor other than 1 (cargo bikes
/// without a bicycle network) drive a static copy of the car profile: a table scaled by a factor below 1 could
/// break FIFO, and bikes pass traffic jams anyway.
struct DayProblem {
    static let costUnitsPerCent: Int64 = 1_000_000
    /// Cargo bikes on the car network ride at this share of car speed (times the type's speed factor).
    static let bikeShareOfCarSpeed = 0.55

    let problem: VRPProblem
    /// The order of each job (job `j` is `jobOrders[j.position]`).
    let jobOrders: [OrderIndex]
    /// The fleet vehicle of each problem vehicle (vehicles that cannot work are left out).
    let vehicleFleet: [FleetIndex]
    /// Vehicles that cannot work this day, with the reason.
    let unusableVehicles: [UnusableVehicle]
    /// `networkOfProfile[p]`: the road network (index into the geometry's positions) of problem profile `p`.
    let networkOfProfile: [Int]

    /// The road network the vehicle drives on (index into the geometry's positions and the planner's networks).
    func network(of vehicle: Vehicle) -> Int { networkOfProfile[vehicle.profile.position] }

    func order(of job: JobIndex) -> OrderIndex { jobOrders[job.position] }

    func fleetVehicle(of vehicle: VehicleIndex) -> FleetIndex { vehicleFleet[vehicle.position] }

    /// - Parameters:
    ///   - allowedDepots: per order (by ``OrderIndex`` position), the depots that may serve it; an empty set
    ///     leaves the order unserved.
    init(day: DispatchDay, geometry: DayGeometry, networkNames: [String], allowedDepots: [Set<DepotIndex>]) throws {
        let jobs = geometry.locatedOrders.enumerated().map { k, index in
            let order = day.order(index)
            return Job(
                id: order.id, location: geometry.location(ofLocated: k), demand: order.load.dimensions, service: Int64(order.serviceSeconds),
                windows: [TimeWindow(earliest: Int64(order.windowStart.seconds), latest: Int64(order.windowEnd.seconds))],
                priority: order.priority, allowedDepots: Set(allowedDepots[index.position].map(geometry.location(of:)))
            )
        }
        let depotIndex = Dictionary(uniqueKeysWithValues: day.depots.enumerated().map { ($1.id, DepotIndex($0)) })
        let types = Dictionary(uniqueKeysWithValues: day.vehicleTypes.map { ($0.id, $0) })
        var vehicles: [Vehicle] = []
        var fleet: [FleetIndex] = []
        var unusable: [UnusableVehicle] = []
        var profiles = geometry.profiles
        var networkOfProfile = Array(profiles.indices)
        var staticCar: ProfileIndex? = nil
        // Vehicles of one card and depot share their job charges (one array, as the solver dedupes tables).
        var chargesOf: [String: [Int64]?] = [:]
        for index in FleetIndex.all(day.vehicles.count) {
            let fleetVehicle = day.vehicle(index)
            guard let type = types[fleetVehicle.typeID], let start = depotIndex[fleetVehicle.depotID],
                let end = depotIndex[fleetVehicle.endDepotID ?? fleetVehicle.depotID]
            else { throw DispatchError.unknownReference(vehicle: fleetVehicle.id) }
            let depots = [start, end].map { d in
                let site = day.depot(d)
                return Depot(id: site.id, location: geometry.location(of: d),
                             opening: TimeWindow(earliest: Int64(site.opens.seconds), latest: Int64(site.closes.seconds)),
                             loadingTime: Int64(site.loadingSeconds))
            }
            let breaks = fleetVehicle.driverBreak.map { rule in
                [DriverBreak(id: "break", windows: [TimeWindow(earliest: Int64(rule.earliest.seconds), latest: Int64(rule.latest.seconds))],
                             duration: Int64(rule.minutes * 60))]
            } ?? []
            let onBikeNetwork = type.mode == .bike && geometry.profiles.count > 1
            let profile: ProfileIndex = onBikeNetwork ? 1 : 0
            let placed = geometry.positions[profile.position]
            if placed[depots[0].location.position] == nil || placed[depots[1].location.position] == nil {
                unusable.append(UnusableVehicle(
                    vehicleID: fleetVehicle.id, reason: "its depot is not near a road its profile (\(networkNames[profile.position])) may use"))
                continue
            }
            var vehicle = Vehicle(
                id: fleetVehicle.id, startLocation: depots[0].location, endLocation: depots[1].location, capacity: type.capacity.dimensions,
                shift: TimeWindow(earliest: Int64(fleetVehicle.shiftStart.seconds), latest: Int64(fleetVehicle.shiftEnd.seconds)),
                fixedCost: type.fixedCost.rawValue * Self.costUnitsPerCent,
                costPerDistance: type.centsPerKilometre * Self.costUnitsPerCent / 1000,
                costPerTime: (type.centsPerHour * Self.costUnitsPerCent + 1800) / 3600,
                skills: [], profile: profile,
                speedFactor: type.speedFactor * (type.mode == .bike && !onBikeNetwork ? Self.bikeShareOfCarSpeed : 1), breaks: breaks
            )
            // A carrier's rate card replaces the type's rates: paid time (waiting included), overtime and the
            // prices per stop, parcel, kg and band in the objective.
            if let card = day.rateCard(for: fleetVehicle) {
                let rates = card.solverRates(unitsPerCent: Self.costUnitsPerCent)
                vehicle.fixedCost = rates.fixed
                vehicle.costPerDistance = rates.perMetre
                vehicle.costPerTime = 0
                vehicle.paidTime = rates.paidTime
                let key = "\(card.carrierID) \(card.vehicleTypeID) \(start.position)"
                if chargesOf[key] == nil {
                    chargesOf[key] = card.jobCharges(of: geometry.locatedOrders.map(day.order), from: day.depot(start), unitsPerCent: Self.costUnitsPerCent)
                }
                vehicle.jobCharges = chargesOf[key]!
            }
            if vehicle.speedFactor != 1, profiles[profile.position].timeDependent != nil {
                if staticCar == nil {
                    var copy = profiles[profile.position]
                    copy.timeDependent = nil
                    copy.name += " (static)"
                    staticCar = ProfileIndex(profiles.count)
                    profiles.append(copy)
                    networkOfProfile.append(profile.position)
                }
                vehicle.profile = staticCar!
            }
            // Shifts outside the depot's hours leave the vehicle out of the day, with the reason.
            guard let based = depots[0].base(vehicle, returningTo: depots[1]) else {
                let (first, last) = (day.depot(start), day.depot(end))
                unusable.append(UnusableVehicle(
                    vehicleID: fleetVehicle.id, reason: "shift \(fleetVehicle.shiftStart)–\(fleetVehicle.shiftEnd) is outside the opening hours of "
                        + "\(first.id) (\(first.opens)–\(first.closes)) or \(last.id)"))
                continue
            }
            vehicles.append(based)
            fleet.append(index)
        }
        // A carrier's day minimum is a floor under the cost of all its vehicles that work.
        let carriers = fleet.map { day.vehicle($0).carrierID }
        let floors = Set(carriers).sorted().compactMap { carrier -> CostFloor? in
            guard let minimum = day.dayMinimumCard(of: carrier)?.minimumPerDay, minimum > .zero else { return nil }
            return CostFloor(vehicles: VehicleIndex.all(carriers.count).filter { carriers[$0.position] == carrier },
                             minimum: minimum.rawValue * Self.costUnitsPerCent)
        }
        problem = VRPProblem(
            name: "day \(day.date)", locationCount: geometry.locationCount, profiles: profiles,
            jobs: jobs, vehicles: vehicles, dimensions: 3, costScale: Self.costUnitsPerCent * 100, costFloors: floors
        )
        jobOrders = geometry.locatedOrders
        vehicleFleet = fleet
        unusableVehicles = unusable
        self.networkOfProfile = networkOfProfile
    }
}
