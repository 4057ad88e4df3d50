import Foundation
import LastMileTestSupport
import Testing

/// Every command's error paths: the exact exit code and the first line of standard error (the README's table:
/// 1 a check failed, 2 bad input, 3 routing data, 64 wrong arguments with the usage banner).
@Suite struct ErrorExitTests {
    let cli = CommandLineTests()

    /// Runs `arguments` and checks the exit code and stderr's first line.
    func expectFailure(_ arguments: [String], exit: Int32, firstLine: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let run = try cli.run(arguments)
        let first = run.stderr.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        #expect(run.status == exit, "\(arguments): \(run.stderr)", sourceLocation: sourceLocation)
        #expect(first == firstLine, "\(arguments)", sourceLocation: sourceLocation)
    }

    @Test func missingFiles() throws {
        try expectFailure(["load", "orders", "missing.csv", "--db", cli.temporaryPath("db.sqlite")], exit: 2,
                          firstLine: "error: missing.csv: orders file not found")
        try expectFailure(["plan", "--date", "2026-11-23", "--db", "missing.sqlite"], exit: 2,
                          firstLine: "error: missing.sqlite: database not found")
        try expectFailure(["plan", "--date", "2026-11-23", "--db", "README.md"], exit: 2,
                          firstLine: "error: README.md: cannot use the database: file is not a database")
        try expectFailure(["demo", "--map", "missing.osm.pbf", "--output", cli.temporaryPath("demo")], exit: 2,
                          firstLine: "error: missing.osm.pbf: map not found")
        try expectFailure(["snap", "--graph", "missing.graph", "--points", "missing.csv"], exit: 2,
                          firstLine: "error: missing.csv: points file not found")
        try expectFailure(["matrix", "--graph", "missing.graph", "--locations", "missing.csv"], exit: 2,
                          firstLine: "error: missing.csv: points file not found")
        try expectFailure(["solve", "missing.json", "--iterations", "10"], exit: 2, firstLine: "error: missing.json: instance not found")
        try expectFailure(["check", "missing.json", "missing.sol"], exit: 2, firstLine: "error: missing.json: instance not found")
        try expectFailure(["info", "missing.graph"], exit: 2, firstLine: "error: missing.graph: graph file not found")
        try expectFailure(["route", "--graph", "missing.graph", "--from", "47,8", "--to", "47,8.01"], exit: 2,
                          firstLine: "error: missing.graph: graph file not found")
        try expectFailure(["import", "maps/sample-town.osm.pbf", "--profile", "missing.json", "-o", cli.temporaryPath("x.graph")], exit: 2,
                          firstLine: "error: missing.json: profile file not found")
        // A load that fails on its input leaves no new, empty database behind.
        let database = cli.temporaryPath("never.sqlite")
        try expectFailure(["load", "depots", "missing.csv", "--db", database], exit: 2, firstLine: "error: missing.csv: depots file not found")
        #expect(!FileManager.default.fileExists(atPath: database))
        let imported = try cli.run(["import", "missing.osm.pbf", "-o", cli.temporaryPath("x.graph")])
        #expect(imported.status == 2 && imported.stderr.hasPrefix("error: "), "\(imported.stderr)")
    }

    @Test func unreadableFiles() throws {
        try expectFailure(["load", "orders", "fixtures", "--db", cli.temporaryPath("db.sqlite")], exit: 2,
                          firstLine: "error: fixtures: cannot read the orders file")
        try expectFailure(["info", "fixtures/osm/oneway.osm"], exit: 2,
                          firstLine: "error: fixtures/osm/oneway.osm: not a LastMile graph file (no LMGRAPH header)")
        try expectFailure(["info", "fixtures"], exit: 2, firstLine: "error: fixtures: is a folder, not a graph file")
    }

    @Test func badRows() throws {
        let db = cli.temporaryPath("db.sqlite")
        defer { try? FileManager.default.removeItem(atPath: db) }
        try expectFailure(["load", "orders", "fixtures/dispatch/orders-bad.csv", "--db", db], exit: 2,
                          firstLine: "error: fixtures/dispatch/orders-bad.csv:3: window_end: 09:00 is not after window_start 10:00 "
                              + "(8 problems in 5 rows)")
        let points = cli.temporaryPath("points.csv")
        defer { try? FileManager.default.removeItem(atPath: points) }
        try "lat,lon\n47.0,8.0\n91,8.0\n".write(toFile: points, atomically: true, encoding: .utf8)
        try expectFailure(["snap", "--graph", "missing.graph", "--points", points], exit: 2,
                          firstLine: "error: \(points):3: lat: '91' is not a number in -90.0...90.0 (use a dot for decimals)")
    }

    @Test func wrongGraphVersion() throws {
        let graph = cli.temporaryPath("old.graph")
        defer { try? FileManager.default.removeItem(atPath: graph) }
        var bytes = Array("LMGRAPH\0".utf8) + [1, 0, 0, 0]  // format version 1
        bytes += [UInt8](repeating: 0, count: 20)
        try Data(bytes).write(to: URL(fileURLWithPath: graph))
        try expectFailure(["info", graph], exit: 2,
                          firstLine: "error: \(graph): graph file of format version 1; this lastmile reads version 3 "
                              + "(older files lack the OSM way id of each arc, which traffic overrides and closures need)")
        let hint = try cli.run(["info", graph]).stderr
        #expect(hint.contains("hint: re-create it from its OSM extract with `lastmile import MAP.osm.pbf -o \(graph)`"))
    }

