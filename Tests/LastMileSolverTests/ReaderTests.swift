import LastMileCore
import Foundation
import LastMileModel
import LastMileTestSupport
import Testing

@testable import LastMileSolver

@Suite struct ReaderTests {
    @Test func solomonFollowsTheHarnessConventions() throws {
        let problem = try SolomonReader.read(try SharedData.shared("benchmarks/solomon/C101.txt"), objective: .distance)
        #expect(problem.jobs.count == 100 && problem.vehicles.count == 25)
        #expect(problem.vehicles[0].capacity == [200])
        // Customer 1: (45, 68), window [912, 967], service 90; the depot is (40, 50), horizon 1236.
        #expect(problem.jobs[0].windows == [TimeWindow(earliest: 912_000, latest: 967_000)])
        #expect(problem.jobs[0].service == 90_000)
        #expect(problem.vehicles[0].shift.latest == 1_236_000)
        // d = √(25 + 324) = 18.6815…: cost round(18681.5…) and time ceil(18681.5… − 1e-6).
        #expect(problem.distance(0, 1) == 18_682)
        #expect(problem.time(0, 1) == 18_682)
        let hierarchical = try SolomonReader.read(try SharedData.shared("benchmarks/solomon/C101.txt"), objective: .hierarchical)
        #expect(hierarchical.vehicles[0].fixedCost > 1_000_000)
    }

    @Test func cvrplibFleetAndRounding() throws {
        let problem = try VRPLIBReader.read(try SharedData.shared("benchmarks/cvrp_x/X-n101-k25.vrp"))
        #expect(problem.jobs.count == 100)
        #expect(problem.jobs[0].id == "1")  // node 2 in the file, as CVRPLIB .sol files number it
        let total = problem.jobs.reduce(0) { $0 + $1.demand[0] }
        let lowerBound = Int((total + 205) / 206)
        #expect(problem.vehicles.count == max(lowerBound + 5, Int((1.3 * Double(lowerBound)).rounded(.up))))
    }

    @Test func cordeauMultiDepot() throws {
        let url = try SharedData.shared("benchmarks/mdvrp_cordeau/p01")
        #expect(CordeauReader.looksLikeCordeau(url))
        let problem = try CordeauReader.read(url)
        #expect(problem.jobs.count == 50)
        #expect(problem.vehicles.count == 16)  // 4 depots × 4 vehicles
        #expect(Set(problem.vehicles.map(\.startLocation)) == [50, 51, 52, 53])
        #expect(problem.vehicles.allSatisfy { $0.capacity == [80] && $0.startLocation == $0.endLocation })
        let result = Solver.solve(problem, configuration: SolverConfiguration(seed: 1, iterations: 300))
        #expect(PlanChecker.check(result.solution, for: problem).isFeasible)
        #expect(result.solution.unassigned.isEmpty)
        // A duration limit becomes the shift: p08 allows 310 per route.
        let limited = try CordeauReader.read(try SharedData.shared("benchmarks/mdvrp_cordeau/p08"))
        #expect(limited.vehicles[0].shift == TimeWindow(earliest: 0, latest: 310_000))
        #expect { try CordeauReader.read(text: "3 1 1 1\n0 10\n", name: "x") } throws: { "\($0)".contains("not 2 (MDVRP)") }
    }

    @Test func mdvrptwDialect() throws {
        let problem = try VRPLIBReader.read(try SharedData.shared("benchmarks/mdvrptw_vidal/PR11A.vrp"))
        #expect(problem.vehicles.count == 40)
        #expect(Set(problem.vehicles.map(\.startLocation)) == [0, 1, 2, 3])
        #expect(problem.vehicles[0].maxDuration == 450_000)
        #expect(problem.jobs.count == 360)
        #expect(problem.jobs[0].id == "4")  // node 5, the first customer, as the .sol files number it
        #expect(problem.costScale == 1000)
    }

