import Foundation
import LastMileCore

/// A number in GeoJSON (or any `JSONEncoder` output) with the digits of ``FixedPoint``, carried as a `Decimal`
/// so that no binary floating point comes between the fixed-point value and the text: `8.6109` stays `8.6109`,
/// `12.340` s is written `12.34`.
public struct GeoJSONNumber: Encodable, Sendable, Hashable {
    public var value: Decimal

    /// `scaled / 10^decimals`, exactly: `GeoJSONNumber(scaled: -86_109_000, decimals: 7)` is -8.6109.
    public init(scaled: Int64, decimals: Int) {
        value = Decimal(sign: scaled < 0 ? .minus : .plus, exponent: -decimals, significand: Decimal(scaled.magnitude))
    }

    /// `value` rounded to `decimals` digits as ``FixedPoint`` rounds it (`%.Nf`).
    public init(_ value: Double, decimals: Int) {
        // FixedPoint's text is a plain decimal, which `Decimal` always reads.
        self.value = Decimal(string: FixedPoint.string(value, decimals: decimals)) ?? 0
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
