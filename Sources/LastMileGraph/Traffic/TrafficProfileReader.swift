import Foundation
import LastMileCore

/// Reads a ``TrafficProfile`` from CSV or JSON, reporting the first bad row with its line (CSV) or its index
/// (JSON `periods[i]`).
///
/// **CSV** (`#` comment lines and blank lines are skipped; columns in any order):
/// ```
/// days,start,end,road,speed_factor
/// weekdays,07:30,09:00,arterial,0.50
/// sat,00:00,24:00,all,1.0
/// mon,08:00,10:00,way:4242,0.30
/// ```
/// **JSON**: `{"name": "…", "periods": [{"days": "weekdays", "start": "07:30", "end": "09:00", "road":
/// "arterial", "speed_factor": 0.5}, …]}` with the same fields.
///
/// - `days`: `mon` … `sun`, `weekdays` (mon–fri), `weekend` (sat, sun) or `all`.
/// - `start`, `end`: `HH:MM` on 15-minute boundaries, 00:00 ≤ start < end ≤ 24:00; the period is [start, end).
/// - `road`: a road class (`primary`, `residential`, … as OSM's `highway=` value, `ferry`), a group (``roadGroups``:
///   `arterial`, `collector`, `local`, `all`), or `way:ID` for one OSM way (an override of its class's factor).
/// - `speed_factor`: share of free-flow speed, 0.05 … 1.5, at most three decimals.
///
/// Every weekday, slice and road class needs exactly one class factor (no gaps, no overlaps); way overrides
/// may not overlap each other.
public enum TrafficProfileReader {
    /// Named groups of road classes.
    public static let roadGroups: [String: [RoadClass]] = [
        "arterial": [.motorway, .motorwayLink, .trunk, .trunkLink, .primary, .primaryLink],
        "collector": [.secondary, .secondaryLink, .tertiary, .tertiaryLink],
        "local": [.unclassified, .residential, .livingStreet, .service, .road, .track],
        "all": RoadClass.allCases,
    ]
    static let dayGroups: [String: [Weekday]] = [
        "weekdays": [.monday, .tuesday, .wednesday, .thursday, .friday],
        "weekend": [.saturday, .sunday],
        "all": Weekday.allCases,
    ]
    static let columns = ["days", "start", "end", "road", "speed_factor"]

