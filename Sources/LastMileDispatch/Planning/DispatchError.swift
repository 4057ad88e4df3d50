import LastMileCore

/// Why a day cannot be planned at all (problems with single orders are reported per order instead).
public enum DispatchError: Error, Equatable, CustomStringConvertible, LastMileErrorConvertible {
    case depotOffRoad(String, String)
    case unknownReference(vehicle: String)
    case nothingToPlan(date: String)

    public var description: String { lastMileError.headline }

    public var lastMileError: LastMileError {
        switch self {
        case .depotOffRoad(let id, let detail):
            LastMileError(.routingData, "the depot is \(detail)", at: ErrorLocation(id: id),
                          hint: "check the depot's lat/lon, or plan on a map that covers it")
        case .unknownReference(let vehicle):
            LastMileError(.badInput, "vehicle names a vehicle type or depot that is not loaded", at: ErrorLocation(id: vehicle),
                          hint: "load vehicle types and depots first")
        case .nothingToPlan(let date):
            LastMileError(.badInput, "no orders for \(date)", hint: "load orders with that date first")
        }
    }
}