    @Test func badSolomonRowsNameTheLine() {
        let text = "bad\nVEHICLE\nNUMBER CAPACITY\n 2 10\nCUSTOMER\n0 0 0 0 0 100 0\n1 1 1 1 50 40 0\n"
        #expect {
            try SolomonReader.read(text: text, name: "bad.txt", objective: .distance)
        } throws: { error in
            let message = "\(error)"
            return message.contains("bad.txt, line 7") && message.contains("READY TIME")
        }
        let short = "bad\nVEHICLE\nNUMBER CAPACITY\n 2 10\nCUSTOMER\n0 0 0 0 0 100 0\n1 1 1 1 50\n"
        #expect(throws: ModelInputError.self) { try SolomonReader.read(text: short, name: "short.txt", objective: .distance) }
    }

    @Test func badVRPLIBIsRefusedWithTheReason() {
        let noDemand = "NAME : t\nDIMENSION : 3\nCAPACITY : 10\nEDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 1 1\n3 2 2\nDEPOT_SECTION\n1\n-1\nEOF\n"
        #expect { try VRPLIBReader.read(text: noDemand, name: "t.vrp") } throws: { "\($0)".contains("node 1 lacks") }
        let explicit = noDemand.replacingOccurrences(of: "EUC_2D", with: "EXPLICIT")
        #expect { try VRPLIBReader.read(text: explicit, name: "t.vrp") } throws: { "\($0)".contains("only EUC_2D") }
    }

    /// The published best-known solutions, read back and judged by the independent checker: feasible, and
    /// the recomputed cost equals the one the file states (CVRP X and MDVRPTW exactly, in the harness's
    /// integer conventions; Gehring–Homberger within rounding of the SINTEF distance and with its vehicles).
    @Test func bestKnownSolutionsPassTheChecker() throws {
        func statedCost(_ text: String) -> Int64? {
            text.split(whereSeparator: \.isNewline).first { $0.hasPrefix("Cost") }
                .flatMap { Int64($0.drop { !$0.isNumber }.prefix { $0.isNumber }) }
        }
        for name in ["X-n101-k25", "X-n148-k46", "X-n200-k36"] {
            let problem = try VRPLIBReader.read(try SharedData.shared("benchmarks/cvrp_x/\(name).vrp"))
            let text = try String(contentsOf: try SharedData.shared("benchmarks/cvrp_x/\(name).sol"), encoding: .utf8)
            let report = PlanChecker.check(try RouteListReader.read(text, name: name, for: problem), for: problem)
            #expect(report.isFeasible, "\(name): \(report.violations.prefix(3))")
            #expect(report.travelCost == statedCost(text), "\(name)")
        }
        for name in ["PR11A", "PR13B", "PR17A"] {
            let problem = try VRPLIBReader.read(try SharedData.shared("benchmarks/mdvrptw_vidal/\(name).vrp"))
            let text = try String(contentsOf: try SharedData.shared("benchmarks/mdvrptw_vidal/\(name).sol"), encoding: .utf8)
            let report = PlanChecker.check(try RouteListReader.read(text, name: name, for: problem), for: problem)
            #expect(report.isFeasible, "\(name): \(report.violations.prefix(3))")
            #expect(report.travelCost == statedCost(text), "\(name)")
        }
        let folder = try SharedData.shared("benchmarks/homberger/bks_solutions")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            // c1_2_1.20_2704.5678.txt: instance, vehicles, distance.
            let parts = file.dropLast(4).split(separator: ".", maxSplits: 1).map(String.init)
            let fleet = parts[1].split(separator: "_")
            let instance = try SharedData.shared("benchmarks/homberger/solomon_format/\(parts[0].uppercased()).txt")
            let problem = try SolomonReader.read(instance, objective: .distance)
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let report = PlanChecker.check(try RouteListReader.read(text, name: file, for: problem), for: problem)
            #expect(report.isFeasible, "\(file): \(report.violations.prefix(3))")
            #expect(report.usedVehicles == Int(fleet[0]))
            let distance = try #require(Double(fleet[1]))
            #expect(abs(Double(report.travelCost) / 1000 - distance) < 0.0005 * Double(problem.jobs.count + 2 * report.usedVehicles), "\(file)")
        }
        #expect { try RouteListReader.read("Route #1: 999999", name: "bad.sol", for: try VRPLIBReader.read(
            try SharedData.shared("benchmarks/cvrp_x/X-n101-k25.vrp"))) } throws: { "\($0)".contains("bad.sol, line 1") }
    }
}
