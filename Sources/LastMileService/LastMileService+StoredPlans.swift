import LastMileCore
import LastMileDomain
import LastMileStore

extension LastMileService {
    /// Every stored version of `date`, oldest first.
    public func planVersions(date: String) throws(LastMileError) -> [PlanVersion] {
        try reportingErrors { try store.planVersions(date: date) }
    }

    /// Version `version` of `date` (the active one when `nil`) as stored.
    ///
    /// - Throws: ``LastMileError`` (bad input) when there is no such version.
    public func storedPlan(date: String, version: Int? = nil) throws(LastMileError) -> StoredPlan {
        guard let plan = try reportingErrors({ try store.storedPlan(date: date, version: version) }) else {
            let which = version.map { "version \($0) of \(date)" } ?? "active plan for \(date)"
            throw LastMileError(.badInput, "no \(which) in the database", at: ErrorLocation(file: store.path),
                                hint: "plan the date first (lastmile plan --date \(date))")
        }
        return plan
    }
}

extension LastMileService {
    /// The carrier of every vehicle of `date`'s fleet, by vehicle id (for scoping what a key may read).
    public func vehicleCarriers(date: String) throws(LastMileError) -> [String: String] {
        let day = try reportingErrors { try store.day(date) }
        return Dictionary(day.vehicles.map { ($0.id, $0.carrierID) }, uniquingKeysWith: { first, _ in first })
    }
}

extension LastMileService {
    /// The day of `date` as the database holds it: depots with their available stock, the fleet, the orders.
    public func dispatchDay(date: String) throws(LastMileError) -> DispatchDay {
        try reportingErrors { try store.day(date) }
    }
}
