import Foundation
import LastMileTestSupport
import Testing

/// Runs the built `lastmile` binary and checks output and exit codes.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `lastmile` executable in the products folder that holds the test bundle.
    static var binary: URL {
        let bundle = Bundle.main.bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("lastmile") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = SharedData.repositoryRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }

    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("lastmile-cli-\(UUID().uuidString)-\(name)").path
    }

    @Test func importInfoAndSnapTheSampleTown() throws {
        let graph = temporaryPath("town.graph")
        defer { try? FileManager.default.removeItem(atPath: graph) }
        let imported = try run(["import", "maps/sample-town.osm.pbf", "-o", graph])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("strongly connected components"))
        let info = try run(["info", graph])
        #expect(info.status == 0)
        #expect(info.stdout.contains("profile car, projection UTM 32N (EPSG:32632)"))

        let points = temporaryPath("points.csv")
        defer { try? FileManager.default.removeItem(atPath: points) }
        try "id,lat,lon\r\ndepot,47.0,8.001\r\nfar,47.5,8.0\r\n".write(toFile: points, atomically: true, encoding: .utf8)
        let snapped = try run(["snap", "--graph", graph, "--points", points])
        #expect(snapped.status == 3)
        #expect(snapped.stdout.contains("depot,"))
        #expect(snapped.stderr.contains("id 'far'"))
    }

    @Test func badInputsExitNonZeroWithTheReason() throws {
        let noRoads = try run(["import", "fixtures/osm/no-roads.osm", "-o", temporaryPath("x.graph")])
        #expect(noRoads.status == 3)
        #expect(noRoads.stderr.contains("no road"))

        let broken = try run(["import", "fixtures/osm/broken.osm", "-o", temporaryPath("y.graph")])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken.osm, line 6"))

        let notAGraph = try run(["info", "fixtures/osm/oneway.osm"])
        #expect(notAGraph.status == 2)
        #expect(notAGraph.stderr.contains("not a LastMile graph"))

        let badProfile = try run(["import", "maps/sample-town.osm.pbf", "--profile", "hovercraft"])
        #expect(badProfile.status != 0)
        #expect(badProfile.stderr.contains("unknown profile 'hovercraft'"))

        let csv = temporaryPath("bad.csv")
        defer { try? FileManager.default.removeItem(atPath: csv) }
        try "lat,lon\n47.0,8.0\n91,8.0\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let badCSV = try run(["snap", "--graph", "nothing.graph", "--points", csv])
        #expect(badCSV.status != 0)
        #expect(badCSV.stderr.contains("bad.csv:3: lat:"))
    }

    @Test func matrixAndRouteOnTheSampleTown() throws {
        let graph = temporaryPath("town.graph")
        let points = temporaryPath("stops.csv")
        defer {
            try? FileManager.default.removeItem(atPath: graph)
            try? FileManager.default.removeItem(atPath: points)
        }
        #expect(try run(["import", "maps/sample-town.osm.pbf", "-o", graph]).status == 0)
        try "id,lat,lon\na,46.99,7.99\nb,47.01,8.01\nc,47.0,8.02\n".write(toFile: points, atomically: true, encoding: .utf8)

        let matrix = try run(["matrix", "--graph", graph, "--locations", points])
        #expect(matrix.status == 0, "\(matrix.stderr)")
        let table = try #require(try JSONSerialization.jsonObject(with: Data(matrix.stdout.utf8)) as? [String: Any])
        let durations = try #require(table["durations"] as? [[Double]])
        let distances = try #require(table["distances"] as? [[Double]])
        #expect(durations.count == 3 && durations.allSatisfy { $0.count == 3 })
        #expect((0..<3).allSatisfy { durations[$0][$0] == 0 && distances[$0][$0] == 0 })
        #expect(durations[0][1] > 60 && distances[0][1] > 2000)
        let sources = try #require(table["sources"] as? [[String: Any]])
        #expect((sources[0]["location"] as? [Double])?.count == 2)

        let route = try run(["route", "--graph", graph, "--from", "46.99,7.99", "--to", "47.01,8.01", "--via", "47.0,8.02"])
        #expect(route.status == 0, "\(route.stderr)")
        let collection = try #require(try JSONSerialization.jsonObject(with: Data(route.stdout.utf8)) as? [String: Any])
        let features = try #require(collection["features"] as? [[String: Any]])
        #expect(features.count == 4)  // the route and three stops
        let properties = try #require(features[0]["properties"] as? [String: Any])
        let legs = try #require(properties["legs"] as? [[String: Double]])
        #expect(legs.count == 2)
        // The route through c is at least as long as the matrix's direct a → b.
        #expect(try #require(properties["duration"] as? Double) >= durations[0][1])
        #expect(abs(legs[0]["duration"]! - durations[0][2]) < 0.0015)

        let polyline = try run(["route", "--graph", graph, "--from", "46.99,7.99", "--to", "47.01,8.01", "--format", "polyline6"])
        #expect(polyline.stdout.contains("\"geometry\":\""))

        let badPosition = try run(["route", "--graph", graph, "--from", "46.99;7.99", "--to", "47.01,8.01"])
        #expect(badPosition.status != 0)
        #expect(badPosition.stderr.contains("--from '46.99;7.99'"))
    }

    /// `traffic history` writes a stop log that `traffic fit` turns into a profile `matrix --traffic` reads.
    @Test func trafficHistoryAndFit() throws {
        let graph = temporaryPath("town-history.graph")
        let history = temporaryPath("history.csv")
        let profile = temporaryPath("fitted.json")
        let services = temporaryPath("services.csv")
        let points = temporaryPath("fit-points.csv")
        defer { for path in [graph, history, profile, services, points] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(try run(["import", "maps/sample-town.osm.pbf", "-o", graph]).status == 0)
        let generated = try run(["traffic", "history", "--graph", graph, "--traffic", "profiles/traffic-urban-default.csv",
                                 "--days", "6", "--vehicles", "3", "--stops", "10", "--seed", "4", "-o", history])
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(try String(contentsOfFile: history, encoding: .utf8).hasPrefix("day,vehicle,customer,lat,lon,planned_arrival,actual_arrival,actual_departure\n2026-11-02,V1,,"))
        let fit = try run(["traffic", "fit", history, "--graph", graph, "-o", profile, "--service-times", services, "--holdout-days", "2"])
        #expect(fit.status == 0, "\(fit.stderr)")
        #expect(fit.stdout.contains("held out") && fit.stdout.contains("| travel time per leg |"), "\(fit.stdout)")
        #expect(try String(contentsOfFile: services, encoding: .utf8).hasPrefix("customer,service_s,observations\n"))
        try "id,lat,lon\na,46.99,7.99\nb,47.01,8.01\n".write(toFile: points, atomically: true, encoding: .utf8)
        let matrix = try run(["matrix", "--graph", graph, "--locations", points, "--depart", "08:00", "--date", "mon", "--traffic", profile])
        #expect(matrix.status == 0, "\(matrix.stderr)")
    }

    /// `--depart` answers in the traffic slice of the departure: the weekday morning peak is slower than free
    /// flow and than Sunday morning; traffic files with errors name their line.
    @Test func matrixAndRouteAtADepartureTime() throws {
        let graph = temporaryPath("town-traffic.graph")
        let points = temporaryPath("traffic-stops.csv")
        let badProfile = temporaryPath("bad-profile.csv")
        defer { for path in [graph, points, badProfile] { try? FileManager.default.removeItem(atPath: path) } }
        #expect(try run(["import", "maps/sample-town.osm.pbf", "-o", graph]).status == 0)
        try "id,lat,lon\na,46.99,7.99\nb,47.01,8.01\n".write(toFile: points, atomically: true, encoding: .utf8)
        func duration(_ extra: [String]) throws -> Double {
            let matrix = try run(["matrix", "--graph", graph, "--locations", points] + extra)
            #expect(matrix.status == 0, "\(extra): \(matrix.stderr)")
            let table = try #require(try JSONSerialization.jsonObject(with: Data(matrix.stdout.utf8)) as? [String: Any])
            return try #require((table["durations"] as? [[Double]])?[0][1])
        }
        let profile = ["--traffic", "profiles/traffic-urban-default.csv"]
        let free = try duration([])
        let peak = try duration(["--depart", "08:00", "--date", "2026-12-01"] + profile)
        let sunday = try duration(["--depart", "08:00", "--date", "sun"] + profile)
        #expect(peak > free * 1.2 && sunday == free, "free \(free), Tuesday 08:00 \(peak), Sunday 08:00 \(sunday)")
        #expect(try duration(["--depart", "03:00", "--date", "tue"] + profile) == free)

        let route = try run(["route", "--graph", graph, "--from", "46.99,7.99", "--to", "47.01,8.01", "--depart", "08:00", "--date", "tue"] + profile)
        let collection = try #require(try JSONSerialization.jsonObject(with: Data(route.stdout.utf8)) as? [String: Any])
        let properties = try #require((collection["features"] as? [[String: Any]])?.first?["properties"] as? [String: Any])
        #expect(abs(try #require(properties["duration"] as? Double) - peak) < 0.0015)

        try "days,start,end,road,speed_factor\nall,00:00,24:00,all,1\nmon,08:00,09:00,motorway,2.5\n".write(toFile: badProfile, atomically: true, encoding: .utf8)
        let bad = try run(["matrix", "--graph", graph, "--locations", points, "--depart", "08:00", "--date", "mon", "--traffic", badProfile])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("error: \(badProfile):3: speed_factor: speed factor '2.5' is out of range"), "\(bad.stderr)")
        let noDeparture = try run(["matrix", "--graph", graph, "--locations", points, "--traffic", badProfile])
        #expect(noDeparture.status == 64 && noDeparture.stderr.contains("--traffic needs --depart HH:MM"))

        let weather = temporaryPath("weather.geojson")
        defer { try? FileManager.default.removeItem(atPath: weather) }
        func writeWeather(kind: String) throws {
            let area = "{\"type\":\"Polygon\",\"coordinates\":[[[7.9,46.9],[8.1,46.9],[8.1,47.1],[7.9,47.1],[7.9,46.9]]]}"
            try ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":\(area),\"properties\":"
                + "{\"kind\":\"\(kind)\",\"start\":\"2026-12-01T07:00\",\"end\":\"2026-12-01T10:00\"}}]}").write(toFile: weather, atomically: true, encoding: .utf8)
        }
        try writeWeather(kind: "snow")
        let snowy = try duration(["--depart", "08:00", "--date", "2026-12-01", "--weather", weather] + profile)
        #expect(snowy > peak * 1.4, "peak \(peak), with snow \(snowy)")
        try writeWeather(kind: "hail")
        let hail = try run(["matrix", "--graph", graph, "--locations", points, "--depart", "08:00", "--date", "2026-12-01", "--weather", weather])
        #expect(hail.status == 2)
        #expect(hail.stderr.hasPrefix("error: \(weather), features[0]: kind: unknown weather kind 'hail'"), "\(hail.stderr)")

        let day = try run(["traffic", "matrices", "--graph", graph, "--points", points, "--date", "2026-12-01"] + profile)
        #expect(day.status == 0, "\(day.stderr)")
        #expect(day.stdout.contains("\"slices\": 64, \"distinct_matrices\": 9"), "\(day.stdout)")
    }

    @Test func solveBenchmarkAndVroomInstances() throws {
        let vroom = try run(["solve", "fixtures/vroom/small.json", "--iterations", "200", "--check"])
        #expect(vroom.status == 0, "\(vroom.stderr)")
        #expect(vroom.stderr.contains("check passed"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(vroom.stdout.utf8)) as? [String: Any])
        #expect((object["summary"] as? [String: Any])?["unassigned"] as? Int == 2)

        let solomon = try run(["solve", "../shared/benchmarks/solomon/C101.txt", "--iterations", "100", "--objective", "hier", "--threads", "1"])
        #expect(solomon.status == 0)
        #expect(solomon.stdout.contains("Route #1: "))
        #expect(solomon.stdout.contains("Vehicles 10"))
        // One route goes, and the phase ends at C101's capacity bound (1,810 units of demand, vehicles of 200)
        // rather than at its 40 % of the 100 iterations.
        #expect(solomon.stderr.contains("\nfleet minimisation: 11 → 10 routes in 6 iterations, the last removal at "), "\(solomon.stderr)")
        #expect(solomon.stderr.contains("\nannealing: 94 candidates, "), "\(solomon.stderr)")

        let unsupported = try run(["solve", "fixtures/vroom/unsupported-setup.json", "--iterations", "10"])
        #expect(unsupported.status != 0)
        #expect(unsupported.stderr.contains("'setup'"))
        let noBudget = try run(["solve", "fixtures/vroom/small.json"])
        #expect(noBudget.status != 0)
        #expect(noBudget.stderr.contains("--time-limit"))
    }

    /// The README's main command, end to end: input files, database, plan, independent check, outputs; then
    /// `plan` again on its database (version 2) and `load` refusing a bad file with exit code 2.
    @Test func demoPlansTheSampleTownDay() throws {
        let folder = temporaryPath("demo")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let demo = try run(["demo", "--output", folder, "--orders", "120", "--iterations", "3000"])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("independent check passed"))
        #expect(demo.stdout.contains("120 of 120 served"))
        #expect(demo.stdout.contains("stored as version 1 of 2026-11-23"))
        for file in ["map.html", "plan.geojson", "kpis.json", "unassigned.csv", "manifests/index.html", "input/orders.csv", "lastmile.sqlite"] {
            #expect(FileManager.default.fileExists(atPath: "\(folder)/\(file)"), "\(file)")
        }
        let kpis = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/kpis.json"))) as? [String: Any])
        #expect(kpis["served"] as? Int == 120 && kpis["on_time_percent"] as? Double == 100)

        let again = try run(["plan", "--date", "2026-11-23", "--db", "\(folder)/lastmile.sqlite", "--output", "\(folder)/again",
                             "--iterations", "500", "--threads", "1"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("stored as version 2 of 2026-11-23"))
        let empty = try run(["plan", "--date", "2030-01-01", "--db", "\(folder)/lastmile.sqlite", "--iterations", "10"])
        #expect(empty.status == 2)
        #expect(empty.stderr.hasPrefix("error: \(folder)/lastmile.sqlite: no orders for 2030-01-01 in the database"))

        // An order 450 km from every depot loads, with a warning naming it.
        let far = temporaryPath("far.csv")
        defer { try? FileManager.default.removeItem(atPath: far) }
        try ("id,date,lat,lon,items,weight_kg,volume_litres,window_start,window_end\n"
            + "FAR-1,2026-11-23,51.0,9.0,GROC-02:1,1,1,12:00,14:00\n").write(toFile: far, atomically: true, encoding: .utf8)
        let farLoad = try run(["load", "orders", far, "--db", "\(folder)/lastmile.sqlite"])
        #expect(farLoad.status == 0 && farLoad.stdout.contains("(1 new, 0 updated)"), "\(farLoad.stderr)")
        #expect(farLoad.stderr.hasPrefix("warning: order FAR-1 is 44"))

        let bad = try run(["load", "orders", "fixtures/dispatch/orders-bad.csv", "--db", "\(folder)/lastmile.sqlite"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("orders-bad.csv:7: priority") && bad.stderr.contains("hint: nothing was stored; fix these rows, or pass --skip-invalid"))
    }
}
