import LastMileCore
import LastMileDomain
import LastMileGraph
import LastMileService

/// What `simulate` prints: a table per vehicle with the day's total, or one column per policy for a disturbed
/// day. Hours as H:MM, distances in km, lateness in minutes.
enum SimulationSummary {
    static func lines(_ report: SimulationReport, conditions: RoadConditions) -> [String] {
        var rows = [["vehicle", "start", "out", "back", "stops", "late", "late min", "failed", "km", "drive", "service", "wait", "break", "paid", "overtime"]]
        func cells(_ totals: SimulationReport.Totals) -> [String] {
            ["\(totals.stopsServed)", "\(totals.lateStops)", minutes(totals.latenessSeconds), "\(totals.failedAttempts)", kilometres(totals.metres),
             hours(totals.driveSeconds), hours(totals.serviceSeconds), hours(totals.waitSeconds), hours(totals.breakSeconds), hours(totals.paidSeconds),
             hours(totals.overtimeSeconds)]
        }
        for run in report.runs {
            let back = run.ending == .brokenDown ? "broke \(run.end)" : "\(run.end)"
            rows.append([run.vehicleID, "\(run.start)", "\(run.departure)", back] + cells(run.totals))
        }
        rows.append(["total", "", "", ""] + cells(report.total))
        var lines = ["\(report.date) version \(report.planVersion) simulated, \(report.policy): \(describe(conditions)), \(describe(report))"]
        lines += table(rows, leftAligned: 1)
        lines += unserved(report)
        return lines
    }

    static func comparison(_ day: DisturbedDay, conditions: RoadConditions) -> [String] {
        guard let first = day.reports.first else { return [] }
        let metrics: [(String, (SimulationReport) -> String)] = [
            ("stops served", { "\($0.total.stopsServed)" }),
            ("unserved", { "\($0.unserved.count)" }),
            ("late stops", { "\($0.total.lateStops)" }),
            ("lateness min", { minutes($0.total.latenessSeconds) }),
            ("failed attempts", { "\($0.total.failedAttempts)" }),
            ("km", { kilometres($0.total.metres) }),
            ("paid hours", { hours($0.total.paidSeconds) }),
            ("overtime", { hours($0.total.overtimeSeconds) }),
            ("reroutes", { "\($0.stability.reroutes)" }),
            ("stops moved per reroute", { FixedPoint.string($0.stability.meanChangedShare * 100, decimals: 1) + " %" }),
        ]
        let rows = [[""] + day.reports.map(\.policy)] + metrics.map { name, value in [name] + day.reports.map(value) }
        var lines = ["\(first.date) version \(first.planVersion), a disturbed day: \(day.disturbances.summary); \(describe(conditions)), \(describe(first))"]
        lines += table(rows, leftAligned: 1)
        for report in day.reports { lines += unserved(report).map { report.policy + ": " + $0 } }
        return lines
    }

    private static func describe(_ conditions: RoadConditions) -> String {
        "traffic \(conditions.profile.name), \(conditions.closures.count) closures, \(conditions.weather.count) weather events"
    }

    private static func describe(_ report: SimulationReport) -> String {
        report.noise == 0 ? "no noise" : "noise \(FixedPoint.string(report.noise, decimals: 2)) (seed \(report.seed))"
    }

    private static func unserved(_ report: SimulationReport) -> [String] {
        guard !report.unserved.isEmpty else { return [] }
        var lines = ["unserved: \(report.unserved.count)"]
        lines += report.unserved.prefix(5).map { "   \($0.orderID): \($0.reason)" }
        if report.unserved.count > 5 { lines.append("   … \(report.unserved.count - 5) more in the JSON report (--output)") }
        return lines
    }

    /// Columns padded to their widest cell: the first `leftAligned` columns to the left, the others to the right.
    private static func table(_ rows: [[String]], leftAligned: Int) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column < leftAligned ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
    }

    private static func hours(_ seconds: Int) -> String {
        let minutes = (seconds + 30) / 60
        return "\(minutes / 60):" + (minutes % 60 < 10 ? "0" : "") + "\(minutes % 60)"
    }

    private static func minutes(_ seconds: Int) -> String { "\((seconds + 30) / 60)" }

    private static func kilometres(_ metres: Int64) -> String { FixedPoint.string(Double(metres) / 1000, decimals: 1) }
}
