extension DispatchDay {
    /// The rate card of `vehicle`'s carrier for its type, or `nil` when the carrier has none for it.
    public func rateCard(for vehicle: FleetVehicle) -> RateCard? {
        RateCard(carrierID: vehicle.carrierID, vehicleTypeID: vehicle.typeID, items: rateCardItems)
    }

    /// The card whose ``RateCard/minimumPerDay`` applies to `carrierID`'s whole day (a day minimum is
    /// carrier-wide: the card of the carrier's first vehicle that has one), `nil` when none has.
    public func dayMinimumCard(of carrierID: String) -> RateCard? {
        vehicles.lazy.filter { $0.carrierID == carrierID }.compactMap { self.rateCard(for: $0) }.first
    }
}
