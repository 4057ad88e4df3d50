import Foundation
import LastMileDispatch
import LastMileDomain
import LastMileService

/// What `plan` and `demo` print after planning: vehicles not used, the first unassigned orders, the KPIs.
enum PlanSummary {
    static func print(_ outcome: PlanningOutcome) {
        let plan = outcome.plan
        for vehicle in plan.unusableVehicles { Terminal.print("   vehicle \(vehicle.vehicleID) not used: \(vehicle.reason)") }
        for order in plan.unassigned.prefix(5) { Terminal.print("   order \(order.orderID) unassigned: \(order.reason)") }
        if plan.unassigned.count > 5 { Terminal.print("   … \(plan.unassigned.count - 5) more in unassigned.csv") }
        let lines = outcome.kpis.lines
        let width = lines.map(\.label.count).max() ?? 0
        for line in lines { Terminal.print("   " + line.label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + line.value) }
    }
}
