import Foundation
import LastMileCore

/// A realistic delivery day in the sample town, as the input files a dispatcher would bring (CSV text keyed
/// by file kind: depots, vehicle-types, carriers, fleet, orders, rate-cards), deterministic for a seed.
///
/// Two micro-fulfillment centers (the town's depot sites: full range, open 06:00–22:00) and three dark stores
/// (groceries and some chilled goods, open 07:00–23:00); vans, electric vans and cargo bikes of two carriers
/// on early and late shifts with a 30-minute break; `orderCount` orders spread over the residential grids
/// with 2-hour windows between 08:00 and 20:00, 1–4 SKUs each.
public enum SampleDay {
    /// Where the day takes place: positions are the sample town's, in metres east and north of `centre`,
    /// multiplied by `scale` — so the same day can be laid over a real city's extract.
    public struct Area: Sendable {
        public var centre: Coordinate
        public var scale: Double

        public init(centre: Coordinate, scale: Double) {
            self.centre = centre
            self.scale = scale
        }

        public static let sampleTown = Area(
            centre: Coordinate(latitude: SampleTown.centreLatitude, longitude: SampleTown.centreLongitude)!, scale: 1
        )

        func coordinate(east: Double, north: Double) -> Coordinate {
            let metresPerDegree = 6_371_008.8 * Double.pi / 180
            let latitude = centre.latitude + north * scale / metresPerDegree
            let longitude = centre.longitude + east * scale / (metresPerDegree * cos(centre.latitude * Double.pi / 180))
            return Coordinate(latitude: latitude, longitude: longitude) ?? centre
        }
    }

    public static let darkStoreSites: [(id: String, name: String, east: Double, north: Double)] = [
        ("DS-CENTRAL", "Dark store Central", -600, 750), ("DS-SOUTH", "Dark store South", 900, -1350),
        ("DS-EAST", "Dark store East", 1950, 300),
    ]

