import LastMileCore
import LastMileDomain

extension StoredPlan {
    /// A plan that was made but not stored (a comparison's re-plan), as the report reads plans: version 0,
    /// status `unstored`.
    public init(unstored plan: DayPlan) {
        let runs = plan.runs.map { run in
            StoredPlan.Run(vehicleID: run.vehicleID, driver: run.driver, depotID: run.depotID, endDepotID: run.endDepotID,
                           departure: run.departure, end: run.end, metres: run.metres, cost: run.cost, stops: run.stops, breaks: run.breaks,
                           driveSeconds: run.driveSeconds)
        }
        self.init(
            version: PlanVersion(id: 0, date: plan.date, version: 0, status: "unstored", cost: plan.totalCost, routes: plan.runs.count,
                                 stops: plan.runs.reduce(0) { $0 + $1.stops.count }, unassigned: plan.unassigned.count),
            seed: plan.seed, checked: plan.checked, runs: runs, unassigned: plan.unassigned)
    }
}
