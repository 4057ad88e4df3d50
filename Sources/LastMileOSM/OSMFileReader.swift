import Foundation

/// Reads an OpenStreetMap file of any supported format: `.osm.pbf`, `.osm` XML and gzip-compressed `.osm.gz`.
///
/// The format is recognised from the content (gzip magic, XML `<`, PBF header), so a misnamed file still reads.
public enum OSMFileReader {
    public static func read(_ url: URL, filter: OSMReadFilter = .all) throws -> OSMData {
        let name = url.path
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: url))
        } catch {
            throw OSMError(.unreadable, file: name, "cannot read the file (\(error.localizedDescription))")
        }
        return try read(bytes: bytes, name: name, filter: filter)
    }

    /// Reads from bytes in memory; `name` is used in error messages.
    public static func read(bytes: [UInt8], name: String, filter: OSMReadFilter = .all) throws -> OSMData {
        guard !bytes.isEmpty else {
            throw OSMError(.truncated, file: name, "the file is empty: expected OSM PBF or XML data")
        }
        if bytes.starts(with: [0x1F, 0x8B]) {
            let inflated: [UInt8]
            do {
                inflated = try Zlib.gunzip(bytes)
            } catch let failure as Zlib.Failure {
                throw OSMError(.corrupt, file: name, "cannot decompress gzip: \(failure)")
            }
            return try read(bytes: inflated, name: name, filter: filter)
        }
        if let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }), first == UInt8(ascii: "<") {
            return try OSMXMLReader.read(bytes: bytes, name: name, filter: filter)
        }
        return try PBFReader.read(bytes: bytes, name: name, filter: filter)
    }
}
