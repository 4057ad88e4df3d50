import LastMileCore
import LastMileGraph

/// The shipped default urban traffic profile (`profiles/traffic-urban-default.csv`, with its assumptions),
/// built into the binary so that `--traffic default` works from any directory. A test keeps the two equal.
public enum ShippedTrafficProfile {
    /// What `--traffic` takes to mean this profile.
    public static let keyword = "default"
    /// The profile's name in messages and in the database.
    public static let name = "urban default"

    /// The profile (parsing the built-in text cannot fail: the test reads it).
    public static var profile: TrafficProfile {
        do { return try TrafficProfileReader.parseCSV(csv, name: name) } catch { preconditionFailure("the shipped traffic profile does not parse: \(error)") }
    }

    /// The text of `profiles/traffic-urban-default.csv`.
    public static let csv = #"""
# LastMile default urban traffic profile (format: README "Traffic profiles"; reader: TrafficProfileReader).
# speed_factor = share of the vehicle profile's free-flow speed (travel time = free-flow time / factor).
#
# Assumptions, for a mid-sized European city (Porto, Lisbon, Lyon scale) without congestion data of its own:
# - Free flow (1.0) at night, 22:00-06:00, every day; ferries always run at their timetable speed (1.0).
# - Weekdays (mon-fri): morning peak 07:30-09:00 and evening peak 17:00-19:00 at half speed on arterials
#   (motorway, trunk, primary and their links), 0.6 on collectors (secondary, tertiary) and 0.8 on local
#   streets, which carry little through traffic; 30-minute shoulders around each peak; daytime 0.8/0.85/0.9
#   with a slightly slower lunch hour (12:00-14:00, school and delivery traffic).
# - Weekends (sat, sun): no commuter peaks; a shopping/leisure plateau 09:00-20:00 at 0.85-0.9 on arterials.
# - Peaks are the TomTom-index shape (about +60-100 % travel time on main roads at the worst hour) scaled
#   down for the mix of roads a delivery route uses; fit a city's own profile with `lastmile traffic fit`
#   once delivery history exists.
days,start,end,road,speed_factor
weekdays,00:00,06:00,arterial,1.0
weekdays,00:00,06:00,collector,1.0
weekdays,00:00,06:00,local,1.0
weekdays,06:00,07:00,arterial,0.85
weekdays,06:00,07:00,collector,0.9
weekdays,06:00,07:00,local,0.95
weekdays,07:00,07:30,arterial,0.65
weekdays,07:00,07:30,collector,0.75
weekdays,07:00,07:30,local,0.85
weekdays,07:30,09:00,arterial,0.5
weekdays,07:30,09:00,collector,0.6
weekdays,07:30,09:00,local,0.8
weekdays,09:00,09:30,arterial,0.7
weekdays,09:00,09:30,collector,0.75
weekdays,09:00,09:30,local,0.85
weekdays,09:30,12:00,arterial,0.8
weekdays,09:30,12:00,collector,0.85
weekdays,09:30,12:00,local,0.9
weekdays,12:00,14:00,arterial,0.75
weekdays,12:00,14:00,collector,0.8
weekdays,12:00,14:00,local,0.85
weekdays,14:00,16:30,arterial,0.8
weekdays,14:00,16:30,collector,0.85
weekdays,14:00,16:30,local,0.9
weekdays,16:30,17:00,arterial,0.65
weekdays,16:30,17:00,collector,0.7
weekdays,16:30,17:00,local,0.85
weekdays,17:00,19:00,arterial,0.5
weekdays,17:00,19:00,collector,0.6
weekdays,17:00,19:00,local,0.8
weekdays,19:00,20:00,arterial,0.7
weekdays,19:00,20:00,collector,0.75
weekdays,19:00,20:00,local,0.9
weekdays,20:00,22:00,arterial,0.9
weekdays,20:00,22:00,collector,0.9
weekdays,20:00,22:00,local,0.95
weekdays,22:00,24:00,arterial,1.0
weekdays,22:00,24:00,collector,1.0
weekdays,22:00,24:00,local,1.0
weekend,00:00,09:00,arterial,1.0
weekend,00:00,09:00,collector,1.0
weekend,00:00,09:00,local,1.0
weekend,09:00,13:00,arterial,0.85
weekend,09:00,13:00,collector,0.9
weekend,09:00,13:00,local,0.95
weekend,13:00,20:00,arterial,0.9
weekend,13:00,20:00,collector,0.9
weekend,13:00,20:00,local,0.95
weekend,20:00,24:00,arterial,1.0
weekend,20:00,24:00,collector,1.0
weekend,20:00,24:00,local,1.0
all,00:00,24:00,ferry,1.0
"""#
}
