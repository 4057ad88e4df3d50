/// Quantities as a dispatcher reads them: kilograms, litres and parcels with thousands separators
/// (`2,000 kg`, `12.8 l`, `1 parcel`), from the model's grams, millilitres and parcels.
enum DispatcherUnits {
    /// `value` in thousandths of a unit, rounded to a tenth, with the tenth only when it is not zero.
    static func thousandths(_ value: Int64) -> String {
        let tenths = (abs(value) + 50) / 100
        return (value < 0 ? "-" : "") + grouped(tenths / 10) + (tenths % 10 == 0 ? "" : ".\(tenths % 10)")
    }

    /// A whole number with a comma every three digits.
    static func grouped(_ value: Int64) -> String {
        var digits = String(abs(value))
        var index = digits.endIndex
        while digits.distance(from: digits.startIndex, to: index) > 3 {
            index = digits.index(index, offsetBy: -3)
            digits.insert(",", at: index)
        }
        return (value < 0 ? "-" : "") + digits
    }

    /// One load dimension (0: grams, 1: millilitres, 2: parcels, as ``Load/dimensions``) with its unit.
    static func load(_ amount: Int64, dimension: Int) -> String {
        switch dimension {
        case 0: return thousandths(amount) + " kg"
        case 1: return thousandths(amount) + " l"
        default: return grouped(amount) + (amount == 1 ? " parcel" : " parcels")
        }
    }
}
