import Foundation
import LastMileCore
import LastMileDomain
import Testing

/// The emission factors in code against the documented table (`docs/emissions.md`), and a run's WTW CO₂e by
/// hand.
@Suite struct EmissionFactorTests {
    static var document: String {
        get throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            return try String(contentsOf: root.appendingPathComponent("docs/emissions.md"), encoding: .utf8)
        }
    }

    /// Table rows `| energy | unit | TTW | WTW | source |` for the fuels.
    @Test func fuelRowsMatchTheDocument() throws {
        let rows = try Self.document.split(separator: "\n").map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        for energy in [EnergyCarrier.diesel, .petrol, .cng, .human] {
            let row = rows.first { $0.first == energy.rawValue }
            #expect(row != nil, "docs/emissions.md has no row for \(energy)")
            guard let row else { continue }
            let factor = EmissionFactors.factor(energy, country: nil)
            #expect(row[1] == energy.unit, "\(energy) unit")
            #expect(row[2] == "\(factor.tankToWheelGrams)", "\(energy) TTW: document \(row[2]), code \(factor.tankToWheelGrams)")
            #expect(row[3] == "\(factor.wellToWheelGrams)", "\(energy) WTW: document \(row[3]), code \(factor.wellToWheelGrams)")
        }
    }

    @Test func gridRowMatchesTheDocument() throws {
        let lines = try Self.document.split(separator: "\n")
        guard let countries = lines.first(where: { $0.hasPrefix("| country |") }), let grams = lines.first(where: { $0.hasPrefix("| g/kWh |") }) else {
            Issue.record("docs/emissions.md has no grid table")
            return
        }
        func cells(_ line: Substring) -> [String] { Array(line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.dropFirst()) }
        let documented = zip(cells(countries), cells(grams)).map { (String($0.prefix(2)), Int64($1) ?? -1) }
        #expect(documented.map(\.0) == EmissionFactors.grid.map(\.country))
        #expect(documented.map(\.1) == EmissionFactors.grid.map(\.grams))
        #expect(EmissionFactors.factor(.electricity, country: "FR").wellToWheelGrams == 56)
        #expect(EmissionFactors.factor(.electricity, country: "XX").wellToWheelGrams == 236)
        #expect(EmissionFactors.factor(.electricity, country: "DE").tankToWheelGrams == 0)
    }

    /// 9.5 l/100 km of diesel over 40 km: 3.8 l × 3128 g = 11 886.4 g WTW, 9389.8 g TTW (rounded down).
    @Test func runEmissionsByHand() {
        var van = VehicleType(id: "van", name: "van", mode: .car, capacity: Load(grams: 0, millilitres: 0, parcels: 0), fixedCost: .zero,
                              centsPerKilometre: 0, centsPerHour: 0, co2GramsPerKilometre: 190, speedFactor: 1)
        #expect(van.wellToWheelGrams(metres: 40_000) == 7600)  // no energy: as given
        van.energy = .diesel
        van.consumptionMilliUnitsPerKilometre = 95
        #expect(van.wellToWheelGrams(metres: 40_000) == 11_886)
        #expect(van.tankToWheelGrams(metres: 40_000) == 9389)
        van.energy = .electricity
        van.consumptionMilliUnitsPerKilometre = 220
        van.gridCountry = "PT"
        #expect(van.wellToWheelGrams(metres: 40_000) == 1460)  // 8.8 kWh × 166 g = 1460.8, rounded down
        #expect(van.tankToWheelGrams(metres: 40_000) == 0)
        van.energy = .human
        #expect(van.wellToWheelGrams(metres: 40_000) == 0)
    }
}
