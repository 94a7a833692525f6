public import PorticoAPI

extension Portico_V1_Trade {
    /// Every trade a work order or a cap can name, in the enum's order.
    static let known: [Portico_V1_Trade] = [
        .plumbing, .hvac, .electrical, .carpentry, .roofing, .appliance, .painting, .locksmith,
        .landscaping, .cleaning, .general,
    ]

    /// The trade's spelling in the database (the `trade` columns' check lists these);
    /// nil for `.unspecified` and numbers the schema does not know.
    public var databaseName: String? {
        switch self {
        case .plumbing: "PLUMBING"
        case .hvac: "HVAC"
        case .electrical: "ELECTRICAL"
        case .carpentry: "CARPENTRY"
        case .roofing: "ROOFING"
        case .appliance: "APPLIANCE"
        case .painting: "PAINTING"
        case .locksmith: "LOCKSMITH"
        case .landscaping: "LANDSCAPING"
        case .cleaning: "CLEANING"
        case .general: "GENERAL"
        case .unspecified, .unrecognized: nil
        }
    }

    /// The trade a row names; an unknown spelling is `.unspecified`.
    public init(databaseName: String) {
        self = Self.known.first { $0.databaseName == databaseName } ?? .unspecified
    }

    /// A request's trade, or INVALID_ARGUMENT naming `field`: unset, or a number this
    /// schema does not know.
    init(validating trade: Portico_V1_Trade, field: String) throws(PorticoError) {
        guard trade.databaseName != nil else {
            throw .invalidField(field, trade == .unspecified ? "must be set" : "is not a known trade")
        }
        self = trade
    }
}
