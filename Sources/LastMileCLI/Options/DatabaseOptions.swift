import ArgumentParser

/// `--db`: the dispatcher's SQLite database, shared by every command that reads or writes the day.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "The SQLite database.")
    var db: String = "lastmile.sqlite"
}
