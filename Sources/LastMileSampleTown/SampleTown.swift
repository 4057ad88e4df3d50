import Foundation
import LastMileCore
import LastMileOSM

/// A deterministic, made-up town for demos and tests, built as OSM data so that it goes through the same
/// import path as real extracts.
///
/// Layout (metres from the centre; north is +y):
/// - a river flowing north–south through the centre, 200 m wide between its two riverside streets (x = ±100);
/// - residential grids on both banks, streets every 150 m up to ±2.4 km; every fourth east–west street is
///   one-way eastbound, the next-but-one westbound (`oneway=-1`), and some north–south streets one-way north;
/// - arterials (`secondary`, 50 km/h): the east–west avenue over the central bridge, and two north–south
///   avenues at x = ±1.3 km, all reaching a square ring road (`trunk`, 70 km/h) at ±3 km that crosses the river
///   twice; with a residential bridge at y = +1.2 km that makes four crossings;
/// - a no-left-turn restriction from the avenue eastbound into the east avenue northbound;
/// - restricted roads: a private street, a destination-only street, a living street, a pedestrian street
///   (not drivable), and service driveways to two depot sites.
///
/// Positions are jittered by up to ±4 m with a seeded generator, so the same seed gives the same file.
public enum SampleTown {
    /// Centre of the town, degrees. Fictional; chosen in a quiet spot of the Swiss plateau's latitude band.
    public static let centreLatitude = 47.0
    public static let centreLongitude = 8.0
    /// Street spacing of the grids, metres.
    static let spacing = 150.0
    /// Half-width of the grids, metres.
    static let gridExtent = 2400.0
    /// Half-width of the ring road's square, metres.
    static let ringExtent = 3000.0

    /// Depot sites at the ends of the service driveways, metres east and north of the centre.
    public static let depotSites: [(name: String, east: Double, north: Double)] = [
        ("West Depot", -1750, -2600), ("North Depot", 1600, 2650),
    ]

    /// The WGS84 position `east`/`north` metres from the centre (the generator's own projection).
    public static func coordinate(east: Double, north: Double) -> Coordinate {
        let metresPerDegree = 6_371_008.8 * Double.pi / 180
        let latitude = centreLatitude + north / metresPerDegree
        let longitude = centreLongitude + east / (metresPerDegree * cos(centreLatitude * Double.pi / 180))
        return Coordinate(latitude: latitude, longitude: longitude)!
    }

    /// Generates the town.
    public static func generate(seed: UInt64 = 1) -> OSMData {
        var town = Builder(seed: seed)
        town.build()
        return town.data
    }

    private struct Builder {
        var data = OSMData()
        var random: SplitMix64
        var nodeAt: [GridKey: Int64] = [:]
        var nextWayID: Int64 = 1

        struct GridKey: Hashable {
            var x: Int
            var y: Int
        }

        init(seed: UInt64) { random = SplitMix64(seed: seed) }

        /// Column positions on one bank: x = sign · (100 + 150 k), k = 0…15.
        var columns: [Int] {
            let east = (0...15).map { 100 + 150 * $0 }
            return east.reversed().map { -$0 } + east
        }

        /// Row positions: y = -2400 … 2400 every 150 m.
        var rows: [Int] { stride(from: -Int(gridExtent), through: Int(gridExtent), by: Int(spacing)).map { $0 } }

        /// The node at `(x, y)` metres, created on first use (jittered unless it lies on the ring).
        mutating func node(_ x: Int, _ y: Int, jitter: Bool = true) -> Int64 {
            let key = GridKey(x: x, y: y)
            if let id = nodeAt[key] { return id }
            let id = Int64(data.nodes.count + 1)
            let dx = jitter ? Double(random.next() % 801) / 100 - 4 : 0
            let dy = jitter ? Double(random.next() % 801) / 100 - 4 : 0
            data.nodes.append(id: id, coordinate: SampleTown.coordinate(east: Double(x) + dx, north: Double(y) + dy))
            nodeAt[key] = id
            return id
        }

        @discardableResult
        mutating func way(_ points: [(Int, Int)], _ tags: [(String, String)], jitter: Bool = true) -> Int64 {
            let ids = points.map { node($0.0, $0.1, jitter: jitter) }
            let id = nextWayID
            nextWayID += 1
            data.ways.append(OSMWay(id: id, tags: tags.map { OSMTag($0.0, $0.1) }, nodeIDs: ids))
            return id
        }

