import LastMileCore
import LastMileDomain
import LastMileLive
import LastMileStore

/// A static plan and a re-routed day, simulated on the same disturbed day.
public struct DisturbedDayComparison: Sendable {
    public var disturbances: DayDisturbances
    /// The plan's sequences kept (events applied to the live state only).
    public var keepingThePlan: SimulationReport
    /// Re-planned after each disturbance.
    public var rerouting: SimulationReport
}

extension LastMileService {
    /// A simulator of the active plan of `date` on `roads` under `conditions` (the "true" traffic, closures and
    /// weather), with `noise` on travel and service times. `extraPlaces` are addresses beyond the day's depots
    /// and orders the simulation may visit.
    ///
    /// - Throws: ``LastMileError``: bad input when the date has no stored plan; routing data when the day lies
    ///   off the map.
    public func daySimulator(
        date: String, roads: RoadNetworks, conditions: RoadConditions, noise: SimulationNoise, extraPlaces: [Coordinate] = []
    ) throws(LastMileError) -> DaySimulator {
        let plan = try storedPlan(date: date)
        let day = try reportingErrors { try store.day(date) }
        let shiftEnds = Dictionary(day.vehicles.map { ($0.id, $0.shiftEnd.seconds) }, uniquingKeysWith: { first, _ in first })
        let first = plan.runs.map { $0.departure.seconds / 60 - 60 }.min() ?? 360
        let last = plan.runs.map { max($0.end.seconds, shiftEnds[$0.vehicleID] ?? 0) / 60 + 120 }.max() ?? 1320
        let typeOf = Dictionary(day.vehicles.map { ($0.id, $0.typeID) }, uniquingKeysWith: { first, _ in first })
        let bikeTypes = Set(day.vehicleTypes.filter { $0.mode == .bike }.map(\.id))
        let bikes = plan.runs.contains { typeOf[$0.vehicleID].map(bikeTypes.contains) ?? false }
        let simulated = try SimulationRoads.of(day: day, extraPlaces: extraPlaces, roads: roads, conditions: conditions,
                                               minutes: max(0, first)..<min(1440, max(last, first + 15)), bikes: bikes)
        return DaySimulator(plan: plan, day: day, roads: simulated, noise: noise)
    }

    /// Simulates the active plan of `date` without disturbances (see ``daySimulator(date:roads:conditions:noise:extraPlaces:)``).
    public func simulate(date: String, roads: RoadNetworks, conditions: RoadConditions, noise: SimulationNoise) throws(LastMileError) -> SimulationReport {
        try daySimulator(date: date, roads: roads, conditions: conditions, noise: noise).run()
    }

    /// Simulates the active plan of `date` on a day disturbed by `generator` (seeded with `noise.seed`), once
    /// keeping the plan and once re-planning with `rerouting`.
    public func simulateDisturbed(
        date: String, roads: RoadNetworks, conditions: RoadConditions, noise: SimulationNoise, generator: DisturbanceGenerator,
        rerouting: SimulationPolicy
    ) throws(LastMileError) -> DisturbedDayComparison {
        let plan = try storedPlan(date: date)
        let day = try reportingErrors { try store.day(date) }
        let disturbances = generator.generate(plan: plan, day: day, seed: noise.seed)
        let simulator = try daySimulator(date: date, roads: roads, conditions: conditions, noise: noise)
        return DisturbedDayComparison(
            disturbances: disturbances, keepingThePlan: try simulator.run(disturbances: disturbances, policy: .keepingThePlan),
            rerouting: try simulator.run(disturbances: disturbances, policy: rerouting))
    }
}
