import LastMileCore
import LastMileDomain

/// The days a carrier comparison plans (``DispatchDay`` in, ``DispatchDay`` out; no maps, no solver).
///
/// - ``DispatchDay/underCarrier(_:)``: every vehicle slot of the fleet (depot, shift, break) driven by one
///   carrier: its driver, its vehicle type of the same mode (else the type it runs most; its own vehicles keep
///   theirs), its rate card; a slot that changes hands is renamed `"<id> as <carrier> <type>"`.
/// - ``DispatchDay/withFuelPriceRaised(percent:)``: fuel-indexed surcharges follow a fuel price `percent`
///   higher (cards without a fuel index, and electricity, are unchanged).
/// - ``DispatchDay/withVolumeRaised(percent:)``: every `100 / percent`-th order is repeated (same place, window
///   and items, id suffixed `+`) and depot stock rises by the same share, rounded up.
/// - ``DispatchDay/mixed(cheapestCarrierOfDepot:)``: each depot's slots driven by the carrier cheapest there.
extension DispatchDay {
    /// The carriers that run vehicles in the fleet or have a rate card, sorted.
    public var comparableCarriers: [String] {
        Array(Set(vehicles.map(\.carrierID) + rateCardItems.map(\.carrierID))).sorted()
    }

    /// The type `carrierID` would send for a slot of `mode`: a type of that mode it runs or has a card line
    /// for, else the type it runs most (ties by id); `nil` when the carrier has no type at all.
    public func carrierType(_ carrierID: String, mode: VehicleType.Mode) -> VehicleType? {
        let run = vehicles.filter { $0.carrierID == carrierID }.map(\.typeID)
            + rateCardItems.filter { $0.carrierID == carrierID }.compactMap(\.vehicleTypeID)
        let counts = Dictionary(run.map { ($0, 1) }, uniquingKeysWith: +)
        let candidates = vehicleTypes.filter { counts[$0.id] != nil }
            .sorted { (counts[$0.id]!, $1.id) > (counts[$1.id]!, $0.id) }
        return candidates.first { $0.mode == mode } ?? candidates.first
    }

    /// The day with every slot driven by `carrierID` (see the extension's comment); `nil` when it has no type.
    public func underCarrier(_ carrierID: String) -> DispatchDay? {
        let types = Dictionary(uniqueKeysWithValues: vehicleTypes.map { ($0.id, $0) })
        var day = self
        var changed: [FleetVehicle] = []
        for vehicle in vehicles {
            // The carrier's own vehicles keep their type; other slots get its type of the same mode.
            guard let mode = types[vehicle.typeID]?.mode,
                let type = vehicle.carrierID == carrierID ? types[vehicle.typeID] : carrierType(carrierID, mode: mode)
            else { return nil }
            var slot = vehicle
            slot.carrierID = carrierID
            slot.typeID = type.id
            if vehicle.carrierID != carrierID { slot.driver = "\(carrierID) driver for \(vehicle.id)" }
            // A slot another carrier or type takes is named for what now drives it (reports list it so).
            if vehicle.carrierID != carrierID || vehicle.typeID != type.id { slot.id = "\(vehicle.id) as \(carrierID) \(type.id)" }
            changed.append(slot)
        }
        day.vehicles = changed
        return day
    }

    /// The day with fuel-indexed surcharges at a fuel price `percent` higher.
    public func withFuelPriceRaised(percent: Int64) -> DispatchDay {
        var day = self
        day.rateCardItems = rateCardItems.map { item in
            guard item.kind == .fuelIndex else { return item }
            var raised = item
            raised.indexNow = Cents(Money.divideRounded(item.indexNow.rawValue * (100 + percent), by: 100))
            return raised
        }
        return day
    }

    /// The day with `percent` more orders (see the extension's comment).
    public func withVolumeRaised(percent: Int) -> DispatchDay {
        guard percent > 0 else { return self }
        var day = self
        let every = max(1, 100 / percent)
        for (k, order) in orders.enumerated() where k % every == every - 1 {
            var repeated = order
            repeated.id += "+"
            repeated.customer += " (repeat)"
            day.orders.append(repeated)
        }
        day.depots = depots.map { depot in
            var raised = depot
            raised.stock = depot.stock.mapValues { ($0 * (100 + percent) + 99) / 100 }
            return raised
        }
        return day
    }

    /// The day with each depot's slots driven by the carrier `cheapestCarrierOfDepot[depot]` names (slots of
    /// depots it does not name keep their carrier), each as in ``underCarrier(_:)``.
    public func mixed(cheapestCarrierOfDepot: [String: String]) -> DispatchDay {
        var day = self
        day.vehicles = vehicles.map { vehicle in
            guard let carrier = cheapestCarrierOfDepot[vehicle.depotID],
                let slot = DispatchDay(date: date, depots: depots, vehicleTypes: vehicleTypes, vehicles: [vehicle], carriers: carriers,
                                       orders: [], rateCardItems: rateCardItems).underCarrier(carrier)?.vehicles.first
            else { return vehicle }
            return slot
        }
        return day
    }
}
