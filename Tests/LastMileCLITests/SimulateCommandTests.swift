import Foundation
import LastMileTestSupport
import Testing

/// `lastmile simulate` on the demo day: the table people read (golden files) for a day under the default
/// traffic with noise and for a disturbed day, the JSON report, and the error exits.
@Suite struct SimulateCommandTests {
    let cli = CommandLineTests()
    let errors = ErrorExitTests()

    @Test func simulatesTheDemoDayAndWritesTheReport() throws {
        let folder = cli.temporaryPath("simulate")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let demo = try cli.run(["demo", "--output", folder, "--orders", "40", "--iterations", "800", "--threads", "1"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let db = "\(folder)/lastmile.sqlite", report = "\(folder)/simulation.json"
        let day = ["simulate", "--date", "2026-11-23", "--db", db, "--map", "\(folder)/sample-town.osm.pbf", "--traffic", "default"]

        let simulated = try cli.run(day + ["--noise", "0.1", "--seed", "4", "--output", report])
        #expect(simulated.status == 0, "\(simulated.stderr)")
        #expect(simulated.stdout.hasSuffix("report: \(report)\n"))
        try Golden.assertMatches(String(simulated.stdout.dropLast("report: \(report)\n".count)), file: "simulation/demo-day.txt")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
        let runs = try #require(json["runs"] as? [[String: Any]])
        let visits = runs.flatMap { $0["visits"] as? [[String: Any]] ?? [] }
        let total = try #require(json["total"] as? [String: Any])
        #expect(visits.count == total["stopsServed"] as? Int && json["policy"] as? String == "static" && json["seed"] as? Int == 4)

        let disturbed = try cli.run(day + ["--noise", "0.1", "--seed", "4", "--disturbances", "--absent-percent", "10", "--new-order-percent", "10"])
        #expect(disturbed.status == 0, "\(disturbed.stderr)")
        try Golden.assertMatches(disturbed.stdout, file: "simulation/demo-day-disturbed.txt")

        try errors.expectFailure(["simulate", "--date", "2030-01-01", "--db", db], exit: 2,
                                 firstLine: "error: \(db): no active plan for 2030-01-01 in the database")
        try errors.expectFailure(day + ["--noise", "2"], exit: 64, firstLine: "Error: --noise must lie between 0 and 1, e.g. 0.1")
        try errors.expectFailure(["simulate", "--date", "2026-11-23", "--db", db, "--map", "missing.osm.pbf"], exit: 2,
                                 firstLine: "error: missing.osm.pbf: map not found")
    }
}
