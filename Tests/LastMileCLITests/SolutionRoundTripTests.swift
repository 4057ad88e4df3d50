import Foundation
import LastMileTestSupport
import Testing

/// `lastmile solve INSTANCE -o FILE` then `lastmile check INSTANCE FILE`, one instance per shipped family: the
/// checker reads what the solver writes (route #k driven by vehicle k, VROOM's JSON for VROOM input) and
/// recomputes the cost the solver reported.
@Suite struct SolutionRoundTripTests {
    let cli = CommandLineTests()

    /// The value after `label` on the first line that contains it.
    func value(after label: String, in text: String) -> String? {
        for line in text.split(separator: "\n") {
            if let found = line.range(of: label) { return line[found.upperBound...].split(separator: " ").first.map(String.init) }
        }
        return nil
    }

    @Test(arguments: [
        "../shared/benchmarks/solomon/RC101.txt",
        "../shared/benchmarks/homberger/solomon_format/C1_2_1.txt",
        "../shared/benchmarks/cvrp_x/X-n101-k25.vrp",
        "../shared/benchmarks/mdvrp_cordeau/p01",
        "../shared/benchmarks/mdvrptw_vidal/PR11A.vrp",
        "fixtures/vroom/mixed-fleet.json",
    ])
    func solveThenCheck(instance: String) throws {
        let solution = cli.temporaryPath("round-trip.sol")
        defer { try? FileManager.default.removeItem(atPath: solution) }
        let solved = try cli.run(["solve", instance, "--iterations", "100", "--threads", "1", "--check", "-o", solution])
        #expect(solved.status == 0, "\(solved.stderr)")
        let claimed = try #require(value(after: "cost recomputed ", in: solved.stderr), "\(solved.stderr)")
        let checked = try cli.run(["check", instance, solution])
        #expect(checked.status == 0, "\(instance): \(checked.stderr)")
        #expect(value(after: "Cost ", in: checked.stdout) == claimed, "\(instance): \(checked.stdout)")
        if !instance.hasSuffix(".json") {
            let written = try String(contentsOfFile: solution, encoding: .utf8)
            #expect(value(after: "Cost ", in: written) == claimed)
        }
    }
}
