import ArgumentParser

/// `--db`: the dispatcher's SQLite database, shared by every command that reads or writes the day.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The SQLite database (default: $LASTMILE_DB, else lastmile.sqlite).")
    var given: String?

    /// The database: `--db`, else `LASTMILE_DB`, else `lastmile.sqlite` in the working folder.
    var db: String { EnvironmentSetting.database.resolve(given, else: "lastmile.sqlite") }
}
