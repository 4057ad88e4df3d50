import Foundation
import LastMileCore
import LastMileDomain
import LastMileSampleTown
import LastMileService
import LastMileStore
import LastMileTestSupport
import Testing

/// Planning a day in traffic through the service: the traffic-aware plan drives slower than the blind one and
/// passes the checker, a stored profile is the default of `plan`, and the shipped profile is the one in
/// `profiles/`.
@Suite(.serialized) struct PlanningTrafficTests {
    static let date = "2026-11-23"  // a Monday: weekday peaks

    static func service(orders: Int) throws -> LastMileService {
        let store = try Store()
        for (kind, csv) in SampleDay.files(date: date, orderCount: orders, seed: 3) {
            _ = try store.importFile(DispatchFile(rawValue: kind)!, data: Data(csv.utf8), file: "\(kind).csv")
        }
        return LastMileService(store: store)
    }

    static func settings(_ traffic: PlanningTraffic) -> PlanningSettings {
        PlanningSettings(seed: 4, timeLimit: 60, iterations: 400, threads: 1, traffic: traffic)
    }

    /// Driving seconds per metre over the plan's runs.
    static func secondsPerMetre(_ plan: DayPlan) -> Double {
        Double(plan.runs.reduce(0) { $0 + $1.driveSeconds }) / Double(plan.runs.reduce(0) { $0 + $1.metres })
    }

    /// Each run's stops with their arrival times.
    static func timetable(_ plan: DayPlan) -> [[String]] {
        plan.runs.map { run in run.stops.map { "\($0.orderID) \($0.arrival)" } }
    }

    @Test func theTrafficAwarePlanDrivesSlowerAndPassesTheChecker() throws {
        let service = try Self.service(orders: 40)
        let roads = try RoadNetworks.sampleTown()
        let blind = try service.plan(date: Self.date, roads: roads, settings: Self.settings(.blind)).plan
        let aware = try service.plan(date: Self.date, roads: roads, settings: Self.settings(PlanningTraffic(profile: .given(ShippedTrafficProfile.profile)))).plan
        #expect(blind.checked && aware.checked)
        #expect(!aware.runs.isEmpty)
        // Every daytime slice of the shipped profile is below free flow: the same metres take longer.
        #expect(Self.secondsPerMetre(aware) > Self.secondsPerMetre(blind) * 1.05, "\(Self.secondsPerMetre(aware)) vs \(Self.secondsPerMetre(blind))")
    }

    @Test func aStoredProfileIsTheDefaultOfPlanning() throws {
        let service = try Self.service(orders: 25)
        #expect(try service.storedTrafficProfile() == nil)
        #expect(try service.loadTrafficProfile(file: ShippedTrafficProfile.keyword) == ShippedTrafficProfile.name)
        #expect(try service.storedTrafficProfile() == ShippedTrafficProfile.profile)
        let roads = try RoadNetworks.sampleTown()
        let stored = try service.plan(date: Self.date, roads: roads, settings: Self.settings(.stored)).plan
        let given = try service.plan(date: Self.date, roads: roads, settings: Self.settings(PlanningTraffic(profile: .given(ShippedTrafficProfile.profile)))).plan
        let blind = try service.plan(date: Self.date, roads: roads, settings: Self.settings(.blind)).plan
        #expect(Self.timetable(stored) == Self.timetable(given))
        #expect(Self.timetable(stored) != Self.timetable(blind))
    }

    @Test func aBadProfileIsRefusedWithItsLineAndNothingIsStored() throws {
        let service = try Self.service(orders: 5)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lastmile-bad-traffic-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try "days,start,end,road,speed_factor\nweekdays,07:00,09:00,boulevard,0.5\n".write(to: file, atomically: true, encoding: .utf8)
        let error = try #require(throws: LastMileError.self) { try service.loadTrafficProfile(file: file.path) }
        #expect(error.location?.line == 2)
        #expect(try service.storedTrafficProfile() == nil)
    }

    /// The stored profile survives reopening the file (migration v4 on disk) and the next load replaces it.
    @Test func theStoredProfileIsKeptOnDiskAndReplaced() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lastmile-traffic-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let first = StoredTrafficProfile(name: "a", format: "csv", text: ShippedTrafficProfile.csv)
        try Store(path: path).storeTrafficProfile(first)
        #expect(try Store(path: path, create: false).trafficProfile() == first)
        let second = StoredTrafficProfile(name: "b", format: "json", text: "{}")
        try Store(path: path, create: false).storeTrafficProfile(second)
        #expect(try Store(path: path, create: false).trafficProfile() == second)
    }

    @Test func theShippedProfileIsTheOneInProfiles() throws {
        let file = SharedData.repositoryRoot.appendingPathComponent("profiles/traffic-urban-default.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.trimmingCharacters(in: .newlines) == ShippedTrafficProfile.csv.trimmingCharacters(in: .newlines))
    }
}
