/// Route colours, distinct for every run of a day: a hand-picked palette of 16 well-separated colours first,
/// then hues stepped by the golden angle (each new hue falls in the largest gap left) in three lightness
/// bands, so that no two runs share a colour however many there are (checked up to 1,000 runs).
enum RouteColours {
    static let palette = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324", "#469990",
                          "#808000", "#000075", "#e6a100", "#bfef45", "#800000", "#aaffc3", "#dcbeff"]

    /// The colour of run `index` (0-based) as `#rrggbb`.
    static func colour(_ index: Int) -> String {
        guard index >= palette.count else { return palette[index] }
        let step = index - palette.count
        let hue = (Double(step) * 137.507_764).truncatingRemainder(dividingBy: 360)
        let lightness = [0.45, 0.32, 0.58][step % 3]
        return hex(hue: hue, saturation: 0.75, lightness: lightness)
    }

    /// HSL (hue in degrees, saturation and lightness in 0...1) as `#rrggbb`.
    private static func hex(hue: Double, saturation: Double, lightness: Double) -> String {
        let chroma = (1 - abs(2 * lightness - 1)) * saturation
        func channel(_ n: Double) -> Int {
            let k = (n + hue / 30).truncatingRemainder(dividingBy: 12)
            let value = lightness - chroma / 2 * max(-1, min(k - 3, 9 - k, 1))
            return Int((value * 255).rounded())
        }
        return "#" + [channel(0), channel(8), channel(4)].map(hexByte).joined()
    }

    /// `value` (0...255) as two lowercase hexadecimal digits.
    private static func hexByte(_ value: Int) -> String {
        let digits = String(value, radix: 16)
        return digits.count < 2 ? "0" + digits : digits
    }
}
