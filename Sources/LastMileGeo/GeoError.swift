import LastMileCore

/// An error from a coordinate transform: what went wrong and how to fix it.
public struct GeoError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Code: String, Sendable {
        /// PROJ does not know the named coordinate reference system.
        case unknownCRS
        /// A point could not be transformed (outside the CRS's domain, or not finite).
        case transformFailed
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

extension GeoError: LastMileErrorConvertible {
    /// Bad input: an unknown coordinate reference system or a point outside its domain.
    public var lastMileError: LastMileError { LastMileError(.badInput, message) }
}
