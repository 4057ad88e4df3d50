import LastMileCore
import LastMileDomain
import LastMileModel

extension RateCard {
    /// The card's distance and time prices in the solver's units (`unitsPerCent` cost units per cent, metres,
    /// seconds), the fuel surcharge applied to each: the fixed cost, the cost per metre, and paid time with
    /// overtime and the run minimum (``PaidTime``; the minimum is lowered by the fixed cost, which the solver
    /// adds on top). Per-stop, per-parcel, per-kg and band prices are not in the solver's objective: they are
    /// the same for every vehicle of a carrier's card, so they only move cost between carriers (the
    /// comparison re-plans per carrier). Rounded to the nearest cost unit, halves away from zero.
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
}