        mutating func build() {
            let columns = self.columns
            let rows = self.rows
            let west = columns.filter { $0 < 0 }
            let east = columns.filter { $0 > 0 }
            let avenueRow = 0
            let bridgeRow = 1200

            // East–west streets on each bank; the avenue row and the residential bridge row are built below.
            for (j, y) in rows.enumerated() where y != avenueRow && y != bridgeRow {
                var tags: [(String, String)] = [("highway", "residential"), ("name", "Row \(j) Street")]
                switch j % 4 {
                case 1: tags.append(("oneway", "yes"))
                case 3: tags.append(("oneway", "-1"))
                default: break
                }
                if j % 2 == 0 { tags.append(("maxspeed", "30")) }
                way(west.map { ($0, y) }, tags)
                way(east.map { ($0, y) }, tags)
            }
            way(columns.map { ($0, bridgeRow) }, [("highway", "residential"), ("name", "Mill Bridge Street"), ("maxspeed", "30")])

            // North–south streets; special streets are cut into pieces with their own tags.
            for (k, x) in columns.enumerated() {
                let column = rows.map { (x, $0) }
                var tags: [(String, String)]
                switch abs(x) {
                case 100: tags = [("highway", "tertiary"), ("name", x < 0 ? "West Quay" : "East Quay")]
                case 1300: continue  // the avenues, below
                default:
                    tags = [("highway", "residential"), ("name", "Column \(k) Street")]
                    if k % 5 == 2 { tags.append(("oneway", "yes")) }
                }
                switch x {
                case 850:  // a private street in the middle of this one
                    way(Array(column[0...20]), tags)
                    way(Array(column[20...23]), tags + [("access", "private")])
                    way(Array(column[23...]), tags)
                case -400:  // a living street and a pedestrian zone
                    way(Array(column[0...5]), tags)
                    way(Array(column[5...8]), [("highway", "living_street"), ("name", "Market Lane")])
                    way(Array(column[8...14]), tags)
                    way(Array(column[14...18]), [("highway", "pedestrian"), ("name", "Market Square")])
                    way(Array(column[18...]), tags)
                case 250:  // destination-only traffic
                    way(Array(column[0...10]), tags)
                    way(Array(column[10...13]), tags + [("motor_vehicle", "destination")])
                    way(Array(column[13...]), tags)
                default:
                    way(column, tags)
                }
            }

            // The ring road: a square at ±3 km with nodes every 250 m and where the avenues join it.
            let r = Int(ringExtent)
            let stops = Set(stride(from: -r, through: r, by: 250).map { $0 } + [-1300, 0, 1300])
            let side = stops.sorted()
            let ring = side.map { ($0, -r) } + side.dropFirst().map { (r, $0) } + side.reversed().dropFirst().map { ($0, r) }
                + side.reversed().dropFirst().map { (-r, $0) }
            way(ring, [("highway", "trunk"), ("name", "Ring Road"), ("maxspeed", "70")], jitter: false)

            // The east–west avenue, split at the east avenue for the turn restriction.
            let approach = stride(from: -r + 250, to: -Int(gridExtent), by: 250).map { ($0, avenueRow) }
            let leave = stride(from: Int(gridExtent) + 250, to: r, by: 250).map { ($0, avenueRow) }
            let avenue = [(-r, avenueRow)] + approach + columns.map { ($0, avenueRow) } + leave + [(r, avenueRow)]
            let split = avenue.firstIndex { $0.0 == 1300 }!
            let avenueTags = [("highway", "secondary"), ("name", "Grand Avenue"), ("maxspeed", "50")]
            let avenueWest = way(Array(avenue[...split]), avenueTags)
            way(Array(avenue[split...]), avenueTags)

            // North–south avenues at x = ±1.3 km; the east one split at the Grand Avenue.
            for x in [-1300, 1300] {
                let south = stride(from: -r + 250, to: -Int(gridExtent), by: 250).map { (x, $0) }
                let north = stride(from: Int(gridExtent) + 250, to: r, by: 250).map { (x, $0) }
                let line = [(x, -r)] + south + rows.map { (x, $0) } + north + [(x, r)]
                let tags = [("highway", "secondary"), ("name", x < 0 ? "West Avenue" : "East Avenue"), ("maxspeed", "50")]
                if x < 0 {
                    way(line, tags)
                    continue
                }
                let middle = line.firstIndex { $0.1 == avenueRow }!
                way(Array(line[...middle]), tags)
                let eastAvenueNorth = way(Array(line[middle...]), tags)
                data.relations.append(OSMRelation(
                    id: 1,
                    tags: [OSMTag("type", "restriction"), OSMTag("restriction", "no_left_turn")],
                    members: [
                        .init(kind: .way, ref: avenueWest, role: "from"),
                        .init(kind: .node, ref: node(1300, avenueRow), role: "via"),
                        .init(kind: .way, ref: eastAvenueNorth, role: "to"),
                    ]
                ))
            }

            // Service driveways to two depot sites, just outside the grid.
            way([(-1900, -2400), (-1900, -2600), (-1750, -2600)], [("highway", "service"), ("service", "driveway"), ("name", "West Depot")])
            way([(1600, 2400), (1600, 2650)], [("highway", "service"), ("name", "North Depot")])

            // The river (not a road): drawn on maps, and the reason the banks connect only at bridges.
            way(stride(from: -r - 600, through: r + 600, by: 300).map { (0, $0) }, [("waterway", "river"), ("name", "Lastmile River")])
        }
    }
}
