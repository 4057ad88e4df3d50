/// The version of LastMile, as `lastmile --version` prints it.
public enum LastMileVersion {
    public static let current = "0.9.0"
}