    /// The input files; the fleet and the stock grow with `orderCount` (one fleet and stock per 400 orders).
    public static func files(date: String, orderCount: Int = 400, seed: UInt64 = 1, area: Area = .sampleTown)
        -> [(kind: String, csv: String)]
    {
        var random = SplitMix64(seed: seed)
        let copies = max(1, (orderCount + 399) / 400)
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        func degrees(_ c: Coordinate) -> String { FixedPoint.string(c.latitude, decimals: 6) + "," + FixedPoint.string(c.longitude, decimals: 6) }
        let groceries = (1...20).map { String(format: "GROC-%02d", $0) }
        let chilled = (1...5).map { String(format: "CHILL-%02d", $0) }
        let bulky = (1...5).map { String(format: "BULK-%02d", $0) }
        let weightGrams = Dictionary(uniqueKeysWithValues: groceries.map { ($0, 800) } + chilled.map { ($0, 1200) } + bulky.map { ($0, 9000) })

        var depots = ["id,name,kind,lat,lon,opens,closes,loading_minutes,stock"]
        let mfcIDs = ["MFC-WEST", "MFC-NORTH"]
        for (index, site) in SampleTown.depotSites.enumerated() {
            let stock = (groceries + chilled + bulky).map { "\($0):\(2000 * copies)" }.joined(separator: ";")
            depots.append("\(mfcIDs[index]),\(site.name) (MFC),mfc,\(degrees(area.coordinate(east: site.east, north: site.north))),06:00,22:00,10,\"\(stock)\"")
        }
        for (index, site) in darkStoreSites.enumerated() {
            let chilledHere = index == 0 ? chilled : []
            let stock = (groceries.map { "\($0):\(300 * copies)" } + chilledHere.map { "\($0):\(60 * copies)" }).joined(separator: ";")
            depots.append("\(site.id),\(site.name),dark_store,\(degrees(area.coordinate(east: site.east, north: site.north))),07:00,23:00,4,\"\(stock)\"")
        }

        let types = [
            "id,name,mode,capacity_kg,capacity_litres,capacity_parcels,fixed_cost,cost_per_km,cost_per_hour,co2_g_per_km,speed_factor,energy,consumption_per_100km,grid_country",
            "van,Diesel van 3.5 t,car,900,9000,45,45.00,0.32,24.00,190,1.0,diesel,9.5,",
            "evan,Electric van,car,700,7000,40,55.00,0.12,24.00,45,1.0,electricity,22,EU",
            "bike,Cargo bike,bike,150,900,16,12.00,0.02,19.00,0,1.0,human,0,",
        ]
        let carriers = ["id,name", "citylog,City Logistics", "velo,VeloFlash Couriers"]

        // City Logistics charges by the paid hour (waiting included) with overtime after 8 h; VeloFlash by the
        // hour plus a flat price per order by distance band, with a day minimum.
        let rateCards = [
            "carrier,vehicle_type,item,price,percent,after_hours,from_km,to_km,index_base,index_now",
            "citylog,,per_hour,24.00,,,,,,", "citylog,,overtime_per_hour,36.00,,8,,,,", "citylog,,per_stop,0.40,,,,,,",
            "citylog,,minimum_per_run,60.00,,,,,,", "citylog,van,fixed_per_day,45.00,,,,,,", "citylog,van,per_km,0.32,,,,,,",
            "citylog,van,fuel_index,,30,,,,1.60,1.76", "citylog,evan,fixed_per_day,55.00,,,,,,", "citylog,evan,per_km,0.12,,,,,,",
            "velo,,fixed_per_day,12.00,,,,,,", "velo,,per_hour,19.00,,,,,,", "velo,,overtime_per_hour,28.50,,8,,,,",
            "velo,,distance_band,0.50,,,0,2,,", "velo,,distance_band,1.00,,,2,4,,", "velo,,distance_band,2.00,,,4,50,,",
            "velo,,minimum_per_day,150.00,,,,,,",
        ]

        var fleet = ["id,type,depot,carrier,driver,shift_start,shift_end,end_depot,break_start,break_end,break_minutes"]
        var vehicleNumber = 0
        func addVehicle(_ type: String, _ depot: String, _ carrier: String, early: Bool) {
            vehicleNumber += 1
            let (start, end, breakStart, breakEnd) = early ? ("07:00", "15:00", "10:30", "12:30") : ("12:00", "20:00", "15:30", "17:30")
            fleet.append(String(format: "%@-%03d", type.uppercased(), vehicleNumber) + ",\(type),\(depot),\(carrier),driver \(vehicleNumber),\(start),\(end),,\(breakStart),\(breakEnd),30")
        }
        for _ in 0..<copies {
            for depot in mfcIDs {
                for early in [true, false] {
                    addVehicle("van", depot, "citylog", early: early)
                    addVehicle("evan", depot, "citylog", early: early)
                }
            }
            for site in darkStoreSites {
                for early in [true, false] {
                    addVehicle("bike", site.id, "velo", early: early)
                    addVehicle("bike", site.id, "velo", early: early)
                }
            }
        }

        var orders = ["id,date,lat,lon,items,weight_kg,volume_litres,window_start,window_end,customer,service_minutes,priority"]
        for number in 1...orderCount {
            // Addresses on the grids, off the river (|east| > 120 m).
            var east = Double(pick(4600)) - 2300
            if abs(east) < 120 { east += east < 0 ? -150 : 150 }
            let north = Double(pick(4600)) - 2300
            var items: [String: Int] = [:]
            for _ in 0..<(1 + pick(4)) {
                let roll = pick(100)
                let sku = roll < 75 ? groceries[pick(groceries.count)] : roll < 92 ? chilled[pick(chilled.count)] : bulky[pick(bulky.count)]
                items[sku, default: 0] += 1 + pick(3)
            }
            let grams = items.reduce(0) { $0 + weightGrams[$1.key]! * $1.value }
            let slot = 8 + 2 * pick(6)
            let itemText = items.keys.sorted().map { "\($0):\(items[$0]!)" }.joined(separator: ";")
            orders.append(String(format: "O-%04d,%@,%@,\"%@\",%@,%@,%02d:00,%02d:00,customer %d,%d,%d",
                                 number, date, degrees(area.coordinate(east: east, north: north)), itemText,
                                 FixedPoint.string(Double(grams) / 1000, decimals: 1), FixedPoint.string(Double(grams) / 250, decimals: 1),
                                 slot, slot + 2, number, 2 + pick(4), pick(10) == 0 ? 50 : 0))
        }
        return [
            ("depots", depots.joined(separator: "\n") + "\n"), ("vehicle-types", types.joined(separator: "\n") + "\n"),
            ("carriers", carriers.joined(separator: "\n") + "\n"), ("fleet", fleet.joined(separator: "\n") + "\n"),
            ("orders", orders.joined(separator: "\n") + "\n"), ("rate-cards", rateCards.joined(separator: "\n") + "\n"),
        ]
    }
}
