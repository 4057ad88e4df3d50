import LastMileCore
import LastMileDomain

extension DayPlan.Run {
    /// A stored run with what the day's records add back for the run sheet: the vehicle's type and carrier,
    /// loading from the shift start, the load (the sum of the orders served), capacity and CO₂ at the type's
    /// rate. Service and waiting come from the stop times; no road geometry (the database keeps none).
    ///
    /// - Returns: `nil` when the day has no such vehicle, type or order (a day edited after planning).
    public init?(stored run: StoredPlan.Run, day: DispatchDay) {
        guard let vehicle = day.vehicles.first(where: { $0.id == run.vehicleID }),
              let type = day.vehicleTypes.first(where: { $0.id == vehicle.typeID })
        else { return nil }
        let orders = Dictionary(day.orders.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var load = Load(grams: 0, millilitres: 0, parcels: 0)
        for stop in run.stops {
            guard let order = orders[stop.orderID] else { return nil }
            load = Load(grams: load.grams + order.load.grams, millilitres: load.millilitres + order.load.millilitres,
                        parcels: load.parcels + order.load.parcels)
        }
        let service = run.stops.reduce(Int64(0)) { $0 + Int64($1.departure.seconds - $1.serviceStart.seconds) }
        let wait = run.stops.reduce(Int64(0)) { $0 + Int64($1.serviceStart.seconds - $1.arrival.seconds) }
        self.init(
            vehicleID: run.vehicleID, typeID: type.id, carrierID: vehicle.carrierID, driver: run.driver, depotID: run.depotID,
            endDepotID: run.endDepotID, loadingStart: min(vehicle.shiftStart, run.departure), departure: run.departure, end: run.end,
            stops: run.stops, breaks: run.breaks, metres: run.metres,
            driveSeconds: run.driveSeconds ?? Int64(run.end.seconds - run.departure.seconds) - service - wait
                - Int64(run.breaks.reduce(0) { $0 + $1.minutes * 60 }),
            serviceSeconds: service, waitSeconds: wait, cost: run.cost, load: load, capacity: type.capacity,
            co2Grams: run.metres * type.co2GramsPerKilometre / 1000, geometry: []
        )
    }
}
