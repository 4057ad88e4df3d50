import LastMileCore

/// One line of a carrier's rate card (one row of a `rate-cards` file, see `docs/rate-cards.md`): what is
/// charged, for which carrier and vehicle type, at what price. Money in cents, time in seconds, distance in
/// metres, percentages in hundredths of a percent.
public struct RateCardItem: Hashable, Sendable {
    /// What a line charges for.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// `price` per vehicle used in the day.
        case fixedPerDay = "fixed_per_day"
        /// `price` per kilometre driven.
        case perKilometre = "per_km"
        /// `price` per paid hour: from the start of loading to the return, waiting included, breaks excluded.
        case perHour = "per_hour"
        /// `price` per paid hour beyond `afterSeconds` (instead of ``perHour``, never lower).
        case overtimePerHour = "overtime_per_hour"
        case perStop = "per_stop"
        case perParcel = "per_parcel"
        case perKilogram = "per_kg"
        /// The least a run's distance and time charge (fixed, km, hours, overtime) comes to.
        case minimumPerRun = "minimum_per_run"
        /// The least the carrier's whole day comes to (all its runs, every component).
        case minimumPerDay = "minimum_per_day"
        /// `percent` on top of the run's distance and time charge.
        case fuelSurcharge = "fuel_surcharge"
        /// A surcharge indexed to the fuel price: `percent` of the charge moves with the price, so the surcharge
        /// is `percent × (indexNow − indexBase) / indexBase` (negative when fuel is cheaper than the base).
        case fuelIndex = "fuel_index"
        /// `price` per order whose depot-to-door distance (great circle) is in `fromMetres ..< toMetres`.
        case distanceBand = "distance_band"
    }

    public var carrierID: String
    /// The vehicle type this line is for; `nil` for every type the carrier runs (a line for the type wins).
    public var vehicleTypeID: String?
    public var kind: Kind
    public var price: Cents
    /// Hundredths of a percent (1250 = 12.5 %).
    public var percentHundredths: Int64
    public var afterSeconds: Int64
    public var fromMetres: Int64
    public var toMetres: Int64
    /// Fuel prices of ``Kind/fuelIndex``, cents per litre (or per kWh).
    public var indexBase: Cents
    public var indexNow: Cents

    public init(
        carrierID: String, vehicleTypeID: String?, kind: Kind, price: Cents = .zero, percentHundredths: Int64 = 0, afterSeconds: Int64 = 0,
        fromMetres: Int64 = 0, toMetres: Int64 = 0, indexBase: Cents = .zero, indexNow: Cents = .zero
    ) {
        self.carrierID = carrierID
        self.vehicleTypeID = vehicleTypeID
        self.kind = kind
        self.price = price
        self.percentHundredths = percentHundredths
        self.afterSeconds = afterSeconds
        self.fromMetres = fromMetres
        self.toMetres = toMetres
        self.indexBase = indexBase
        self.indexNow = indexNow
    }
}
