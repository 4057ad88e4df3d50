import Foundation
import LastMileCore
import LastMileDomain
import LastMileService
import Testing

/// Routes made elsewhere read as a plan to simulate: stops in row order, breaks after the rows before them, the
/// orders no row names unassigned, and line- and column-level errors.
@Suite struct RoutesFileTests {
    @Test func readsRoutesWithBreaksAndLeavesTheRestUnassigned() throws {
        let (_, day, roads) = DaySimulatorTests.randomDay(seed: 7)
        let vehicle = day.vehicles[0].id, orders = day.orders.map(\.id)
        let text = """
            vehicle,departure,order,arrival
            \(vehicle),08:00,\(orders[1]),08:20:00
            \(vehicle),08:00,break:30,11:00
            \(vehicle),08:00,\(orders[0]),
            """
        let plan = try RoutesFile.plan(Data(text.utf8), file: "routes.csv", day: day)
        let run = try #require(plan.runs.first)
        #expect(plan.runs.count == 1 && run.vehicleID == vehicle && run.departure == TimeOfDay(hours: 8))
        #expect(run.stops.map(\.orderID) == [orders[1], orders[0]] && run.stops[0].arrival == TimeOfDay(hours: 8, minutes: 20))
        #expect(run.breaks == [DayPlan.Break(afterStops: 1, start: TimeOfDay(hours: 11), minutes: 30)])
        #expect(plan.unassigned.map(\.orderID) == orders.dropFirst(2).sorted())
        let report = try DaySimulator(plan: plan, day: day, roads: roads).run()
        #expect(report.total.stopsServed == 2 && report.total.breakSeconds == 1800)
    }

    @Test func namesTheLineAndColumnOfABadRow() throws {
        let (_, day, _) = DaySimulatorTests.randomDay(seed: 7)
        let vehicle = day.vehicles[0].id, order = day.orders[0].id
        let cases = [
            ("vehicle,order\n", 1, nil as String?, "the header must be vehicle,departure,order,arrival"),
            ("vehicle,departure,order,arrival\nNOPE,08:00,\(order),\n", 2, "vehicle", "unknown vehicle 'NOPE'"),
            ("vehicle,departure,order,arrival\n\(vehicle),8h,\(order),\n", 2, "departure", "'8h' is not a time HH:MM[:SS]"),
            ("vehicle,departure,order,arrival\n\(vehicle),08:00,\(order),\n\(vehicle),08:00,\(order),\n", 3, "order", "order \(order) is on an earlier row"),
            ("vehicle,departure,order,arrival\n\(vehicle),08:00,\(order),\n\(vehicle),09:00,X,\n", 3, "departure",
             "vehicle \(vehicle) leaves at 08:00:00 on an earlier row"),
        ]
        for (text, line, field, message) in cases {
            #expect(throws: LastMileError.self) { try RoutesFile.plan(Data(text.utf8), file: "routes.csv", day: day) }
            do {
                _ = try RoutesFile.plan(Data(text.utf8), file: "routes.csv", day: day)
            } catch {
                #expect(error.location?.line == line && error.location?.field == field && error.message == message, "\(error)")
            }
        }
    }
}