    @Test func pointsFarFromRoads() throws {
        let graph = cli.temporaryPath("town.graph")
        defer { try? FileManager.default.removeItem(atPath: graph) }
        #expect(try cli.run(["import", "maps/sample-town.osm.pbf", "-o", graph]).status == 0)
        try expectFailure(["route", "--graph", graph, "--from", "47.0,8.001", "--to", "47.5,8.0"], exit: 3,
                          firstLine: "error: --to 47.5,8.0 at (47.5000000, 8.0000000) is more than 500 m from every road of the graph; "
                              + "check its coordinates (lat,lon order?) or raise the snapping radius")
        let points = cli.temporaryPath("far.csv")
        defer { try? FileManager.default.removeItem(atPath: points) }
        try "id,lat,lon\nfar,47.5,8.0\n".write(toFile: points, atomically: true, encoding: .utf8)
        try expectFailure(["matrix", "--graph", graph, "--locations", points], exit: 3,
                          firstLine: "error: id 'far' (\(points):2) at (47.5000000, 8.0000000) is more than 500 m from every road "
                              + "of the graph; check its coordinates (lat,lon order?) or raise the snapping radius")
        try expectFailure(["snap", "--graph", graph, "--points", points], exit: 3,
                          firstLine: "error: id 'far' (\(points):2) at (47.5000000, 8.0000000) is more than 500 m from every road "
                              + "of the graph; check its coordinates (lat,lon order?) or raise the snapping radius")
    }

    @Test func aDepotFarFromTheRoadsIsRoutingData() throws {
        let folder = cli.temporaryPath("far-depot")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try cli.run(["demo", "--output", folder, "--orders", "10", "--iterations", "20", "--threads", "1"]).status == 0)
        let depots = "\(folder)/far-depot.csv"
        try "id,name,kind,lat,lon,opens,closes\nDS-CENTRAL,Dark store Central,dark_store,48.0,9.0,07:00,23:00\n"
            .write(toFile: depots, atomically: true, encoding: .utf8)
        #expect(try cli.run(["load", "depots", depots, "--db", "\(folder)/lastmile.sqlite"]).status == 0)
        try expectFailure(["plan", "--date", "2026-11-23", "--db", "\(folder)/lastmile.sqlite", "--iterations", "10", "--output", "\(folder)/out"],
                          exit: 3, firstLine: "error: id DS-CENTRAL: the depot is more than 500 m from every drivable road of the map")
    }

    @Test func wrongArgumentsPrintTheUsage() throws {
        let unknownKind = try cli.run(["load", "order", "orders.csv"])
        #expect(unknownKind.status == 64)
        #expect(unknownKind.stderr.hasPrefix("Error: unknown kind 'order': use one of depots, vehicle-types, fleet, carriers, orders, rate-cards, vroom"))
        #expect(unknownKind.stderr.contains("Usage: lastmile load"))
        let badLimit = try cli.run(["plan", "--date", "2026-11-23", "--db", "x.sqlite", "--time-limit", "0"])
        #expect(badLimit.status == 64 && badLimit.stderr.hasPrefix("Error: --time-limit: the time limit must be positive"), "\(badLimit.stderr)")
        #expect(badLimit.stderr.contains("Usage: lastmile plan"))
        let notAPosition = try cli.run(["route", "--graph", "x.graph", "--from", "47.0", "--to", "47.5,8.0"])
        #expect(notAPosition.status == 64)
        #expect(notAPosition.stderr.hasPrefix("Error: --from '47.0' is not a position: write lat,lon in degrees, e.g. 41.1496,-8.6109"))
        #expect(notAPosition.stderr.contains("Usage: lastmile route"))
        try expectFailure(["generate-sample-town", "-o", "/nonexistent/folder/town.osm.pbf"], exit: 2,
                          firstLine: "error: /nonexistent/folder/town.osm.pbf: cannot write the file (The operation could not be "
                              + "completed. The file doesn’t exist.)")
        let chains = try cli.run(["solve", "../shared/benchmarks/solomon/R101.txt", "--iterations", "50", "--threads", "2"])
        #expect(chains.status == 0 && chains.stderr.hasPrefix("100 iterations over 2 chains of 50 each in "), "\(chains.stderr)")
        #expect(chains.stderr.contains("\nannealing: 100 candidates, "), "\(chains.stderr)")
        let version = try cli.run(["--version"])
        #expect(version.status == 0 && version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test func anInfeasibleSolutionFailsTheCheck() throws {
        let solution = cli.temporaryPath("bad.sol")
        defer { try? FileManager.default.removeItem(atPath: solution) }
        // Every customer on one truck: far beyond its capacity.
        try ("Route #1: " + (1...100).map(String.init).joined(separator: " ") + "\nCost 0\n").write(toFile: solution, atomically: true, encoding: .utf8)
        let check = try cli.run(["check", "../shared/benchmarks/cvrp_x/X-n101-k25.vrp", solution])
        #expect(check.status == 1)
        #expect(check.stderr.hasPrefix("error: \(solution): the solution is infeasible"), "\(check.stderr)")
    }

    @Test func aVroomSolutionNamingAnUnknownVehicleIsBadInput() throws {
        let solution = cli.temporaryPath("bad-vehicle.json")
        defer { try? FileManager.default.removeItem(atPath: solution) }
        try #"{"routes": [{"vehicle": 99, "steps": [{"type": "job", "id": 1}]}]}"#.write(toFile: solution, atomically: true, encoding: .utf8)
        try expectFailure(["check", "fixtures/vroom/small.json", solution], exit: 2, firstLine: "error: \(solution): vehicle 99 is not in the problem")
    }
}
