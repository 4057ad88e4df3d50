extension VehicleType {
    /// Well-to-wheel grams of CO₂e for `metres` driven: consumption × the energy carrier's WTW factor
    /// (``EmissionFactors``) when the type names its energy, else ``co2GramsPerKilometre`` as given. Rounded
    /// down to the gram.
    public func wellToWheelGrams(metres: Int64) -> Int64 {
        guard let energy else { return metres * co2GramsPerKilometre / 1000 }
        let factor = EmissionFactors.factor(energy, country: gridCountry)
        // milli-units per km × metres × grams per unit / (1000 m per km × 1000 milli-units per unit)
        return consumptionMilliUnitsPerKilometre * metres * factor.wellToWheelGrams / 1_000_000
    }

    /// Tank-to-wheel grams of CO₂e for `metres` (0 for electricity and human power).
    public func tankToWheelGrams(metres: Int64) -> Int64 {
        guard let energy else { return metres * co2GramsPerKilometre / 1000 }
        return consumptionMilliUnitsPerKilometre * metres * EmissionFactors.factor(energy, country: gridCountry).tankToWheelGrams / 1_000_000
    }
}
