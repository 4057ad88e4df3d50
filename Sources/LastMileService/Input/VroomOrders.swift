import Foundation
import LastMileCore
import LastMileDomain
import LastMileModel

/// Orders from a VROOM problem file (`jobs` with `location` as [lon, lat]), so that a VROOM integration can
/// feed the dispatcher's database. The file is decoded by ``VroomFormat/decode(_:name:)``, the model's reader.
/// Amounts (`delivery`, or legacy `amount`) map in order to weight (grams), volume (millilitres) and parcels
/// (1 when absent); `time_windows[0]` is seconds after midnight of `date` (or Unix time, converted to UTC time
/// of day); `service` seconds; `priority`; `description` becomes the customer. VROOM jobs carry no SKUs, so
/// every depot may serve them. Vehicles and shipments are not orders: load the fleet and depots with their own files.
public enum VroomOrders {
    public static func read(_ data: Data, file: String, date: String) throws(InputReport) -> (records: [(line: Int, record: Order)], issues: [InputIssue]) {
        func fail(_ message: String) -> InputReport { InputReport(issues: [InputIssue(file: file, message: message)]) }
        let document: VroomFormat.Document
        do { document = try VroomFormat.decode(data, name: file) } catch { throw fail(error.message) }
        guard let jobs = document.jobs else { throw fail("has no 'jobs' array; a VROOM problem lists its jobs there") }
        var records: [(Int, Order)] = []
        var issues: [InputIssue] = []
        var seen = Set<Int64>()
        for (index, job) in jobs.enumerated() {
            var problems: [(String, String)] = []
            if !seen.insert(job.id).inserted { problems.append(("id", "'\(job.id)' is used by an earlier job")) }
            let location = job.location ?? []
            var coordinate = Coordinate(latitudeE7: 0, longitudeE7: 0)
            if location.count == 2, let c = Coordinate(latitude: location[1], longitude: location[0]) {
                coordinate = c
            } else {
                problems.append(("location", "needs [longitude, latitude] (a location_index has no position to plan on roads)"))
            }
            let amounts = job.delivery ?? job.amount ?? []
            if amounts.contains(where: { $0 < 0 }) { problems.append(("delivery", "has a negative amount")) }
            if let pickup = job.pickup, pickup.contains(where: { $0 != 0 }) {
                problems.append(("pickup", "pickups are not orders to deliver; leave them out of the dispatcher's import"))
            }
            var window = (start: 0, end: 172_799)
            if let windows = job.time_windows, let first = windows.first {
                if first.count != 2 || first[0] > first[1] {
                    problems.append(("time_windows", "a window is [start, end] with start ≤ end"))
                }
                let (start, end) = first.count == 2 ? (Int(first[0]), Int(max(first[0], first[1]))) : (0, 0)
                window = start >= 1_000_000_000 ? (start % 86_400, start % 86_400 + (end - start)) : (start, end)
                if windows.count > 1 { problems.append(("time_windows", "several windows per order are not stored; keep one")) }
                if window.end >= 172_800 { problems.append(("time_windows", "ends more than a day after midnight")) }
            }
            let service = Int(job.service ?? 0)
            if service < 0 { problems.append(("service", "is negative")) }
            let priority = job.priority ?? 0
            if !(0...100).contains(priority) { problems.append(("priority", "must be 0...100")) }
            guard problems.isEmpty else {
                issues += problems.map { InputIssue(file: file, line: index + 1, column: $0.0, message: $0.1, isRecordNumber: true) }
                continue
            }
            let load = Load(grams: amounts.count > 0 ? amounts[0] : 0, millilitres: amounts.count > 1 ? amounts[1] : 0,
                            parcels: amounts.count > 2 ? amounts[2] : 1)
            records.append((index + 1, Order(
                id: String(job.id), date: date, customer: job.description ?? "", coordinate: coordinate, items: [], load: load,
                windowStart: TimeOfDay(seconds: window.start), windowEnd: TimeOfDay(seconds: max(window.end, window.start + 1)),
                serviceSeconds: service, priority: priority
            )))
        }
        return (records, issues)
    }
}
