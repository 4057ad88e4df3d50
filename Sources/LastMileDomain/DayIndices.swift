import LastMileCore

/// Tag of ``OrderIndex``: a position in ``DispatchDay/orders``.
public enum OrderTag: Sendable {}
/// Tag of ``DepotIndex``: a position in ``DispatchDay/depots``.
public enum DepotTag: Sendable {}
/// Tag of ``FleetIndex``: a position in ``DispatchDay/vehicles``.
public enum FleetTag: Sendable {}

/// An order of a day, by its position in ``DispatchDay/orders`` (its external id is `Order.id`).
public typealias OrderIndex = DenseIndex<OrderTag>
/// A depot of a day, by its position in ``DispatchDay/depots``.
public typealias DepotIndex = DenseIndex<DepotTag>
/// A vehicle of the day's fleet, by its position in ``DispatchDay/vehicles``.
public typealias FleetIndex = DenseIndex<FleetTag>

extension DispatchDay {
    public func order(_ index: OrderIndex) -> Order { orders[index.position] }
    public func depot(_ index: DepotIndex) -> DepotSite { depots[index.position] }
    public func vehicle(_ index: FleetIndex) -> FleetVehicle { vehicles[index.position] }
}
