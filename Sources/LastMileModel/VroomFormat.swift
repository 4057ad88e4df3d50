import Foundation
import LastMileCore

/// VROOM's JSON problem and solution format, so a VROOM integration can switch to LastMile without rewriting.
///
/// Read: `jobs` (`location_index`, `service`, `delivery`/`amount` or `pickup`, `time_windows`, `skills`,
/// `priority`), `shipments` (`amount`, `skills`, `priority`, `pickup`/`delivery` steps with their own
/// `id`, `location_index`, `service`, `time_windows`), `vehicles` (`profile`, `start_index`/`end_index` —
/// either may be missing: an open route —, `capacity`, `time_window`, `skills`, `breaks` with `time_windows`
/// and `service`, `costs` `fixed`/`per_hour`/`per_km`, `speed_factor`, `max_distance`) and `matrices` per
/// profile (`durations`, optional `distances` and `costs`) or the legacy `matrix`. Times are seconds.
/// Costs follow VROOM: `per_hour × duration / 3600 + per_km × distance / 1000` (per_hour 3600 by default),
/// or the profile's `costs` matrix; internally in 1/3,600,000 of a VROOM cost unit so that all stays integer.
/// Refused with a clear message, never silently dropped: coordinates without indices, `setup` times,
/// `max_tasks`, `max_travel_time`, breaks' `max_load`, jobs with both pickup and delivery amounts.
public enum VroomFormat {
    /// What a VROOM input holds besides the problem: the ids and kinds for output.
    public struct Input: Sendable {
        public var problem: VRPProblem
        /// VROOM ids by job index (a shipment's halves carry their step ids).
        public var jobIDs: [Int64]
        /// VROOM step type by job index: "job", "pickup" or "delivery" (the halves of a shipment).
        public var jobTypes: [String]
        public var vehicleIDs: [Int64]
        /// Whether the input gave distances (then the output reports them).
        public var hasDistances: Bool
        /// Number of real locations (the problem may add one virtual location for open routes).
        public var locationCount: Int
    }

    /// A VROOM problem file as decoded, before any check: what ``read(_:name:)`` turns into a problem and the
    /// dispatcher's import turns into orders.
    public struct Document: Decodable, Sendable {
        public var jobs: [DecodedJob]?
        fileprivate var shipments: [RawShipment]?
        fileprivate var vehicles: [RawVehicle]?
        fileprivate var matrices: [String: RawMatrices]?
        fileprivate var matrix: [[Int64]]?
    }

    /// A VROOM job as decoded: times in seconds, `location` as [lon, lat], amounts per capacity dimension.
    public struct DecodedJob: Decodable, Sendable {
        public var id: Int64
        public var location: [Double]?
        public var location_index: Int?
        public var setup: Int64?
        public var service: Int64?
        public var delivery: [Int64]?
        public var amount: [Int64]?
        public var pickup: [Int64]?
        public var time_windows: [[Int64]]?
        public var skills: [Int]?
        public var priority: Int?
        public var description: String?
    }

    fileprivate struct RawShipment: Decodable {
        var amount: [Int64]?
        var skills: [Int]?
        var priority: Int?
        var pickup: RawStep
        var delivery: RawStep
    }

    fileprivate struct RawStep: Decodable {
        var id: Int64
        var location_index: Int?
        var setup: Int64?
        var service: Int64?
        var time_windows: [[Int64]]?
    }

    fileprivate struct RawVehicle: Decodable {
        var id: Int64
        var profile: String?
        var start_index: Int?
        var end_index: Int?
        var capacity: [Int64]?
        var time_window: [Int64]?
        var skills: [Int]?
        var breaks: [RawBreak]?
        var costs: RawCosts?
        var speed_factor: Double?
        var max_tasks: Int?
        var max_travel_time: Int64?
        var max_distance: Int64?
    }

    fileprivate struct RawBreak: Decodable {
        var id: Int64
        var time_windows: [[Int64]]?
        var service: Int64?
        var max_load: [Int64]?
    }

