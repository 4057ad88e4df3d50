import Foundation
import LastMileOSM

/// Turns via-node turn restrictions into plain graph structure by node splitting.
///
/// For every arc `a` that enters a via node `v` and is the `from` of some restriction, a copy `v'` of `v` is
/// made; `a` is redirected to end at `v'`, and `v'` gets copies of exactly the out-arcs of `v` that may be
/// taken after arriving by `a` (all but the banned ones for `no_*`, only the named ones for `only_*`). Every
/// path in the split graph is a legal path in the road network and vice versa, so Dijkstra, contraction
/// hierarchies and matrices need no turn logic.
///
/// Not modelled: restrictions via a way (`via` member of type way; counted in the report), conditional
/// restrictions (`restriction:conditional`), and time-dependent exceptions.
enum TurnRestrictionSplitter {
    /// The new arcs, and for each new node (numbered from `nodeCount`) the node it copies.
    static func apply(
        arcs: [ProtoArc],
        nodeCount: Int,
        relations: [OSMRelation],
        wayIndex: [Int64: Int32],
        graphNode: (Int64) -> Int32?,
        vehicleTypes: [String],
        report: inout ImportReport
    ) -> (arcs: [ProtoArc], copiedNodes: [Int32]) {
        let outArcs = adjacency(arcs, nodeCount: nodeCount, key: \.tail)
        let inArcs = adjacency(arcs, nodeCount: nodeCount, key: \.head)
        var banned: [Int: Set<Int>] = [:]
        var onlyAllowed: [Int: Set<Int>] = [:]

        for relation in relations {
            guard let restriction = parse(relation, vehicleTypes: vehicleTypes) else {
                report.turnRestrictionsSkipped += 1
                continue
            }
            if restriction.viaIsWay {
                report.turnRestrictionsViaWay += 1
                continue
            }
            let fromWays = Set(restriction.from.compactMap { wayIndex[$0] })
            let toWays = Set(restriction.to.compactMap { wayIndex[$0] })
            guard let via = graphNode(restriction.via) else {
                report.turnRestrictionsSkipped += 1
                continue
            }
            let fromArcs = inArcs[Int(via)].filter { fromWays.contains(arcs[$0].way) }
            let toArcs = outArcs[Int(via)].filter { toWays.contains(arcs[$0].way) }
            guard !fromArcs.isEmpty, !toArcs.isEmpty else {
                report.turnRestrictionsSkipped += 1
                continue
            }
            for from in fromArcs {
                if restriction.isOnly {
                    onlyAllowed[from, default: []].formUnion(toArcs)
                } else {
                    banned[from, default: []].formUnion(toArcs)
                }
            }
            report.turnRestrictionsApplied += 1
        }

        var headCopy = [Int32](repeating: -1, count: arcs.count)
        var copiedNodes: [Int32] = []
        var restrictedArcs: [Int] = []
        for arc in arcs.indices where banned[arc] != nil || onlyAllowed[arc] != nil {
            headCopy[arc] = Int32(nodeCount + copiedNodes.count)
            copiedNodes.append(arcs[arc].head)
            restrictedArcs.append(arc)
        }
        var result = arcs
        for arc in result.indices where headCopy[arc] >= 0 { result[arc].head = headCopy[arc] }
        for (copyIndex, from) in restrictedArcs.enumerated() {
            let copy = Int32(nodeCount + copyIndex)
            let bannedHere = banned[from] ?? []
            for next in outArcs[Int(arcs[from].head)] where !bannedHere.contains(next) {
                if let only = onlyAllowed[from], !only.contains(next) { continue }
                var arc = arcs[next]
                arc.tail = copy
                if headCopy[next] >= 0 { arc.head = headCopy[next] }
                result.append(arc)
            }
        }
        return (result, copiedNodes)
    }

    /// Arc indices per node, by tail or head, in arc order.
    private static func adjacency(_ arcs: [ProtoArc], nodeCount: Int, key: KeyPath<ProtoArc, Int32>) -> [[Int]] {
        var lists = [[Int]](repeating: [], count: nodeCount)
        for (index, arc) in arcs.enumerated() { lists[Int(arc[keyPath: key])].append(index) }
        return lists
    }

    private struct Restriction {
        var isOnly: Bool
        var from: [Int64]
        var to: [Int64]
        var via: Int64
        var viaIsWay: Bool
    }

    /// Reads a restriction relation; `nil` when it is malformed, not for this vehicle, or exempts it.
    private static func parse(_ relation: OSMRelation, vehicleTypes: [String]) -> Restriction? {
        let tags = relation.tags
        guard let type = tags["type"] else { return nil }
        if type != "restriction" {
            // `type=restriction:hgv` restricts only that vehicle.
            guard vehicleTypes.contains(where: { type == "restriction:\($0)" }) else { return nil }
        }
        let specific = vehicleTypes.lazy.compactMap { tags["restriction:\($0)"] }.first
        guard let value = specific ?? tags["restriction"] else { return nil }
        if let except = tags["except"], except.split(separator: ";").contains(where: { exempt in
            vehicleTypes.contains(exempt.trimmingCharacters(in: .whitespaces))
        }) {
            return nil
        }
        let isOnly: Bool
        if value.hasPrefix("only_") {
            isOnly = true
        } else if value.hasPrefix("no_") {
            isOnly = false
        } else {
            return nil
        }
        let from = relation.members.filter { $0.role == "from" && $0.kind == .way }.map(\.ref)
        let to = relation.members.filter { $0.role == "to" && $0.kind == .way }.map(\.ref)
        let vias = relation.members.filter { $0.role == "via" }
        guard !from.isEmpty, !to.isEmpty, let via = vias.first else { return nil }
        if via.kind == .way { return Restriction(isOnly: isOnly, from: from, to: to, via: via.ref, viaIsWay: true) }
        guard vias.count == 1, via.kind == .node else { return nil }
        return Restriction(isOnly: isOnly, from: from, to: to, via: via.ref, viaIsWay: false)
    }
}
