import LastMileCore

/// Who an API key speaks for, and how far it reaches. Checked object by object on every route of the server:
/// a scoped key never sees another depot's or carrier's plans, runs, vehicles or reports.
public enum APIRole: Hashable, Sendable {
    /// Everything, including keys.
    case admin
    /// Plans, imports and the live day of one depot: the runs leaving it and their vehicles.
    case dispatcher(depotID: String)
    /// A carrier's drivers' backend: its vehicles' current routes, and events about its vehicles.
    case driverBackend(carrierID: String)
    /// A carrier's read-only view of its own runs (routes, costs and reports).
    case carrier(carrierID: String)

    /// The role's name as stored and as `lastmile keys create --role` takes it.
    public var name: String {
        switch self {
        case .admin: "admin"
        case .dispatcher: "dispatcher"
        case .driverBackend: "driver-backend"
        case .carrier: "carrier"
        }
    }

    /// The depot or carrier the role is limited to, `nil` for admin.
    public var scope: String? {
        switch self {
        case .admin: nil
        case .dispatcher(let depot): depot
        case .driverBackend(let carrier), .carrier(let carrier): carrier
        }
    }

    /// Whether the key may read a run that leaves `depotID` with a vehicle of `carrierID`.
    public func reads(depotID: String, carrierID: String) -> Bool {
        switch self {
        case .admin: true
        case .dispatcher(let depot): depot == depotID
        case .driverBackend(let carrier), .carrier(let carrier): carrier == carrierID
        }
    }

    /// Whether the key may report live events about a vehicle based at `depotID` of `carrierID`.
    public func reportsEvents(depotID: String, carrierID: String) -> Bool {
        switch self {
        case .admin: true
        case .dispatcher(let depot): depot == depotID
        case .driverBackend(let carrier): carrier == carrierID
        case .carrier: false
        }
    }

    /// Whether the key may import data, plan dates and report events that concern no vehicle (new and
    /// cancelled orders, road conditions): admins and dispatchers.
    public var dispatches: Bool {
        switch self {
        case .admin, .dispatcher: true
        case .driverBackend, .carrier: false
        }
    }

    /// The role named `name` with its scope.
    ///
    /// - Throws: ``LastMileError`` (usage) for an unknown role or a scope that does not fit it.
    public static func parse(_ name: String, depotID: String?, carrierID: String?) throws(LastMileError) -> APIRole {
        switch (name, depotID, carrierID) {
        case ("admin", nil, nil): return .admin
        case ("dispatcher", let depot?, nil): return .dispatcher(depotID: depot)
        case ("driver-backend", nil, let carrier?): return .driverBackend(carrierID: carrier)
        case ("carrier", nil, let carrier?): return .carrier(carrierID: carrier)
        case ("admin", _, _): throw LastMileError(.usage, "an admin key has no depot or carrier", hint: "drop --depot and --carrier")
        case ("dispatcher", _, _): throw LastMileError(.usage, "a dispatcher key belongs to one depot", hint: "give --depot ID and no --carrier")
        case ("driver-backend", _, _), ("carrier", _, _):
            throw LastMileError(.usage, "a \(name) key belongs to one carrier", hint: "give --carrier ID and no --depot")
        default: throw LastMileError(.usage, "unknown role '\(name)'", hint: "use admin, dispatcher, driver-backend or carrier")
        }
    }
}
