extension DayPlanner {
    /// Without a bicycle network, cargo bikes ride the car roads at this share of the car times' speed (before
    /// their type's speed factor): what the plan assumed, and what a simulation of it must assume too.
    public static var bikeShareOfCarSpeed: Double { DayProblem.bikeShareOfCarSpeed }
}
