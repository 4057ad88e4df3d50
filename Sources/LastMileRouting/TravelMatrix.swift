/// Travel costs between sources (rows) and targets (columns): for each pair, the time of the fastest route and
/// that route's length. Unreachable pairs are explicit.
public struct TravelMatrix: Sendable {
    public let rows: Int
    public let columns: Int
    /// Row-major costs; ``PathCost/infinity`` where no route exists.
    public let costs: [PathCost]

    public init(rows: Int, columns: Int, costs: [PathCost]) {
        precondition(costs.count == rows * columns, "\(costs.count) costs for \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.costs = costs
    }

    /// The cost from source `row` to target `column`, or `nil` when unreachable.
    public subscript(row: Int, column: Int) -> PathCost? {
        let cost = costs[row * columns + column]
        return cost.isInfinite ? nil : cost
    }
}
