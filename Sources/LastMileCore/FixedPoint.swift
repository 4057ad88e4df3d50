/// Decimal text of fixed-point numbers, appended as ASCII bytes: the one formatter for numbers written with a
/// fixed count of decimals (coordinates in degrees, seconds, metres, kilometres, kilograms).
///
/// No floating-point printing, no `String(format:)`, no `String` per number: a matrix of a million numbers is
/// written into one byte buffer. Integers in thousandths or 10⁻⁷ degree print exactly; `Double`s print as
/// C's `%.Nf` does (rounded to the nearest, ties to even, on the exact binary value).
public enum FixedPoint {
    /// 10⁰ … 10¹⁸: the scales `decimals` may select.
    private static let powersOfTen: [Int64] = (0...18).map { (0..<$0).reduce(1) { power, _ in power * 10 } }

    /// Appends `scaled / 10^decimals` with exactly `decimals` digits after the point (no point when 0) and
    /// a leading `-` when negative: `append(-1234, decimals: 3, to:)` writes `-1.234`.
    ///
    /// Precondition: `0 ≤ decimals ≤ 18`.
    public static func append(_ scaled: Int64, decimals: Int, to bytes: inout [UInt8]) {
        if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
        append(magnitude: scaled.magnitude, decimals: decimals, to: &bytes)
    }

    /// Appends `scaled / 10^decimals` like ``append(_:decimals:to:)-(Int64,_,_)``, for unsigned sums such as
    /// ``PathCost`` times (ms) and lengths (mm).
    public static func append(_ scaled: UInt64, decimals: Int, to bytes: inout [UInt8]) {
        append(magnitude: scaled, decimals: decimals, to: &bytes)
    }

    /// Appends `value` rounded to `decimals` digits after the point, byte for byte as `String(format: "%.Nf")`
    /// (including `-0.0` for small negative values).
    ///
    /// Precondition: `value` is finite, `0 ≤ decimals ≤ 18` and `|value| × 10^decimals < 2⁵³`.
    public static func append(_ value: Double, decimals: Int, to bytes: inout [UInt8]) {
        precondition(value.isFinite, "\(value) has no fixed-point text")
        let scale = Double(powersOfTen[decimals])
        let product = value.magnitude * scale
        // The product's rounding error, exactly (fused multiply-add): it decides the ties `product` hides.
        let residual = (-product).addingProduct(value.magnitude, scale)
        var nearest = product.rounded(.toNearestOrEven)
        if product - nearest == 0.5, residual > 0 { nearest += 1 }
        if product - nearest == -0.5, residual < 0 { nearest -= 1 }
        if value.sign == .minus { bytes.append(UInt8(ascii: "-")) }
        append(magnitude: UInt64(nearest), decimals: decimals, to: &bytes)
    }

    /// `scaled / 10^decimals` as a `String`, for text built around a few numbers.
    public static func string(_ scaled: Int64, decimals: Int) -> String {
        var bytes: [UInt8] = []
        append(scaled, decimals: decimals, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `value` rounded to `decimals` digits as a `String`, as `String(format: "%.Nf")` writes it.
    public static func string(_ value: Double, decimals: Int) -> String {
        var bytes: [UInt8] = []
        append(value, decimals: decimals, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The most bytes ``write(_:decimals:to:)`` writes: 20 digits (`UInt64.max`) and the point.
    public static func maximumLength(decimals: Int) -> Int { 21 + decimals }

    /// Writes `scaled / 10^decimals` like ``append(_:decimals:to:)-(UInt64,_,_)`` at `destination`, which has
    /// room for ``maximumLength(decimals:)`` bytes; returns the number of bytes written. For writers that fill
    /// a large buffer directly (a matrix row at a time).
    public static func write(_ scaled: UInt64, decimals: Int, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        var digitCount = 1
        var rest = scaled
        while rest >= 100 {
            rest /= 100
            digitCount += 2
        }
        if rest >= 10 { digitCount += 1 }
        let wholeDigits = max(digitCount - decimals, 1)
        guard decimals > 0 else {
            writeDigits(scaled, count: wholeDigits, endingAt: destination + wholeDigits)
            return wholeDigits
        }
        let length = wholeDigits + 1 + decimals
        let whole = writeDigits(scaled, count: decimals, endingAt: destination + length)
        destination[wholeDigits] = UInt8(ascii: ".")
        writeDigits(whole, count: wholeDigits, endingAt: destination + wholeDigits)
        return length
    }

    /// "00" "01" … "99": two digits per division.
    private static let digitPairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """

    /// Writes the last `count` decimal digits of `value` (leading zeros included) just before `end`; returns
    /// the digits left of them, `value / 10^count`.
    @discardableResult
    private static func writeDigits(_ value: UInt64, count: Int, endingAt end: UnsafeMutablePointer<UInt8>) -> UInt64 {
        let pairs = digitPairs.utf8Start
        var value = value
        var position = end
        var remaining = count
        while remaining >= 2 {
            let pair = Int(value % 100) * 2
            value /= 100
            position -= 2
            position[0] = pairs[pair]
            position[1] = pairs[pair + 1]
            remaining -= 2
        }
        if remaining == 1 {
            position[-1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
            value /= 10
        }
        return value
    }

    /// The digits of `scaled`, at least `decimals + 1` of them, with the point before the last `decimals`.
    private static func append(magnitude scaled: UInt64, decimals: Int, to bytes: inout [UInt8]) {
        let capacity = maximumLength(decimals: decimals)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { digits in
            let length = write(scaled, decimals: decimals, to: digits.baseAddress!)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[..<length]))
        }
    }
}
