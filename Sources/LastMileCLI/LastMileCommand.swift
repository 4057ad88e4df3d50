import ArgumentParser
import Foundation
import LastMileCore
import LastMileService

/// The `lastmile` command: last-mile delivery planning on OpenStreetMap roads.
///
/// Errors print `error: WHERE: WHAT` on the first line of standard error, then details and a hint, and exit
/// with the code of their category (``ExitCodes``): 0 success, 1 a check failed, 2 bad input, 3 routing data,
/// 4 conflict, 64 wrong arguments (with the usage banner), 70 internal error.
@main
struct LastMileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lastmile",
        abstract: "Last-mile delivery planning on OpenStreetMap roads.",
        version: LastMileVersion.current,
        subcommands: [
            Demo.self, Load.self, Plan.self, Events.self, Live.self, Import.self, Info.self, Snap.self, Matrix.self, RouteCommand.self,
            Traffic.self, Simulate.self, Report.self, Solve.self, Check.self, Serve.self, Keys.self, GenerateSampleTown.self,
        ]
    )

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as any LastMileErrorConvertible {
            let error = error.lastMileError
            Terminal.error("error: " + error.description)
            Foundation.exit(ExitCodes.code(for: error.category))
        } catch {
            // Argument errors (usage banner, exit 64), --help, --version and explicit exit codes.
            if exitCode(for: error) == .failure, !(error is ExitCode) {
                Terminal.error("error: " + LastMileError(describing: error).description)
                Foundation.exit(ExitCodes.code(for: .internal))
            }
            exit(withError: error)
        }
    }
}
