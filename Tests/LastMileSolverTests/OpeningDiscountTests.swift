import LastMileCore
import LastMileModel
import Testing

@testable import LastMileSolver

/// Recreation's discount on starting a route (``SolverConfiguration/openingDiscount``): by hand, a job goes
/// into an empty vehicle exactly when its discounted round trip costs less than its cheapest place in a used
/// route, with the vehicle's fixed cost paid in full; the draw is reproducible and within its bounds.
@Suite struct OpeningDiscountTests {
    /// A depot at 0, job a at 1 (10 away), job b at 2 (20 away, 15 from a). Vehicle 0 serves a; b costs 25
    /// next to a (10 + 15 + 20 − 20, before or after it) and 40 alone in vehicle 1.
    static func problem(fixedCost: Int64) -> VRPProblem {
        let travel: [Int64] = [0, 10, 20, 10, 0, 15, 20, 15, 0]
        let jobs = ["a", "b"].enumerated().map { k, id in
            Job(id: id, location: LocationIndex(k + 1), demand: [1], service: 0, windows: [TimeWindow(earliest: 0, latest: 1000)])
        }
        let vehicles = (0..<2).map {
            Vehicle(id: "v\($0)", startLocation: 0, endLocation: 0, capacity: [10], shift: TimeWindow(earliest: 0, latest: 1000),
                    fixedCost: fixedCost)
        }
        return VRPProblem(name: "opening by hand", locationCount: 3, profiles: [TravelProfile(name: "p", time: travel, distance: travel)],
                          jobs: jobs, vehicles: vehicles, dimensions: 1)
    }

    /// Where b goes (its vehicle) when recreated with `discount`.
    static func vehicleOfB(discount: Double, fixedCost: Int64 = 0) -> Int32 {
        let search = RuinAndRecreate(problem: problem(fixedCost: fixedCost), configuration: SolverConfiguration(seed: 1, iterations: 1))
        var state = SearchState(data: search.data, routes: [[0]])
        var random = SplitMix64(seed: 1)
        search.recreate(&state, blinks: false, openingDiscount: discount, using: &random)
        #expect(state.unassigned.isEmpty && state.routeOf[0] == 0)
        return state.routeOf[1]
    }

    @Test func anEmptyVehicleIsTakenOnlyWhenItsDiscountedTripIsCheaper() {
        #expect(Self.vehicleOfB(discount: 0) == 0, "40 alone against 25 next to a")
        #expect(Self.vehicleOfB(discount: 0.3) == 0, "28 alone against 25")
        #expect(Self.vehicleOfB(discount: 0.5) == 1, "20 alone against 25")
        #expect(Self.vehicleOfB(discount: 0.5, fixedCost: 10) == 0, "20 + the fixed cost 10 against 25")
    }

    @Test func theDrawIsNoneHalfTheTimeElseBelowTheLargest() {
        let search = RuinAndRecreate(problem: Self.problem(fixedCost: 0), configuration: SolverConfiguration(seed: 1, iterations: 1))
        var random = SplitMix64(seed: 7)
        let draws = (0..<2000).map { _ in search.drawOpeningDiscount(using: &random) }
        let none = draws.filter { $0 == 0 }.count
        #expect((900...1100).contains(none), "\(none) of 2000 without a discount")
        #expect(draws.allSatisfy { $0 >= 0 && $0 < search.configuration.openingDiscount })
        var again = SplitMix64(seed: 7)
        #expect((0..<2000).map { _ in search.drawOpeningDiscount(using: &again) } == draws)

        var off = SolverConfiguration(seed: 1, iterations: 1)
        off.openingDiscount = 0
        let sisr = RuinAndRecreate(problem: Self.problem(fixedCost: 0), configuration: off)
        var stream = SplitMix64(seed: 7)
        #expect((0..<100).allSatisfy { _ in sisr.drawOpeningDiscount(using: &stream) == 0 })
        var untouched = SplitMix64(seed: 7)
        #expect(stream.next() == untouched.next(), "no discount draws nothing from the stream")
    }
}
