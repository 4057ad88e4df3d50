/// A route that takes a job after giving up a few of its own (Nagata and Bräysy 2009, "A powerful route
/// minimization heuristic for the vehicle routing problem with time windows", the insertion-ejection
/// neighbourhood).
struct Ejection {
    /// The vehicle.
    var route: Int
    /// Its jobs after the change, in order.
    var jobs: [Int32]
    /// The jobs it gives up, in route order.
    var ejected: [Int]
    /// The sum of the ejected jobs' penalty counters.
    var penalty: Int
    /// The change of the route's travel cost, cost units.
    var costDelta: Int64
}
