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
}
