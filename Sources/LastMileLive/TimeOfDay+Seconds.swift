import LastMileDomain

extension TimeOfDay {
    /// "HH:MM:SS", the events files' clock format (``TimeOfDay/description`` drops the seconds).
    public var withSeconds: String {
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(twoDigits(seconds / 3600)):\(twoDigits(seconds % 3600 / 60)):\(twoDigits(seconds % 60))"
    }

    /// The time `delta` seconds later (earlier when negative).
    public func adding(seconds delta: Int) -> TimeOfDay { TimeOfDay(seconds: seconds + delta) }
}
