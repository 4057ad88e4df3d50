/// Why a day cannot be planned at all (problems with single orders are reported per order instead).
public enum DispatchError: Error, Equatable, CustomStringConvertible {
    case depotOffRoad(String, String)
    case unknownReference(vehicle: String)
    case nothingToPlan(date: String)

    public var description: String {
        switch self {
        case .depotOffRoad(let id, let detail): "depot \(id) is not near a drivable road of the map (\(detail)); check its lat/lon"
        case .unknownReference(let vehicle):
            "vehicle \(vehicle) names a vehicle type or depot that is not imported; import vehicle types and depots first"
        case .nothingToPlan(let date): "no orders for \(date); import orders with that date first"
        }
    }
}
