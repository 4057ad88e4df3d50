import Foundation
import LastMileTestSupport
import Testing

/// `lastmile serve` as a deployment runs it: configured by the environment alone (LASTMILE_DB, LASTMILE_HOST,
/// LASTMILE_PORT), answering on its port, and stopping cleanly on SIGTERM; a bad variable is a usage error.
@Suite struct ServeCommandTests {
    let cli = CommandLineTests()

    /// `lastmile ARGUMENTS` with `variables` added to the environment, not yet waited for.
    func start(_ arguments: [String], variables: [String: String]) throws -> (Process, Pipe) {
        let process = Process(), errors = Pipe()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(variables) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        return (process, errors)
    }

    @Test func serveTakesItsSettingsFromTheEnvironmentAndStopsOnSIGTERM() throws {
        let db = cli.temporaryPath("serve.sqlite")
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) } }
        let (process, errors) = try start(["serve", "--log-level", "warning"],
                                          variables: ["LASTMILE_DB": db, "LASTMILE_HOST": "127.0.0.1", "LASTMILE_PORT": "0"])
        var text = ""
        while !text.contains("listening on") {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let port = try #require(text.split(separator: "http://127.0.0.1:").last.flatMap { Int($0.prefix { $0.isNumber }) }, "\(text)")
        let (status, body) = try LoopbackHTTP.request(port: port, method: "GET", path: "/health", body: nil)
        #expect(status == 200 && String(decoding: body, as: UTF8.self).contains("\"ok\""))
        #expect(FileManager.default.fileExists(atPath: db), "LASTMILE_DB's database was not created")
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(text)")
    }

    @Test func aBadPortVariableIsAUsageError() throws {
        let (process, errors) = try start(["serve"], variables: ["LASTMILE_PORT": "http"])
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 64)
        #expect(message.contains("LASTMILE_PORT"), "\(message)")
    }
}
