/// Word pools for the generated work orders. A few entries are non-ASCII on purpose:
/// real customer text is, and UTF-8 validation is part of decoding a string.
enum SampleText {
    struct City {
        var name: String
        var region: String
        var postalCode: String
        var country: String
        var latitude: Double
        var longitude: Double
    }

    static let tenants = [
        "ten_01hq3k5v8w2x9y7z", "ten_01hq3k6a1b2c3d4e", "ten_01hq3m9f8g7h6j5k",
    ]

    static let titles = [
        "Replace rooftop HVAC compressor", "Leaking water heater", "Annual fire sprinkler inspection",
        "Walk-in freezer not holding temperature", "Install EV charger in garage",
        "Emergency: no heat in café kitchen", "Repair loading dock door", "Quarterly boiler service",
    ]

    static let sentences = [
        "Tenant reports intermittent noise from the unit on the roof.",
        "Access through the rear service entrance; ask for the building manager.",
        "Previous visit replaced the contactor, issue came back after two weeks.",
        "Customer requests arrival before 10:00 because the store opens at 11:00.",
        "Bring a 40 ft ladder and the thermal camera.",
        "Le client préfère être contacté par téléphone avant l’intervention.",
        "Parts are on back-order; confirm the ETA with the supplier before dispatch.",
    ]

    static let notes = [
        "Gate code changes monthly, call dispatch.",
        "Dog on premises — friendly but loud.",
        "Invoice must reference the client PO number.",
    ]

    static let streets = [
        "Market Street", "Elm Avenue", "Industrial Parkway", "Rue Sainte-Catherine", "Harbor Boulevard",
    ]

    static let cities = [
        City(name: "San Francisco", region: "CA", postalCode: "94103", country: "US",
             latitude: 37.7749, longitude: -122.4194),
        City(name: "Austin", region: "TX", postalCode: "78701", country: "US",
             latitude: 30.2672, longitude: -97.7431),
        City(name: "Montréal", region: "QC", postalCode: "H2X 1Y4", country: "CA",
             latitude: 45.5019, longitude: -73.5674),
        City(name: "Chicago", region: "IL", postalCode: "60607", country: "US",
             latitude: 41.8781, longitude: -87.6298),
    ]

    static let technicians = [
        WorkOrderSpec.Assignee(userID: "usr_7f3a9c", displayName: "Dana Whitfield",
                               email: "dana.whitfield@example.com"),
        WorkOrderSpec.Assignee(userID: "usr_1b8e44", displayName: "José Álvarez",
                               email: "jose.alvarez@example.com"),
        WorkOrderSpec.Assignee(userID: "usr_c09d12", displayName: "Priya Raman",
                               email: "priya.raman@example.com"),
    ]

    /// A description and a typical unit price in cents.
    static let billables: [(String, Int64)] = [
        ("Labour, standard rate (per hour)", 9_500), ("Labour, overtime (per hour)", 14_250),
        ("Compressor contactor 40A", 3_899), ("Refrigerant R-410A (per lb)", 7_500),
        ("Trip charge", 8_900), ("Pleated air filter 20x25x4", 2_450), ("Disposal fee", 1_500),
    ]

    static let tags = ["hvac", "plumbing", "warranty", "after-hours", "repeat-visit", "vip", "permit-required"]

    static let customFieldKeys = ["po_number", "building", "access_code", "cost_center", "floor"]
}
