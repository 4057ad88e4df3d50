extension DispatchDay {
    /// The rate card of `vehicle`'s carrier for its type, or `nil` when the carrier has none for it.
    public func rateCard(for vehicle: FleetVehicle) -> RateCard? {
        RateCard(carrierID: vehicle.carrierID, vehicleTypeID: vehicle.typeID, items: rateCardItems)
    }
}
