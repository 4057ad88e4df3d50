import Foundation
import LastMileTestSupport
import Testing

/// `lastmile report` and `lastmile report compare` on a small demo day, and `lastmile load rate-cards` with a
/// bad card: the exact exit codes and first lines.
@Suite struct ReportCommandTests {
    let cli = CommandLineTests()
    let errors = ErrorExitTests()

    @Test func reportsAndComparesTheDemoDay() throws {
        let folder = cli.temporaryPath("report")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let demo = try cli.run(["demo", "--output", folder, "--orders", "40", "--iterations", "800", "--threads", "1"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let db = "\(folder)/lastmile.sqlite"

        let table = try cli.run(["report", "2026-11-23", "--db", db])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("# 2026-11-23 version 1: cost and CO2e report\nrow "))
        #expect(table.stdout.contains("\ncarrier citylog ") && table.stdout.contains("\ncarrier velo ") && table.stdout.contains("\ntotal "))
        for format in ["csv", "json", "html"] {
            let path = "\(folder)/report.\(format)"
            let written = try cli.run(["report", "show", "2026-11-23", "--db", db, "--format", format, "--output", path])
            #expect(written.status == 0 && written.stdout == "report: \(path)\n", "\(written.stderr)")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(!text.isEmpty, "\(format)")
        }
        let velo = try cli.run(["report", "2026-11-23", "--db", db, "--carrier", "velo", "--format", "csv"])
        #expect(velo.status == 0 && !velo.stdout.contains("citylog"), "\(velo.stdout)")

        let compared = try cli.run(["report", "compare", "--date", "2026-11-23", "--db", db, "--map", "\(folder)/sample-town.osm.pbf",
                                    "--carriers", "citylog,velo", "--iterations", "200", "--threads", "1"])
        #expect(compared.status == 0, "\(compared.stderr)")
        let rows = compared.stdout.split(separator: "\n").dropFirst(2)
        #expect(rows.count == 7, "\(compared.stdout)")  // 2 carriers × (plan, fuel, volume) + mixed
        #expect(rows.allSatisfy { $0.contains(" yes ") }, "every compared plan passes the checker")
        #expect(compared.stdout.contains("cheapest") && compared.stdout.contains("greenest"))

        try errors.expectFailure(["report", "1999-01-01", "--db", db], exit: 2, firstLine: "error: \(db): no active plan for 1999-01-01 in the database")
        try errors.expectFailure(["report", "compare", "--date", "2026-11-23", "--db", db, "--carriers", "acme", "--iterations", "10"], exit: 2,
                                 firstLine: "error: \(db): carrier 'acme' is not in the database")
        try errors.expectFailure(["report", "2026-11-23", "--db", db, "--format", "pdf"], exit: 64,
                                 firstLine: "Error: --format must be one of table, csv, json, html")

        let bad = "\(folder)/bad-cards.csv"
        try "carrier,item,price,from_km,to_km\nvelo,distance_band,1.00,0,4\nvelo,distance_band,1.00,3,6\n".write(toFile: bad, atomically: true, encoding: .utf8)
        try errors.expectFailure(["load", "rate-cards", bad, "--db", db], exit: 2,
                                 firstLine: "error: \(bad):3: from_km: the band 3–6 km overlaps the band 0–4 km on line 2 for carrier velo, every vehicle type")
    }
}
