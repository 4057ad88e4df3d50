/// The documented limits on what LastMile reads (the README's "Limits" table). Past a limit a read stops with a
/// ``LastMileError`` (bad input: exit code 2, HTTP 400) naming the limit and how to get under it — never an
/// out-of-memory kill. The server's own limits (body size, table size, requests per key) are options of
/// `lastmile serve`.
public enum InputLimits {
    /// Largest input file read whole into memory, bytes (256 MiB): dispatch tables, events, instances and
    /// solutions, traffic profiles, closures and weather, points, routes, vehicle profiles.
    public static let maxFileBytes = 256 << 20
    /// Most data rows of one CSV or JSON input table (1,000,000).
    public static let maxTableRows = 1_000_000
    /// Largest inflated `.osm.gz` map, bytes (2 GiB); a `.osm.pbf` is read block by block instead.
    public static let maxInflatedMapBytes = 2 << 30
    /// Most locations of one `lastmile matrix` (20,000: 4·10⁸ pairs, 3.2 GB of times and distances).
    public static let maxMatrixLocations = 20_000

    /// `bytes` in the unit a person reads: "256 MiB", "3.5 KiB", "12 bytes".
    public static func describe(bytes: Int) -> String {
        let units = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (size, name) in units where bytes >= size {
            let value = Double(bytes) / Double(size)
            return value == value.rounded() ? "\(Int(value)) \(name)" : "\((value * 10).rounded() / 10) \(name)"
        }
        return "\(bytes) bytes"
    }
}
