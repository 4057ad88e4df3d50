import Foundation
import LastMileCore
import LastMileDomain
import LastMileOSM
import LastMileSampleTown

/// The demo: a realistic day of the sample town (or laid over another map) written as input files into a
/// folder, loaded into a fresh database there, and planned. Works from any directory: without a map it
/// generates the sample town itself.
public struct DemoDay: Sendable {
    /// The folder for inputs, database and outputs.
    public var folder: String
    public var date: String
    public var orderCount: Int
    /// The map; `nil` for the generated sample town (written into the folder).
    public var map: String?
    /// Where the day lies: the sample town's layout, or centred elsewhere (with `map`).
    public var area: SampleDay.Area
    public var settings: PlanningSettings

    public init(folder: String, date: String, orderCount: Int, map: String?, area: SampleDay.Area, settings: PlanningSettings) {
        self.folder = folder
        self.date = date
        self.orderCount = orderCount
        self.map = map
        self.area = area
        self.settings = settings
    }

    /// The database the demo creates in its folder.
    public var databasePath: String { URL(fileURLWithPath: folder).appendingPathComponent("lastmile.sqlite").path }

    /// The map the day is planned on: `map`, or the sample town the demo writes into its folder.
    public var mapPath: String { map ?? URL(fileURLWithPath: folder).appendingPathComponent("sample-town.osm.pbf").path }

    /// A new dispatcher key for the planned day's busiest depot (the most runs; ties by id), for
    /// `lastmile demo --serve` to print with the console's address.
    public func dispatcherKey(for outcome: PlanningOutcome) throws(LastMileError) -> (depotID: String, token: String) {
        let runs = Dictionary(outcome.plan.runs.map { ($0.depotID, 1) }, uniquingKeysWith: +)
        guard let depot = runs.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).first?.key else {
            throw LastMileError(.badInput, "the demo day has no runs to show", hint: "give more orders or a longer --time-limit")
        }
        let service = try LastMileService.build(.init(databasePath: databasePath, createsDatabase: false))
        return (depot, try service.createAPIKey(role: .dispatcher(depotID: depot)).token)
    }

    /// Writes the inputs, loads them into a new database (an earlier demo's is replaced), reads the roads and
    /// plans the day.
    ///
    /// - Throws: ``LastMileError`` for bad settings, an unusable folder or map.
    public func run(events: @escaping @Sendable (ServiceEvent) -> Void = { _ in }) throws(LastMileError) -> PlanningOutcome {
        guard orderCount >= 1 else { throw LastMileError(.usage, "the number of orders must be positive", at: ErrorLocation(field: "orders")) }
        _ = try settings.solverConfiguration()
        let root = URL(fileURLWithPath: folder)
        let input = root.appendingPathComponent("input")
        do {
            try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) }
            if map == nil {
                try PBFWriter.write(SampleTown.generate(seed: 1), to: URL(fileURLWithPath: mapPath))
                events(.inputWritten(path: mapPath))
            }
        } catch {
            throw LastMileError(.badInput, "cannot write into the demo folder: \(error)", at: ErrorLocation(file: folder),
                                hint: "give an output folder you may write to")
        }
        let service = try LastMileService.build(.init(databasePath: databasePath, createsDatabase: true))
        for (kind, csv) in SampleDay.files(date: date, orderCount: orderCount, seed: settings.seed, area: area) {
            let path = input.appendingPathComponent("\(kind).csv").path
            do { try csv.write(toFile: path, atomically: true, encoding: .utf8) } catch {
                throw LastMileError(.badInput, "cannot write the input file: \(error)", at: ErrorLocation(file: path))
            }
            events(.inputWritten(path: path))
            guard let file = DispatchFile(rawValue: kind) else { throw LastMileError(.internal, "the sample day wrote an unknown file kind \(kind)") }
            let outcome = try service.load(.records(file), file: path)
            events(.loaded(kind: kind, file: path, inserted: outcome.inserted, updated: outcome.updated))
        }
        let roads = try RoadNetworks.load(map: mapPath)
        return try service.planDay(date: date, roads: roads, output: folder, settings: settings, events: events)
    }
}
