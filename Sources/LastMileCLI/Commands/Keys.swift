import ArgumentParser
import LastMileService

/// `lastmile keys create|list|revoke`: the API keys of `lastmile serve`.
struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create, list and revoke the API keys of `lastmile serve`.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a key and print it once (only its SHA-256 is stored).",
            discussion: """
                Roles: admin (everything); dispatcher --depot ID (that depot's runs); driver-backend --carrier ID \
                (that carrier's vehicles' routes and events); carrier --carrier ID (read-only, its own runs).
                """
        )

        @Option(help: "admin, dispatcher, driver-backend or carrier.")
        var role: String

        @Option(help: "The depot of a dispatcher key.")
        var depot: String?

        @Option(help: "The carrier of a driver-backend or carrier key.")
        var carrier: String?

        @Option(help: "A note to tell keys apart in `keys list`.")
        var label = ""

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let role = try APIRole.parse(role, depotID: depot, carrierID: carrier)
            // A new server's first admin key may come before any data (the database is created then); scoped keys
            // need their depot or carrier loaded.
            let service = try LastMileService.build(.init(databasePath: database.db, createsDatabase: role == .admin))
            let key = try service.createAPIKey(role: role, label: label)
            Terminal.print(key.token)
            Terminal.error("key \(key.id) (\(role.name)\(role.scope.map { " " + $0 } ?? "")): keep the token above, it is not shown again")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the keys: id, role, scope, label, created, revoked.")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let service = try LastMileService.build(.init(databasePath: database.db, createsDatabase: false))
            for key in try service.apiKeys() {
                Terminal.print([key.id, key.role.name, key.role.scope ?? "-", key.label.isEmpty ? "-" : key.label, key.createdAt, key.revokedAt.map { "revoked " + $0 } ?? "active"]
                    .joined(separator: "\t"))
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key: requests with it get 401 from now on.")

        @Argument(help: "The key's id (the part after `lm_`, as `keys list` shows it).")
        var id: String

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let service = try LastMileService.build(.init(databasePath: database.db, createsDatabase: false))
            try service.revokeAPIKey(id: id)
            Terminal.error("key \(id) revoked")
        }
    }
}
