import Foundation
import LastMileCore
import LastMileService

/// Prints the service's progress events on the terminal; the solver's progress is one line rewritten in
/// place, on terminals only.
enum EventPrinter {
    static func print(_ event: ServiceEvent) {
        switch event {
        case .dayLoaded(let date, let orders, let depots, let vehicles):
            Terminal.print("   \(orders) orders, \(depots) depots, \(vehicles) vehicles for \(date)")
        case .roadsReady(let carNodes, let bikeNodes, let seconds):
            Terminal.print("   road networks ready (cars: \(carNodes) nodes"
                + (bikeNodes.map { ", bikes: \($0) nodes" } ?? ", bikes on the car roads") + ") in \(Duration.seconds(seconds).formattedSeconds)")
        case .matrix(let locations, let seconds):
            Terminal.print("   \(locations)×\(locations) road matrix in \(Duration.seconds(seconds).formattedSeconds)")
        case .solving(let seconds, let cost, let unassigned):
            guard Terminal.isInteractive else { return }
            let elapsed = FixedPoint.string(seconds, decimals: 1)
            Terminal.write("\r   solving \(String(repeating: " ", count: max(0, 5 - elapsed.count)) + elapsed) s: "
                + "best cost \(FixedPoint.string(cost, decimals: 2)), \(unassigned) unassigned   ")
        case .solved(let iterations, let seconds):
            if Terminal.isInteractive { Terminal.write("\r") }
            let rate = seconds > 0 ? Int((Double(iterations) / seconds).rounded()) : 0
            Terminal.print("   solver: \(iterations) iterations in \(Duration.seconds(seconds).formattedSeconds) (\(rate) per second)")
        case .stockRepair(let round, let overdrawn):
            Terminal.print("   \(overdrawn) orders overdraw a depot's stock: planning again without those depots (round \(round))")
        case .planned(let runs, let unassigned, let checked, let seconds):
            if Terminal.isInteractive { Terminal.write("\r") }
            Terminal.print("   planned in \(Duration.seconds(seconds).formattedSeconds): \(runs) runs, \(unassigned) unassigned; independent check "
                + (checked ? "passed" : "FAILED"))
        case .stored(let date, let version):
            Terminal.print("   stored as version \(version) of \(date)")
        case .outputsWritten(let files, let folder):
            Terminal.print("   wrote \(files) files into \(folder)/")
        case .inputWritten(let path):
            Terminal.print("   wrote \(path)")
        case .loaded(let kind, _, let inserted, let updated):
            Terminal.print("   \(kind): \(inserted) new, \(updated) updated")
        }
    }
}
