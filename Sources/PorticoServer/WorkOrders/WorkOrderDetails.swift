import PorticoAPI

/// A work order's descriptive fields once validated: what SubmitRequest,
/// CreateWorkOrder and UpdateWorkOrder write. The bounds match migration 0006's checks.
struct WorkOrderDetails: Sendable, Equatable {
    var title: String
    var description: String
    var trade: Portico_V1_Trade
    var priority: Portico_V1_Priority

    static let maximumDescription = 10_000

    init(title: String, description: String, trade: Portico_V1_Trade, priority: Portico_V1_Priority) {
        self.title = title
        self.description = description
        self.trade = trade
        self.priority = priority
    }

    /// Validates `fields`; a problem is `INVALID_ARGUMENT` naming the field as
    /// `work_order.<field>`.
    init(validating fields: Portico_V1_WorkOrderFields) throws(PorticoError) {
        title = try FieldText.singleLine(fields.title, field: "work_order.title", maximum: 200)
        if title.isEmpty { throw .invalidField("work_order.title", "must not be empty") }
        description = try FieldText.multiLine(
            fields.description_, field: "work_order.description", maximum: Self.maximumDescription
        )
        trade = try Portico_V1_Trade(validating: fields.trade, field: "work_order.trade")
        switch fields.priority {
        case .unspecified: priority = .normal
        case .low, .normal, .high, .emergency: priority = fields.priority
        case .unrecognized: throw .invalidField("work_order.priority", "is not a known priority")
        }
    }
}
