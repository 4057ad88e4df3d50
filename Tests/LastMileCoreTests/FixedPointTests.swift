import Foundation
import LastMileCore
import Testing

/// ``FixedPoint`` writes what C's printf writes, so it is checked against `String(format:)`, which shares none
/// of its arithmetic.
@Suite struct FixedPointTests {
    @Test func scaledIntegersPrintExactly() {
        #expect(FixedPoint.string(Int64(0), decimals: 3) == "0.000")
        #expect(FixedPoint.string(Int64(7), decimals: 3) == "0.007")
        #expect(FixedPoint.string(Int64(-1234), decimals: 3) == "-1.234")
        #expect(FixedPoint.string(Int64(-5), decimals: 7) == "-0.0000005")
        #expect(FixedPoint.string(Int64(1_800_000_000), decimals: 7) == "180.0000000")
        #expect(FixedPoint.string(Int64(42), decimals: 0) == "42")
        #expect(Cents(-5).description == "-0.05" && Cents(123_456).description == "1234.56")
        #expect(FixedPoint.string(Int64.min, decimals: 3) == "-9223372036854775.808")
        var bytes = Array("x=".utf8)
        FixedPoint.append(UInt64.max, decimals: 3, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "x=18446744073709551.615")
    }

    @Test func doublesPrintLikePrintf() {
        // Exact binary ties round to even; values just off a tie round by their exact value; -0 keeps its sign.
        let cases: [(Double, Int)] = [
            (1.0625, 3), (1.0635, 3), (0.125, 2), (0.375, 2), (2.5, 0), (3.5, 0), (0.0005, 3), (1.0005, 3),
            (-0.0001, 3), (-0.0, 1), (0, 2), (999.9996, 3), (1e12 + 0.5, 0), (41.15791234567, 6), (-8.629149999, 5),
        ]
        for (value, decimals) in cases {
            #expect(FixedPoint.string(value, decimals: decimals) == String(format: "%.\(decimals)f", value), "\(value)")
        }
        var random = SplitMix64(seed: 7)
        for _ in 0..<20_000 {
            let decimals = Int(random.next() % 8)
            // Every other value is a dyadic fraction: many are exact ties at the printed precision.
            let value = random.next() % 2 == 0
                ? (Double(random.next() % 2_000_000_001) - 1e9) / Double(1 + random.next() % 100_000)
                : (Double(random.next() % 2_000_001) - 1e6) / Double(1 << (random.next() % 16))
            #expect(FixedPoint.string(value, decimals: decimals) == String(format: "%.\(decimals)f", value), "\(value), seed 7")
        }
    }
}
