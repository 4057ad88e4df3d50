import LastMileCore
import LastMileDomain
import LastMileGeo
import LastMileModel

extension RateCard {
    /// The card's distance and time prices in the solver's units (`unitsPerCent` cost units per cent, metres,
    /// seconds), the fuel surcharge applied to each: the fixed cost, the cost per metre, and paid time with
    /// overtime and the run minimum (``PaidTime``; the minimum is lowered by the fixed cost, which the solver
    /// adds on top). The per-order prices are ``jobCharges(of:from:unitsPerCent:)``. Rounded to the nearest
    /// cost unit, halves away from zero.
    func solverRates(unitsPerCent: Int64) -> (fixed: Int64, perMetre: Int64, paidTime: PaidTime) {
        let fuel = 10_000 + fuelSurchargeHundredths
        func units(_ cents: Cents, per denominator: Int64) -> Int64 {
            Money.divideRounded(cents.rawValue * unitsPerCent * fuel, by: denominator * 10_000)
        }
        let fixed = units(fixedPerDay, per: 1)
        let perSecond = units(perHour, per: 3600)
        let paid = PaidTime(
            costPerTime: perSecond, overtimeAfter: overtimeAfterSeconds ?? Int64.max / 4,
            overtimeExtraPerTime: overtimeAfterSeconds == nil ? 0 : max(0, units(overtimePerHour, per: 3600) - perSecond),
            minimumRouteCost: max(0, units(minimumPerRun, per: 1) - fixed))
        return (fixed, units(perKilometre, per: 1000), paid)
    }

    /// What serving each of `orders` from `depot` costs on top of the run (``Vehicle/jobCharges``): per stop,
    /// per parcel, per kg and the band of the order's great-circle distance from the depot, as
    /// ``charge(_:)`` prices them (no fuel surcharge, outside the run minimum), in the solver's units; `nil`
    /// when the card has none of these prices. Exact: the report's only rounding, kilograms per run, is below
    /// a cent per run.
    func jobCharges(of orders: [Order], from depot: DepotSite, unitsPerCent: Int64) -> [Int64]? {
        guard perStop.rawValue > 0 || perParcel.rawValue > 0 || perKilogram.rawValue > 0 || distanceBands.contains(where: { $0.price.rawValue > 0 })
        else { return nil }
        return orders.map { order in
            let metres = Int64(Haversine.distanceMeters(depot.coordinate, order.coordinate).rounded())
            let cents = perStop.rawValue + perParcel.rawValue * order.load.parcels + bandPrice(metres: metres).rawValue
            return cents * unitsPerCent + Money.divideRounded(perKilogram.rawValue * order.load.grams * unitsPerCent, by: 1000)
        }
    }
}
