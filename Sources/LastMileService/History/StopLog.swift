import Foundation
import LastMileCore
import LastMileGraph

/// Delivery history: one row per stop as the driver's device logged it, runs in driving order.
///
/// CSV columns (header required, any order): `day` (YYYY-MM-DD), `vehicle`, `customer` (empty for the run's
/// start at the depot), `lat`, `lon`, `planned_arrival`, `actual_arrival`, `actual_departure` (local times
/// `HH:MM:SS`, seconds after the day's midnight). Each run — the rows of one `day` and `vehicle`, in file
/// order — starts at the depot row; each later row's leg departs at the previous row's `actual_departure`.
/// Travel time of a leg = `actual_arrival` − previous `actual_departure`; service time = `actual_departure` −
/// `actual_arrival`.
public struct StopLog: Sendable {
    public struct Stop: Sendable, Hashable {
        public var day: CivilDate
        public var vehicle: String
        /// `nil` at the run's start (the depot).
        public var customer: String?
        public var coordinate: Coordinate
        /// Seconds after midnight.
        public var plannedArrival: Int, actualArrival: Int, actualDeparture: Int
    }

    public static let columns = ["day", "vehicle", "customer", "lat", "lon", "planned_arrival", "actual_arrival", "actual_departure"]

    public var stops: [Stop]

    public init(stops: [Stop]) { self.stops = stops }

    /// The legs: for every stop after a run's start, the index of the stop it departs from.
    public var legs: [(from: Int, to: Int)] {
        stops.indices.dropFirst().compactMap { index in
            let previous = stops[index - 1], stop = stops[index]
            guard stop.customer != nil, previous.day == stop.day, previous.vehicle == stop.vehicle else { return nil }
            return (index - 1, index)
        }
    }

    /// Reads the CSV at `path`.
    ///
    /// - Throws: ``LastMileError`` (bad input) naming the file, line and field.
    public static func read(_ path: String) throws(LastMileError) -> StopLog {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw LastMileError(.badInput, "cannot read the stop log", at: ErrorLocation(file: path))
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else {
            throw LastMileError(.badInput, "the stop log is empty", at: ErrorLocation(file: path))
        }
        if let missing = columns.first(where: { !header.contains($0) }) {
            throw LastMileError(.badInput, "the header has no column '\(missing)'", at: ErrorLocation(file: path, line: 1),
                                hint: "start with `\(columns.joined(separator: ","))`")
        }
        var stops: [Stop] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            func fail(_ field: String, _ message: String) -> LastMileError {
                LastMileError(.badInput, message, at: ErrorLocation(file: path, line: offset + 1, field: field))
            }
            guard cells.count == header.count else { throw fail("", "\(cells.count) cells where the header has \(header.count)") }
            let row = Dictionary(zip(header, cells), uniquingKeysWith: { first, _ in first })
            guard let day = CivilDate(parsing: row["day"]!) else { throw fail("day", "'\(row["day"]!)' is not a date YYYY-MM-DD") }
            guard let lat = Double(row["lat"]!), let lon = Double(row["lon"]!), let coordinate = Coordinate(latitude: lat, longitude: lon) else {
                throw fail("lat", "lat '\(row["lat"]!)' / lon '\(row["lon"]!)' is not a position")
            }
            var times: [Int] = []
            for field in ["planned_arrival", "actual_arrival", "actual_departure"] {
                guard let seconds = Self.seconds(row[field]!) else { throw fail(field, "'\(row[field]!)' is not a time HH:MM:SS") }
                times.append(seconds)
            }
            guard times[2] >= times[1] else { throw fail("actual_departure", "departs before it arrives") }
            let customer = row["customer"]!
            stops.append(Stop(
                day: day, vehicle: row["vehicle"]!, customer: customer.isEmpty ? nil : customer, coordinate: coordinate,
                plannedArrival: times[0], actualArrival: times[1], actualDeparture: times[2]
            ))
        }
        return StopLog(stops: stops)
    }

    /// The CSV text of ``read(_:)``.
    public var csv: String {
        var text = Self.columns.joined(separator: ",") + "\n"
        for stop in stops {
            let cells = [stop.day.description, stop.vehicle, stop.customer ?? "", formatDegrees(stop.coordinate.latitudeE7), formatDegrees(stop.coordinate.longitudeE7),
                         Self.clock(stop.plannedArrival), Self.clock(stop.actualArrival), Self.clock(stop.actualDeparture)]
            text += cells.joined(separator: ",") + "\n"
        }
        return text
    }

    /// Seconds after midnight of `HH:MM:SS` (hours may pass 24).
    static func seconds(_ text: String) -> Int? {
        let parts = text.split(separator: ":").map { Int($0) }
        guard parts.count == 3, let h = parts[0], let m = parts[1], let s = parts[2], h >= 0, (0..<60).contains(m), (0..<60).contains(s) else { return nil }
        return h * 3600 + m * 60 + s
    }

    static func clock(_ seconds: Int) -> String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))"
    }
}
