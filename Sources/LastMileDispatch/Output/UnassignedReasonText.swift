import LastMileCore
import LastMileDomain
import LastMileModel

extension UnassignedReason {
    /// The reason in the day's units: clock times (`03:00–04:00`), kilograms, litres and parcels, depot ids.
    /// `depotIDs[location]` names the depot at a problem location (depots come first, see ``DayProblem``).
    func dispatcherText(depotIDs: [String]) -> String {
        switch self {
        case .noVehicleAtAllowedDepot(let allowed):
            let depots = allowed.sorted().map { $0.position < depotIDs.count ? depotIDs[$0.position] : "location \($0.position)" }
            return "no vehicle starts at a depot that stocks its items (\(depots.joined(separator: ", ")))"
        case .demandExceedsCapacity(let demand, let largest):
            let exceeded = demand.indices.filter { demand[$0] > largest[$0] }.map { d in
                "\(DispatcherUnits.load(demand[d], dimension: d)) exceeds the largest vehicle (\(DispatcherUnits.load(largest[d], dimension: d)))"
            }
            guard exceeded.isEmpty else { return exceeded.joined(separator: "; ") }
            let load = demand.indices.map { DispatcherUnits.load(demand[$0], dimension: $0) }.joined(separator: ", ")
            return "its load (\(load)) fits no single vehicle: each is too small in one of these"
        case .windowUnreachable(let windows, let earliestArrival, let withPartner):
            let text = windows.map { "\(TimeOfDay(seconds: Int($0.earliest)))–\(TimeOfDay(seconds: Int($0.latest)))" }.joined(separator: ", ")
            guard let arrival = earliestArrival, !withPartner else {
                return "time window \(text) with its partner's cannot be reached within a shift"
            }
            let latest = windows.map(\.latest).max() ?? 0
            return arrival > latest
                ? "time window \(text) cannot be reached (earliest arrival \(TimeOfDay(seconds: Int(arrival))))"
                : "time window \(text) cannot be served with the driver back by the shift end, breaks included "
                    + "(earliest arrival \(TimeOfDay(seconds: Int(arrival))))"
        case .missingSkills, .noVehicleWithSkillsAtAllowedDepot, .exceedsRouteLimits, .noRoomNextToOtherJobs:
            return description
        }
    }
}
