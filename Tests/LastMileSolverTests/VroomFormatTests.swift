import LastMileCore
import Foundation
import LastMileModel
import LastMileTestSupport
import Testing

@testable import LastMileSolver

@Suite struct VroomFormatTests {
    static func input(_ name: String) throws -> VroomFormat.Input {
        try VroomFormat.read(try Data(contentsOf: SharedData.fixture("vroom/\(name)")), name: name)
    }

    /// Skills, an open route and a job no vehicle can serve, solved and written in VROOM's shape, compared with
    /// the golden file (`RECORD_SNAPSHOTS=1` re-records it and fails once).
    @Test func smallProblemMatchesGoldenSolution() throws {
        let input = try Self.input("small.json")
        #expect(input.problem.jobs.count == 8 && input.problem.vehicles.count == 2)
        #expect(input.problem.locationCount == 8)  // seven locations and the virtual end of the open route
        let result = Solver.solve(input.problem, configuration: SolverConfiguration(seed: 1, iterations: 500))
        let report = PlanChecker.check(result.solution, for: input.problem)
        #expect(report.isFeasible, "\(report.violations)")
        // Job 8 needs skill 3, which no vehicle has; job 7 (5 units) exceeds every capacity.
        #expect(result.solution.unassigned.map { input.jobIDs[$0.position] } == [7, 8])
        let output = VroomFormat.write(result.solution, for: input)
        try Golden.assertMatches(output, file: "solutions/vroom-small.solution.json")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let unassigned = try #require(parsed["unassigned"] as? [[String: Any]])
        #expect((unassigned.first?["reason"] as? String)?.contains("capacity") == true)
    }

    @Test func unsupportedAndBrokenInputIsRefusedClearly() throws {
        #expect { try Self.input("unsupported-setup.json") } throws: { "\($0)".contains("job 1 (jobs[0]): 'setup' times are not supported") }
        #expect { try Self.input("bad-location.json") } throws: { "\($0)".contains("job 9 (jobs[0]): location_index 5 is outside the 2×2 matrix") }
        let broken = Data(#"{"vehicles": [{"id": "one"}], "matrix": [[0]]}"#.utf8)
        #expect { try VroomFormat.read(broken, name: "broken.json") } throws: { "\($0)".contains(".vehicles[0].id") }
    }
}
