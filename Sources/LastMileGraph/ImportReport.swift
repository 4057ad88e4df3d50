/// What an import found and dropped, for the user to check against the map.
public struct ImportReport: Sendable, Hashable, Codable {
    /// Node positions in the file.
    public var osmNodes = 0
    /// Ways with a `highway` or ferry tag read from the file.
    public var candidateWays = 0
    /// Ways the profile keeps as roads.
    public var roadWays = 0
    /// Way-node references whose node is not in the file (extracts are cut at their border).
    public var missingNodeReferences = 0
    /// Turn restrictions turned into graph structure.
    public var turnRestrictionsApplied = 0
    /// Turn restrictions that could not be applied (members outside the extract, or not meeting at the via
    /// node), or that exempt this vehicle.
    public var turnRestrictionsSkipped = 0
    /// Turn restrictions via a way, which this version does not model.
    public var turnRestrictionsViaWay = 0
    /// Nodes and arcs before keeping the largest strongly connected component.
    public var nodesBeforePruning = 0
    public var arcsBeforePruning = 0
    /// Strongly connected components before pruning.
    public var components = 0
    /// Nodes and arcs dropped with the smaller components.
    public var droppedNodes = 0
    public var droppedArcs = 0
    /// Final graph size.
    public var nodes = 0
    public var arcs = 0
    /// Arcs with no arc back along the same road.
    public var onewayArcs = 0

    public init() {}

    /// Share of nodes kept by the pruning, 0...1.
    public var keptNodeShare: Double { nodesBeforePruning == 0 ? 0 : Double(nodes) / Double(nodesBeforePruning) }
}
