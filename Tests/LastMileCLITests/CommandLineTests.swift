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
        #expect(badCSV.stderr.contains("line 3"))
    }
}
