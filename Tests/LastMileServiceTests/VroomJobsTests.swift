import Foundation
import LastMileCore
import LastMileDomain
import LastMileService
import LastMileStore
import LastMileTestSupport
import Testing

/// A VROOM problem's jobs loaded as orders through the application core.
@Suite struct VroomJobsTests {
    /// VROOM jobs with coordinates become orders of the date; jobs without a position, pickups and broken
    /// windows are reported by record number.
    @Test func vroomJobsBecomeOrders() throws {
        let store = try Store()
        let service = LastMileService(store: store)
        let data = try Data(contentsOf: SharedData.fixture("dispatch/vroom-orders.json"))
        var refused: LastMileError?
        do {
            _ = try service.load(.vroomJobs(date: "2026-11-23"), data: data, file: "vroom-orders.json")
        } catch {
            refused = error
        }
        let error = try #require(refused)
        #expect([error.headline] + error.details == [
            "vroom-orders.json, record 3: location: needs [longitude, latitude] (a location_index has no position to plan on roads) (3 problems in 2 rows)",
            "vroom-orders.json record 4: pickup: pickups are not orders to deliver; leave them out of the dispatcher's import",
            "vroom-orders.json record 4: time_windows: a window is [start, end] with start ≤ end",
        ])
        let summary = try service.load(.vroomJobs(date: "2026-11-23"), data: data, file: "vroom-orders.json", skipInvalid: true)
        #expect(summary.inserted == 2 && summary.skipped.count == 3)
        let orders = try store.day("2026-11-23").orders
        #expect(orders.map(\.id) == ["101", "102"])
        #expect(orders[0].windowStart == TimeOfDay(hours: 9) && orders[0].windowEnd == TimeOfDay(hours: 11))
        #expect(orders[0].load == Load(grams: 2500, millilitres: 9000, parcels: 1) && orders[0].customer == "Ada")
        #expect(orders[1].priority == 20 && orders[1].serviceSeconds == 120)
    }
}
