import Foundation
import LastMileCore
import LastMileDomain
import LastMileLive
import LastMileStore

/// One disturbed day simulated under each policy: the plan kept, then the live loop.
public struct DisturbedDay: Sendable {
    public var disturbances: DayDisturbances
    /// One report per policy, in the order asked.
    public var reports: [SimulationReport]
}

extension LastMileService {
    /// A simulator of the active plan of `date` (or of the routes of `routesFile`, ``RoutesFile``) on `roads`
    /// under `conditions` (the "true" traffic, closures and weather), with `noise` on travel and service times.
    /// `extraPlaces` are addresses beyond the day's depots and orders the simulation may visit.
    ///
    /// - Throws: ``LastMileError``: bad input when the date has no stored plan or the routes file is wrong;
    ///   routing data when the day lies off the map.
    public func daySimulator(
        date: String, roads: RoadNetworks, conditions: RoadConditions, noise: SimulationNoise, routesFile: String? = nil,
        extraPlaces: [Coordinate] = []
    ) throws(LastMileError) -> DaySimulator {
        let day = try reportingErrors { try store.day(date) }
        let plan: StoredPlan
        if let routesFile {
            plan = try RoutesFile.plan(try InputFile.read(routesFile, what: "routes file"), file: routesFile, day: day)
        } else {
            plan = try storedPlan(date: date)
        }
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

    /// Simulates the active plan of `date` (or the routes of `routesFile`) without disturbances (see
    /// ``daySimulator(date:roads:conditions:noise:routesFile:extraPlaces:)``).
    public func simulate(
        date: String, roads: RoadNetworks, conditions: RoadConditions, noise: SimulationNoise, routesFile: String? = nil
    ) throws(LastMileError) -> SimulationReport {
        try daySimulator(date: date, roads: roads, conditions: conditions, noise: noise, routesFile: routesFile).run()
    }

    /// Simulates the active plan of `date` (or the routes of `routesFile`) on one day disturbed by `generator`
    /// (seeded with `noise.seed`), once keeping the plan and once with the live loop (`reoptimiser`, see
    /// ``SimulationPolicy/liveLoop(_:on:lookaheadSeconds:timeDependent:)``).
    public func simulateDisturbed(
        date: String, roads: RoadNetworks, conditions: RoadConditions, noise: SimulationNoise, generator: DisturbanceGenerator,
        reoptimiser: LiveReoptimiser, routesFile: String? = nil
    ) throws(LastMileError) -> DisturbedDay {
        let simulator = try daySimulator(date: date, roads: roads, conditions: conditions, noise: noise, routesFile: routesFile)
        let disturbances = generator.generate(plan: simulator.plan, day: simulator.day, seed: noise.seed)
        var reports: [SimulationReport] = []
        for policy in [SimulationPolicy.keepingThePlan, .liveLoop(reoptimiser, on: simulator.roads)] {
            reports.append(try simulator.run(disturbances: disturbances, policy: policy))
        }
        return DisturbedDay(disturbances: disturbances, reports: reports)
    }

    /// Writes `reports` as JSON to `path` (one report as an object, several as an array; sorted keys, times in
    /// seconds after midnight).
    ///
    /// - Throws: ``LastMileError`` (bad input) when the file cannot be written.
    public func writeSimulation(_ reports: [SimulationReport], to path: String) throws(LastMileError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            let data = reports.count == 1 ? try encoder.encode(reports[0]) : try encoder.encode(reports)
            try (data + Data("\n".utf8)).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw LastMileError(.badInput, "cannot write the simulation report: \(error.localizedDescription)", at: ErrorLocation(file: path),
                                hint: "give a file in a folder you may write to")
        }
    }
}