    /// Reads the file at `path` (named so in errors): JSON when its name ends in `.json`, CSV otherwise.
    public static func read(_ path: String) throws(TrafficFileError) -> TrafficProfile {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw TrafficFileError("cannot read the traffic profile (\(error.localizedDescription))", at: ErrorLocation(file: path))
        }
        return path.lowercased().hasSuffix(".json") ? try parseJSON(text, name: path) : try parseCSV(text, name: path)
    }

    /// Parses the CSV form; `name` appears in error locations.
    public static func parseCSV(_ text: String, name: String) throws(TrafficFileError) -> TrafficProfile {
        var rows: [(location: ErrorLocation, fields: [String: String])] = []
        var header: [String]?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let location = ErrorLocation(file: name, line: index + 1)
            guard let columns = header else {
                if let missing = Self.columns.first(where: { !cells.contains($0) }) {
                    throw TrafficFileError("the header has no column '\(missing)'", at: location,
                                           hint: "start with the header `\(Self.columns.joined(separator: ","))`")
                }
                header = cells
                continue
            }
            guard cells.count == columns.count else {
                throw TrafficFileError("\(cells.count) cells where the header has \(columns.count)", at: location)
            }
            rows.append((location, Dictionary(zip(columns, cells), uniquingKeysWith: { first, _ in first })))
        }
        guard header != nil else { throw TrafficFileError("the file is empty", at: ErrorLocation(file: name)) }
        return try build(rows, name: name)
    }

    /// Parses the JSON form; `name` appears in error locations.
    public static func parseJSON(_ text: String, name: String) throws(TrafficFileError) -> TrafficProfile {
        let root = try? JSONSerialization.jsonObject(with: Data(text.utf8))
        guard let object = root as? [String: Any], let periods = object["periods"] as? [Any] else {
            throw TrafficFileError("not a traffic profile: expected an object with a `periods` array", at: ErrorLocation(file: name))
        }
        var rows: [(location: ErrorLocation, fields: [String: String])] = []
        for (index, period) in periods.enumerated() {
            let location = ErrorLocation(file: name, position: "periods[\(index)]")
            guard let fields = period as? [String: Any] else { throw TrafficFileError("a period must be an object", at: location) }
            rows.append((location, fields.mapValues { value in
                if let number = value as? NSNumber, !(value is String) { return number.stringValue }
                return "\(value)"
            }))
        }
        return try build(rows, name: (object["name"] as? String) ?? name)
    }

    /// Checks the rows and fills the factor table.
    private static func build(_ rows: [(location: ErrorLocation, fields: [String: String])], name: String) throws(TrafficFileError) -> TrafficProfile {
        let slotCount = 7 * TrafficProfile.slicesPerDay * TrafficProfile.classCount
        var factors = [UInt16](repeating: 0, count: slotCount)
        var setBy = [Int32](repeating: -1, count: slotCount)
        var overrides: [WayOverride] = []
        var overrideRow: [Int] = []
        // The overrides of each way and weekday (indices into `overrides`), so that checking a row for overlaps
        // costs its own way's rows, not every row before it (a file of many overrides stays linear).
        var overridesOfWayDay: [Int64: [Int]] = [:]
        for (rowIndex, row) in rows.enumerated() {
            let period = try parse(row.fields, at: row.location)
            if let way = period.way {
                for day in period.days {
                    let new = WayOverride(way: way, weekday: day, slices: period.slices, factor: period.factor)
                    let key = way &* 8 &+ Int64(day.rawValue)
                    let earlier = overridesOfWayDay[key, default: []]
                    if let clash = earlier.first(where: { overrides[$0].way == way && overrides[$0].weekday == day && overrides[$0].slices.overlaps(period.slices) }) {
                        throw overlap(row.location, field: "road", with: rows[overrideRow[clash]].location,
                                      what: "way \(way) on \(day) \(clock(period.slices))")
                    }
                    overridesOfWayDay[key, default: []].append(overrides.count)
                    overrides.append(new)
                    overrideRow.append(rowIndex)
                }
                continue
            }
            for day in period.days {
                for slice in period.slices {
                    for roadClass in period.classes {
                        let slot = (day.rawValue * TrafficProfile.slicesPerDay + slice) * TrafficProfile.classCount + Int(roadClass.rawValue)
                        if setBy[slot] >= 0 {
                            throw overlap(row.location, field: "start", with: rows[Int(setBy[slot])].location,
                                          what: "\(roadClass) on \(day) at \(clock(slice..<slice + 1))")
                        }
                        setBy[slot] = Int32(rowIndex)
                        factors[slot] = UInt16(period.factor)
                    }
                }
            }
        }
        if let gap = setBy.firstIndex(of: -1) {
            let roadClass = RoadClass(rawValue: UInt8(gap % TrafficProfile.classCount))!
            let slice = gap / TrafficProfile.classCount % TrafficProfile.slicesPerDay
            let day = Weekday(rawValue: gap / TrafficProfile.classCount / TrafficProfile.slicesPerDay)!
            throw TrafficFileError(
                "no speed factor for \(roadClass) on \(day) at \(clock(slice..<slice + 1))", at: ErrorLocation(file: name),
                hint: "every weekday, 15-minute slice of 00:00–24:00 and road class needs exactly one row (groups: all, arterial, collector, local)"
            )
        }
        return TrafficProfile(name: name, classFactors: factors, wayOverrides: overrides)
    }

    /// One row, checked field by field.
    private static func parse(_ fields: [String: String], at location: ErrorLocation) throws(TrafficFileError) -> (
        days: [Weekday], slices: Range<Int>, classes: [RoadClass], way: Int64?, factor: Int
    ) {
        func field(_ name: String) throws(TrafficFileError) -> String {
            guard let value = fields[name], !value.isEmpty else {
                throw TrafficFileError("missing \(name)", at: location.with(field: name))
            }
            return value
        }
        let daysText = try field("days").lowercased()
        guard let days = dayGroups[daysText] ?? Weekday.allCases.first(where: { $0.abbreviation == daysText }).map({ [$0] }) else {
            throw TrafficFileError("unknown days '\(daysText)'", at: location.with(field: "days"),
                                   hint: "write mon, tue, wed, thu, fri, sat, sun, weekdays, weekend or all")
        }
        let start = try minute(try field("start"), field: "start", at: location)
        let end = try minute(try field("end"), field: "end", at: location)
        guard start < end else {
            throw TrafficFileError("the period ends (\(try field("end"))) before it starts (\(try field("start")))", at: location.with(field: "end"))
        }
        let road = try field("road")
        var classes: [RoadClass] = []
        var way: Int64?
        if road.hasPrefix("way:") {
            guard let id = Int64(road.dropFirst(4)), id > 0 else {
                throw TrafficFileError("'\(road)' is not an OSM way", at: location.with(field: "road"), hint: "write way:ID with the way's positive OSM id")
            }
            way = id
        } else if let group = roadGroups[road] ?? RoadClass.allCases.first(where: { $0.osmValue == road }).map({ [$0] }) {
            classes = group
        } else {
            throw TrafficFileError(
                "unknown road class '\(road)'", at: location.with(field: "road"),
                hint: "write a highway= value (\(RoadClass.allCases.map(\.osmValue).joined(separator: ", "))), a group "
                    + "(arterial, collector, local, all) or way:ID"
            )
        }
        let factorText = try field("speed_factor")
        guard let factor = permille(factorText), TrafficProfile.factorRange.contains(factor) else {
            throw TrafficFileError(
                "speed factor '\(factorText)' is out of range", at: location.with(field: "speed_factor"),
                hint: "write a share of free-flow speed from 0.05 to 1.5 with at most three decimals"
            )
        }
        let slice = TrafficProfile.sliceMinutes
        return (days, start / slice..<end / slice, classes, way, factor)
    }

    /// Minutes since midnight of `HH:MM` on a slice boundary.
    private static func minute(_ text: String, field: String, at location: ErrorLocation) throws(TrafficFileError) -> Int {
        guard let minute = LocalMinute.minuteOfDay(text), minute % TrafficProfile.sliceMinutes == 0 else {
            throw TrafficFileError("'\(text)' is not a 15-minute boundary", at: location.with(field: field),
                                   hint: "write HH:MM from 00:00 to 24:00 with minutes 00, 15, 30 or 45")
        }
        return minute
    }

    /// A decimal with at most three digits after the point, in thousandths; `nil` otherwise, and when the
    /// thousandths do not fit an `Int` (a fuzzed `00600000000000000000.0` once trapped here).
    static func permille(_ text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int(parts[0]), whole >= 0, parts[0].allSatisfy(\.isNumber) else { return nil }
        let (thousandths, overflow) = whole.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return nil }
        guard parts.count == 2 else { return thousandths }
        let decimals = parts[1]
        guard (1...3).contains(decimals.count), decimals.allSatisfy(\.isNumber), let fraction = Int(decimals) else { return nil }
        let (total, carried) = thousandths.addingReportingOverflow(fraction * [100, 10, 1][decimals.count - 1])
        return carried ? nil : total
    }

    private static func overlap(_ location: ErrorLocation, field: String, with earlier: ErrorLocation, what: String) -> TrafficFileError {
        let other = earlier.line.map { "line \($0)" } ?? earlier.position ?? "an earlier row"
        return TrafficFileError("overlaps \(other): both set \(what)", at: location.with(field: field),
                                hint: "give every weekday, slice and road exactly one row")
    }

    /// `HH:MM–HH:MM` of a slice range.
    static func clock(_ slices: Range<Int>) -> String {
        func text(_ minute: Int) -> String {
            let hours = minute / 60, minutes = minute % 60
            return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
        }
        return text(slices.lowerBound * TrafficProfile.sliceMinutes) + "–" + text(slices.upperBound * TrafficProfile.sliceMinutes)
    }
}

extension ErrorLocation {
    /// This location with `field` set.
    func with(field: String) -> ErrorLocation {
        var copy = self
        copy.field = field
        return copy
    }
}
