import CProj
import Foundation

/// A coordinate transform between two CRSs, backed by PROJ.
///
/// Each instance owns its own `PJ_CONTEXT`, because a PROJ context must not be used by two threads at once.
/// The type is therefore not `Sendable`: create one per task or thread (creating one costs about 10 ms, as
/// PROJ reads `proj.db`) and reuse it for many points. Axis order is normalised for display: geographic CRSs
/// take and return (longitude, latitude) in degrees; projected CRSs (easting, northing) in metres.
///
/// ```swift
/// let projection = try Projection(from: .wgs84, to: UTMZone.containing(latitude: 41.14, longitude: -8.61).crs)
/// let point = try projection.forward(x: -8.611, y: 41.1406)   // easting, northing in metres
/// ```
public final class Projection {
    public let source: CoordinateReferenceSystem
    public let target: CoordinateReferenceSystem
    private let context: OpaquePointer
    private let transform: OpaquePointer

    /// Creates the transform from `source` to `target`.
    ///
    /// - Throws: ``GeoError`` `.unknownCRS` when PROJ cannot build the transform (for example an EPSG code that
    ///   does not exist, or `proj.db` missing: install Debian's `proj-data`).
    public init(from source: CoordinateReferenceSystem, to target: CoordinateReferenceSystem) throws {
        guard let context = proj_context_create() else {
            throw GeoError(.unknownCRS, "PROJ could not create a context")
        }
        proj_log_level(context, PJ_LOG_NONE)
        guard let raw = proj_create_crs_to_crs(context, source.definition, target.definition, nil) else {
            let reason = Self.errorText(context)
            proj_context_destroy(context)
            throw GeoError(
                .unknownCRS,
                "PROJ cannot transform from \(source) to \(target): \(reason). "
                    + "Name a CRS PROJ knows, e.g. EPSG:4326 or EPSG:32632 (proj.db comes with Debian's proj-data)."
            )
        }
        guard let normalized = proj_normalize_for_visualization(context, raw) else {
            proj_destroy(raw)
            proj_context_destroy(context)
            throw GeoError(.unknownCRS, "PROJ cannot normalise the axis order of \(source) → \(target)")
        }
        proj_destroy(raw)
        self.source = source
        self.target = target
        self.context = context
        self.transform = normalized
    }

    deinit {
        proj_destroy(transform)
        proj_context_destroy(context)
    }

    /// Transforms one point from source to target.
    public func forward(x: Double, y: Double) throws -> PlanarPoint {
        try transformOne(x: x, y: y, direction: PJ_FWD)
    }

    /// Transforms one point from target back to source.
    public func inverse(x: Double, y: Double) throws -> PlanarPoint {
        try transformOne(x: x, y: y, direction: PJ_INV)
    }

    /// Transforms points in place from source to target with one `proj_trans_generic` call.
    ///
    /// - Parameters:
    ///   - xs: first coordinates (longitude in degrees, or easting in metres), replaced by the results.
    ///   - ys: second coordinates, same length as `xs`.
    /// - Throws: ``GeoError`` `.transformFailed` naming the first point PROJ could not transform.
    public func forward(xs: inout [Double], ys: inout [Double]) throws {
        try transformMany(xs: &xs, ys: &ys, direction: PJ_FWD)
    }

    /// Transforms points in place from target back to source; see ``forward(xs:ys:)``.
    public func inverse(xs: inout [Double], ys: inout [Double]) throws {
        try transformMany(xs: &xs, ys: &ys, direction: PJ_INV)
    }

    private func transformOne(x: Double, y: Double, direction: PJ_DIRECTION) throws -> PlanarPoint {
        var xs = [x]
        var ys = [y]
        try transformMany(xs: &xs, ys: &ys, direction: direction)
        return PlanarPoint(x: xs[0], y: ys[0])
    }

    private func transformMany(xs: inout [Double], ys: inout [Double], direction: PJ_DIRECTION) throws {
        precondition(xs.count == ys.count, "x and y arrays differ in length: \(xs.count) vs \(ys.count)")
        let count = xs.count
        guard count > 0 else { return }
        proj_errno_reset(transform)
        let stride = MemoryLayout<Double>.stride
        xs.withUnsafeMutableBufferPointer { xBuffer in
            ys.withUnsafeMutableBufferPointer { yBuffer in
                _ = proj_trans_generic(
                    transform, direction,
                    xBuffer.baseAddress, stride, count,
                    yBuffer.baseAddress, stride, count,
                    nil, 0, 0,
                    nil, 0, 0
                )
            }
        }
        if let bad = (0..<count).first(where: { !xs[$0].isFinite || !ys[$0].isFinite }) {
            let reason = Self.errorText(context)
            throw GeoError(
                .transformFailed,
                "PROJ could not transform point \(bad) from \(direction == PJ_FWD ? source : target) to "
                    + "\(direction == PJ_FWD ? target : source): \(reason). Check that the point lies inside "
                    + "the CRS's area of use."
            )
        }
    }

    private static func errorText(_ context: OpaquePointer) -> String {
        let code = proj_context_errno(context)
        guard code != 0, let text = proj_context_errno_string(context, code) else { return "unknown reason" }
        return String(cString: text)
    }
}
