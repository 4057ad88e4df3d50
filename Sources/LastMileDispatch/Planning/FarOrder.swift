import LastMileCore
import LastMileDomain
import LastMileGeo

/// An order far outside the depots' area, most likely a wrong coordinate (a typo, latitude and longitude
/// swapped): `load` warns about it and the map lists it beside the map instead of framing it.
public struct FarOrder: Hashable, Sendable {
    public var orderID: String
    /// Great-circle distance to the nearest depot, km.
    public var kilometres: Double

    /// An order is far when its nearest depot is more than the larger of this radius, km, …
    public static let minimumRadiusKilometres = 50.0
    /// … and this multiple of the depots' spread (the largest distance between two depots) away.
    public static let spreadMultiple = 3.0

    /// How far from its nearest depot an order may lie, km: `max(50, 3 × spread of the depots)`.
    public static func radiusKilometres(depots: [DepotSite]) -> Double {
        let spread = depots.flatMap { a in depots.map { b in Haversine.distanceMeters(a.coordinate, b.coordinate) } }.max() ?? 0
        return max(minimumRadiusKilometres, spreadMultiple * spread / 1000)
    }

    /// The orders beyond ``radiusKilometres(depots:)`` from every depot, in the order given; none without depots.
    public static func find(orders: [Order], depots: [DepotSite]) -> [FarOrder] {
        let radius = radiusKilometres(depots: depots)
        return orders.compactMap { order in
            let nearest = depots.map { Haversine.distanceMeters(order.coordinate, $0.coordinate) / 1000 }.min()
            guard let kilometres = nearest, kilometres > radius else { return nil }
            return FarOrder(orderID: order.id, kilometres: kilometres)
        }
    }
}