    fileprivate struct RawCosts: Decodable {
        var fixed: Int64?
        var per_hour: Int64?
        var per_km: Int64?
    }

    fileprivate struct RawMatrices: Decodable {
        var durations: [[Int64]]?
        var distances: [[Int64]]?
        var costs: [[Int64]]?
    }

    /// Internal cost units per VROOM cost unit when costs come from rates (3600 s/h × 1000 m/km).
    static let rateScale: Int64 = 3_600_000

    /// Decodes a VROOM problem file without checking it; a file that is not JSON of this shape names the field.
    public static func decode(_ data: Data, name: String) throws(ModelInputError) -> Document {
        do {
            return try JSONDecoder().decode(Document.self, from: data)
        } catch let error as DecodingError {
            throw ModelInputError(file: name, error.readableDescription)
        } catch {
            throw ModelInputError(file: name, "cannot be read as JSON (\(error))")
        }
    }

    public static func read(_ data: Data, name: String) throws -> Input {
        let raw = try decode(data, name: name)
        func fail(_ message: String) -> ModelInputError { ModelInputError(file: name, message) }
        guard let rawVehicles = raw.vehicles, !rawVehicles.isEmpty else { throw fail("'vehicles' is missing or empty: give at least one vehicle") }

        // Profiles: named matrices, or the legacy "matrix" for the default profile "car".
        var rawProfiles: [String: RawMatrices]
        if let matrices = raw.matrices {
            rawProfiles = matrices
        } else if let legacy = raw.matrix {
            rawProfiles = ["car": RawMatrices(durations: legacy)]
        } else {
            throw fail("no 'matrices' (or legacy 'matrix'): LastMile needs the travel-time matrix in the input")
        }
        let profileNames = rawProfiles.keys.sorted()
        for vehicle in rawVehicles where rawProfiles[vehicle.profile ?? "car"] == nil {
            throw fail("vehicle \(vehicle.id): profile '\(vehicle.profile ?? "car")' has no matrices (given: \(profileNames.joined(separator: ", ")))")
        }
        var n: Int?
        for profile in profileNames {
            guard let durations = rawProfiles[profile]!.durations else { throw fail("'matrices.\(profile).durations' is missing") }
            n = n ?? durations.count
            let given = rawProfiles[profile]!
            for (label, matrix) in [("durations", durations), ("costs", given.costs), ("distances", given.distances)] {
                guard let matrix else { continue }
                guard matrix.count == n!, matrix.allSatisfy({ $0.count == n! }) else {
                    throw fail("'matrices.\(profile).\(label)' is not \(n!)×\(n!)")
                }
                guard matrix.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) else { throw fail("'matrices.\(profile).\(label)' has a negative entry") }
            }
        }
        let customCosts = profileNames.filter { rawProfiles[$0]!.costs != nil }
        guard customCosts.isEmpty || customCosts.count == profileNames.count else {
            throw fail("profiles \(customCosts.joined(separator: ", ")) have 'costs' matrices and others do not: give all or none")
        }
        let costScale: Int64 = customCosts.isEmpty ? rateScale : 1
        let n0 = n!
        let openRoutes = rawVehicles.contains { $0.start_index == nil || $0.end_index == nil }
        let size = openRoutes ? n0 + 1 : n0
        /// A matrix padded with a zero row and column for the virtual end of open routes.
        func padded(_ matrix: [[Int64]]) -> [Int64] {
            var flat = [Int64](repeating: 0, count: size * size)
            for i in 0..<n0 { for j in 0..<n0 { flat[i * size + j] = matrix[i][j] } }
            return flat
        }
        let profiles = profileNames.map { profile in
            let given = rawProfiles[profile]!
            return TravelProfile(
                name: profile, time: padded(given.durations!), distance: given.distances.map(padded) ?? [Int64](repeating: 0, count: size * size),
                cost: given.costs.map(padded)
            )
        }

