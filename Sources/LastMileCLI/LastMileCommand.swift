import ArgumentParser
import Foundation
import LastMileGeo
import LastMileGraph
import LastMileOSM
import LastMileDispatch
import LastMileStore
import GRDB

/// The `lastmile` command: last-mile delivery planning on OpenStreetMap roads.
///
/// Exit codes: 0 success, 1 internal error, 2 bad input (unreadable, corrupt or wrong-version files, bad
/// options), 3 routing-data problems (no roads in the map, points too far from every road).
@main
struct LastMileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lastmile",
        abstract: "Last-mile delivery planning on OpenStreetMap roads.",
        subcommands: [Demo.self, Load.self, Plan.self, Import.self, Info.self, Snap.self, Matrix.self, RouteCommand.self, Solve.self, Check.self, GenerateSampleTown.self]
    )

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as OSMError {
            fail(error.description, code: 2)
        } catch let error as GeoError {
            fail(error.message, code: 2)
        } catch let error as GraphError {
            switch error.code {
            case .noRoads, .tooFarFromRoad: fail(error.message, code: 3)
            default: fail(error.message, code: 2)
            }
        } catch let error as DispatchError {
            switch error {
            case .depotOffRoad: fail(error.description, code: 3)
            default: fail(error.description, code: 2)
            }
        } catch let error as InputReport {
            fail("input not loaded:\n\(error)", code: 2)
        } catch let error as CommitError {
            fail(error.description, code: 1)
        } catch let error as DatabaseError {
            fail("database: \(error.message ?? error.description); is the --db path a LastMile database?", code: 2)
        } catch {
            exit(withError: error)
        }
    }

    private static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        Foundation.exit(code)
    }
}
