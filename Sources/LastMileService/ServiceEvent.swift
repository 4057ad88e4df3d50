/// Progress of a use case, as values: the command line prints them, the server will stream them.
public enum ServiceEvent: Sendable, Equatable {
    /// A day was read from the database.
    case dayLoaded(date: String, orders: Int, depots: Int, vehicles: Int)
    /// The planner's road networks are ready: nodes of the car graph and of the bicycle graph (`nil`: bikes ride
    /// the car roads), and how long building their snapping indices and customized hierarchies took (reading the
    /// graphs came before, in ``RoadNetworks/load(map:)``).
    case roadsReady(carNodes: Int, bikeNodes: Int?, seconds: Double)
    /// Depots and orders are snapped and the travel matrices computed (once per plan).
    case matrix(locations: Int, seconds: Double)
    /// The solver's best plan so far: seconds into the search, its cost in money and how many orders it leaves out.
    case solving(seconds: Double, cost: Double, unassigned: Int)
    /// A solver run ended: its iterations over every search chain and its seconds (one per planning round).
    case solved(iterations: Int, seconds: Double)
    /// Orders overdrew a depot's stock: the day is planned again without those depots for them.
    case stockRepair(round: Int, overdrawn: Int)
    /// The plan is made and checked independently.
    case planned(runs: Int, unassigned: Int, checked: Bool, seconds: Double)
    /// The plan is stored as this version of its date.
    case stored(date: String, version: Int)
    /// The outputs are written.
    case outputsWritten(files: Int, folder: String)
    /// An input file was written (the demo's generated inputs).
    case inputWritten(path: String)
    /// An input file was loaded into the database.
    case loaded(kind: String, file: String, inserted: Int, updated: Int)
}