        let shipmentsRaw = raw.shipments ?? []
        let jobsRaw = raw.jobs ?? []
        let amounts = jobsRaw.map { ($0.delivery ?? $0.amount ?? $0.pickup ?? []).count } + shipmentsRaw.map { ($0.amount ?? []).count }
            + rawVehicles.map { ($0.capacity ?? []).count }
        let dimensions = max(1, amounts.max() ?? 1)
        func padded(_ amount: [Int64]) -> [Int64] { amount + Array(repeating: 0, count: dimensions - amount.count) }
        func windows(_ pairs: [[Int64]]?, _ label: String) throws -> [TimeWindow] {
            var windows: [TimeWindow] = []
            for pair in pairs ?? [] {
                guard pair.count == 2, pair[0] <= pair[1] else { throw fail("\(label): a time window is [start, end] with start ≤ end") }
                windows.append(TimeWindow(earliest: pair[0], latest: pair[1]))
            }
            return windows.isEmpty ? [.always] : TimeWindow.normalized(windows)
        }
        func location(_ index: Int?, _ label: String) throws -> LocationIndex {
            guard let index else { throw fail("\(label): 'location_index' is missing (coordinates need a matrix index)") }
            guard index >= 0, index < n0 else { throw fail("\(label): location_index \(index) is outside the \(n0)×\(n0) matrix") }
            return LocationIndex(index)
        }
        func checkStep(setup: Int64?, service: Int64?, priority: Int?, _ label: String) throws {
            guard (setup ?? 0) == 0 else { throw fail("\(label): 'setup' times are not supported; add them to 'service'") }
            guard (service ?? 0) >= 0 else { throw fail("\(label): negative service time") }
            guard (0...100).contains(priority ?? 0) else { throw fail("\(label): priority must be 0...100") }
        }

        var jobs: [Job] = []
        var jobIDs: [Int64] = []
        var jobTypes: [String] = []
        for (index, job) in jobsRaw.enumerated() {
            let label = "job \(job.id) (jobs[\(index)])"
            try checkStep(setup: job.setup, service: job.service, priority: job.priority, label)
            let delivery = job.delivery ?? job.amount ?? []
            let pickup = job.pickup ?? []
            guard (delivery + pickup).allSatisfy({ $0 >= 0 }) else { throw fail("\(label): negative amount") }
            let delivers = delivery.contains { $0 != 0 }, picksUp = pickup.contains { $0 != 0 }
            if delivers && picksUp {
                throw fail("\(label): both 'delivery' and 'pickup' amounts on one job are not supported; split it into two jobs at the same location")
            }
            jobs.append(Job(
                id: String(job.id), kind: picksUp ? .pickup : .delivery, location: try location(job.location_index, label),
                demand: padded(picksUp ? pickup : delivery), service: job.service ?? 0,
                windows: try windows(job.time_windows, label), skills: Set(job.skills ?? []), priority: job.priority ?? 0
            ))
            jobIDs.append(job.id)
            jobTypes.append("job")
        }
        var shipments: [Shipment] = []
        for (index, shipment) in shipmentsRaw.enumerated() {
            let amount = padded(shipment.amount ?? [])
            guard amount.allSatisfy({ $0 >= 0 }) else { throw fail("shipments[\(index)]: negative amount") }
            for (kind, step) in [(Job.Kind.pickup, shipment.pickup), (.delivery, shipment.delivery)] {
                let label = "shipment \(kind.rawValue) \(step.id) (shipments[\(index)].\(kind.rawValue))"
                try checkStep(setup: step.setup, service: step.service, priority: shipment.priority, label)
                jobs.append(Job(
                    id: "\(kind.rawValue) \(step.id)", kind: kind, location: try location(step.location_index, label), demand: amount,
                    service: step.service ?? 0, windows: try windows(step.time_windows, label), skills: Set(shipment.skills ?? []),
                    priority: shipment.priority ?? 0
                ))
                jobIDs.append(step.id)
                jobTypes.append(kind.rawValue)
            }
            shipments.append(Shipment(pickup: JobIndex(jobs.count - 2), delivery: JobIndex(jobs.count - 1)))
        }

