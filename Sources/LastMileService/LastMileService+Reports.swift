import LastMileCore
import LastMileDispatch
import LastMileDomain
import LastMileStore

extension LastMileService {
    /// The cost and emissions report of version `version` of `date` (the active one when `nil`), priced by the
    /// rate cards and vehicle types now in the database; only `carrier`'s runs when given.
    ///
    /// - Throws: ``LastMileError`` (bad input) when there is no such version.
    public func planReport(date: String, version: Int? = nil, carrier: String? = nil) throws(LastMileError) -> PlanReport {
        let (plan, day) = try reportInputs(date: date, version: version)
        let report = PlanReport(plan: plan, day: day)
        return carrier.map(report.restricted(to:)) ?? report
    }

    /// The report of `date`'s active plan with only the runs `role` may read (object by object: a dispatcher
    /// its depot's runs, a carrier or driver backend its own; OWASP API1).
    public func planReport(date: String, for role: APIRole) throws(LastMileError) -> PlanReport {
        let (plan, day) = try reportInputs(date: date, version: nil)
        return PlanReport(plan: plan, day: day).restricted { role.reads(depotID: $0, carrierID: $1) }
    }

    private func reportInputs(date: String, version: Int?) throws(LastMileError) -> (StoredPlan, DispatchDay) {
        let plan = try storedPlan(date: date, version: version)
        let day = try reportingErrors { try store.day(date) }
        return (plan, day)
    }

    /// Plans `date`'s orders again under each of `carriers` (all carriers with vehicles or a rate card when
    /// empty), with fuel +10 % and volume +20 % for each, and the mixed assignment; nothing is stored.
    ///
    /// - Throws: ``LastMileError``: bad input for an unknown carrier or one without a vehicle type; check
    ///   failed when the independent checker rejects a compared plan.
    public func compareCarriers(
        date: String, carriers: [String], roads: RoadNetworks, settings: PlanningSettings,
        events: @escaping @Sendable (ServiceEvent) -> Void = { _ in }
    ) throws(LastMileError) -> CarrierComparison {
        let day = try reportingErrors { try store.day(date) }
        let names = carriers.isEmpty ? day.comparableCarriers : carriers
        var scenarios: [CarrierComparison.Scenario] = []
        func planned(_ name: String, _ kind: CarrierComparison.Scenario.Kind, _ scenarioDay: DispatchDay) throws(LastMileError) -> CarrierComparison.Scenario {
            let plan = try plan(scenarioDay, roads: roads, settings: settings, events: events)
            guard plan.checked else {
                throw LastMileError(.checkFailed, "the independent checker rejected the compared plan '\(name)' of \(date)",
                                    hint: "this is a solver bug: report it with the day's files and the seed \(plan.seed)")
            }
            return CarrierComparison.Scenario(name: name, kind: kind, report: PlanReport(plan: StoredPlan(unstored: plan), day: scenarioDay),
                                              unassigned: plan.unassigned.count, checked: plan.checked)
        }
        for carrier in names {
            guard day.carriers.contains(where: { $0.id == carrier }) else {
                throw LastMileError(.badInput, "carrier '\(carrier)' is not in the database", at: ErrorLocation(file: store.path),
                                    hint: "name one of: \(day.carriers.map(\.id).sorted().joined(separator: ", "))")
            }
            guard let carrierDay = day.underCarrier(carrier) else {
                throw LastMileError(.badInput, "carrier '\(carrier)' runs no vehicle type and has no rate card line for one",
                                    hint: "load its fleet or a rate card naming its vehicle types (lastmile load rate-cards FILE)")
            }
            scenarios.append(try planned(carrier, .carrier, carrierDay))
            scenarios.append(try planned("\(carrier) fuel +10 %", .fuelPlus10, carrierDay.withFuelPriceRaised(percent: 10)))
            scenarios.append(try planned("\(carrier) volume +20 %", .volumePlus20, carrierDay.withVolumeRaised(percent: 20)))
        }
        let cheapest = CarrierComparison.cheapestCarrierOfDepot(scenarios)
        let mixedName = "mixed (" + cheapest.keys.sorted().map { "\($0): \(cheapest[$0]!)" }.joined(separator: ", ") + ")"
        scenarios.append(try planned(mixedName, .mixed, day.mixed(cheapestCarrierOfDepot: cheapest)))
        return CarrierComparison(date: date, scenarios: scenarios)
    }

    /// The carriers `role` may compare when it names `carriers`: a carrier itself only (naming none means
    /// itself); admins and dispatchers any (none named: every comparable one); driver backends none.
    ///
    /// - Throws: ``LastMileError`` (forbidden) for a driver backend, or a carrier naming another carrier.
    public func carriersToCompare(_ carriers: [String], for role: APIRole) throws(LastMileError) -> [String] {
        switch role {
        case .driverBackend:
            throw LastMileError(.forbidden, "driver backends do not compare carriers", hint: "use an admin, dispatcher or carrier key")
        case .carrier(let own):
            if let other = carriers.first(where: { $0 != own }) {
                throw LastMileError(.forbidden, "a carrier key compares its own carrier only, not '\(other)'", hint: "name no carriers, or only '\(own)'")
            }
            return [own]
        case .admin, .dispatcher:
            return carriers
        }
    }

    /// ``compareCarriers(date:carriers:roads:settings:events:)`` as `role` may see it (object by object, OWASP
    /// API1), for the carriers ``carriersToCompare(_:for:)`` allows: a carrier sees its own runs in every
    /// scenario, the mixed one included; a dispatcher its depot's runs of each scenario (the cheapest and
    /// greenest marks stay those of the whole day).
    ///
    /// - Throws: ``LastMileError``: as ``carriersToCompare(_:for:)`` and
    ///   ``compareCarriers(date:carriers:roads:settings:events:)``.
    public func compareCarriers(date: String, carriers: [String], roads: RoadNetworks, settings: PlanningSettings,
                                for role: APIRole) throws(LastMileError) -> CarrierComparison {
        var comparison = try compareCarriers(date: date, carriers: carriersToCompare(carriers, for: role), roads: roads, settings: settings)
        for index in comparison.scenarios.indices {
            comparison.scenarios[index].report = comparison.scenarios[index].report.restricted { role.reads(depotID: $0, carrierID: $1) }
        }
        return comparison
    }
}
