import LastMileCore

/// A kind of vehicle on the rate card: how it travels, what it carries, what it costs and emits.
public struct VehicleType: Hashable, Sendable {
    /// How the vehicle moves on the road graph: cars drive it as the car profile computes; cargo bikes ride
    /// the same streets at the car times divided by their speed factor (a bike profile is future work).
    public enum Mode: String, Hashable, Sendable, CaseIterable {
        case car
        case bike
    }

    public var id: String
    public var name: String
    public var mode: Mode
    public var capacity: Load
    public var fixedCost: Cents
    public var centsPerKilometre: Int64
    public var centsPerHour: Int64
    /// Tailpipe (or grid, for electric vehicles) emissions, grams of CO₂ per kilometre.
    public var co2GramsPerKilometre: Int64
    /// Travel times of its network are divided by this: 0.8 = 25 % slower than the profile's speeds.
    public var speedFactor: Double
    /// What it runs on, for well-to-wheel emissions; `nil`: ``co2GramsPerKilometre`` is used as given.
    public var energy: EnergyCarrier?
    /// Consumption in thousandths of the energy carrier's unit per km (100 = 10 l/100 km; 250 = 25 kWh/100 km).
    public var consumptionMilliUnitsPerKilometre: Int64
    /// ISO 3166 country of the grid an electric vehicle charges from (``EmissionFactors/grid``).
    public var gridCountry: String?

    public init(
        id: String, name: String, mode: Mode, capacity: Load, fixedCost: Cents, centsPerKilometre: Int64, centsPerHour: Int64,
        co2GramsPerKilometre: Int64, speedFactor: Double, energy: EnergyCarrier? = nil, consumptionMilliUnitsPerKilometre: Int64 = 0,
        gridCountry: String? = nil
    ) {
        self.energy = energy
        self.consumptionMilliUnitsPerKilometre = consumptionMilliUnitsPerKilometre
        self.gridCountry = gridCountry
        self.id = id
        self.name = name
        self.mode = mode
        self.capacity = capacity
        self.fixedCost = fixedCost
        self.centsPerKilometre = centsPerKilometre
        self.centsPerHour = centsPerHour
        self.co2GramsPerKilometre = co2GramsPerKilometre
        self.speedFactor = speedFactor
    }
}
