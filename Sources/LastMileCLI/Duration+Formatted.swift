import Foundation
import LastMileCore

extension Duration {
    /// "1.234 s" or "56.7 ms".
    var formattedSeconds: String {
        let seconds = inSeconds
        if seconds < 1 { return FixedPoint.string(seconds * 1000, decimals: 1) + " ms" }
        return FixedPoint.string(seconds, decimals: 3) + " s"
    }
}