        var vehicles: [Vehicle] = []
        for (index, vehicle) in rawVehicles.enumerated() {
            let label = "vehicle \(vehicle.id) (vehicles[\(index)])"
            guard vehicle.max_tasks == nil else { throw fail("\(label): 'max_tasks' is not supported") }
            guard vehicle.max_travel_time == nil else {
                throw fail("\(label): 'max_travel_time' is not supported (LastMile limits whole route durations, not travel alone)")
            }
            for location in [vehicle.start_index, vehicle.end_index].compactMap({ $0 }) where location < 0 || location >= n0 {
                throw fail("\(label): location index \(location) is outside the \(n0)×\(n0) matrix")
            }
            var shift = TimeWindow.always
            if let window = vehicle.time_window {
                guard window.count == 2, window[0] <= window[1] else { throw fail("\(label): 'time_window' is [start, end] with start ≤ end") }
                shift = TimeWindow(earliest: window[0], latest: window[1])
            }
            var breaks: [DriverBreak] = []
            for (b, driverBreak) in (vehicle.breaks ?? []).enumerated() {
                let breakLabel = "\(label) break \(driverBreak.id) (breaks[\(b)])"
                guard driverBreak.max_load == nil else { throw fail("\(breakLabel): 'max_load' is not supported") }
                guard (driverBreak.service ?? 0) >= 0 else { throw fail("\(breakLabel): negative service") }
                breaks.append(DriverBreak(
                    id: String(driverBreak.id), windows: try windows(driverBreak.time_windows, breakLabel), duration: driverBreak.service ?? 0
                ))
            }
            let speedFactor = vehicle.speed_factor ?? 1
            guard speedFactor > 0, speedFactor <= 5 else { throw fail("\(label): 'speed_factor' must be in (0, 5]") }
            let perHour = vehicle.costs?.per_hour ?? 3600, perKm = vehicle.costs?.per_km ?? 0
            guard perHour >= 0, perKm >= 0, (vehicle.costs?.fixed ?? 0) >= 0 else { throw fail("\(label): negative cost") }
            guard vehicle.max_distance == nil || rawProfiles[vehicle.profile ?? "car"]!.distances != nil else {
                throw fail("\(label): 'max_distance' needs a 'distances' matrix for profile '\(vehicle.profile ?? "car")'")
            }
            let capacity = vehicle.capacity ?? []
            vehicles.append(Vehicle(
                id: String(vehicle.id), startLocation: LocationIndex(vehicle.start_index ?? n0), endLocation: LocationIndex(vehicle.end_index ?? n0),
                capacity: capacity + Array(repeating: Int64.max / 4, count: dimensions - capacity.count), shift: shift,
                fixedCost: (vehicle.costs?.fixed ?? 0) * costScale,
                costPerDistance: costScale == 1 ? 0 : perKm * 3600, costPerTime: costScale == 1 ? 0 : perHour * 1000,
                skills: Set(vehicle.skills ?? []), maxDistance: vehicle.max_distance,
                profile: ProfileIndex(profileNames.firstIndex(of: vehicle.profile ?? "car")!), speedFactor: speedFactor, breaks: breaks
            ))
        }
        let problem = VRPProblem(
            name: name, locationCount: size, profiles: profiles, jobs: jobs, shipments: shipments, vehicles: vehicles,
            dimensions: dimensions, costScale: costScale
        )
        return Input(
            problem: problem, jobIDs: jobIDs, jobTypes: jobTypes, vehicleIDs: rawVehicles.map(\.id),
            hasDistances: rawProfiles.values.contains { $0.distances != nil }, locationCount: n0
        )
    }
}
