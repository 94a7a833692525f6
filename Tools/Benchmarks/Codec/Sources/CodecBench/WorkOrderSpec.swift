/// The logical content of one work order, independent of any protobuf library. Each
/// library's message is built from this, so all of them carry the same data.
struct WorkOrderSpec {
    struct Instant {
        var seconds: Int64
        var nanos: Int32
    }

    struct Money {
        var amountMinor: Int64
        var currency: String
    }

    struct Address {
        var line1: String
        var line2: String
        var city: String
        var region: String
        var postalCode: String
        var countryCode: String
        var latitude: Double
        var longitude: Double
    }

    struct Assignee {
        var userID: String
        var displayName: String
        var email: String
    }

    struct LineItem {
        var sku: String
        var description: String
        var quantity: UInt32
        var unitPrice: Money
        var taxable: Bool
    }

    var id: String
    var tenantID: String
    var clientID: String
    var number: UInt64
    var title: String
    var description: String
    /// The enum numbers of `WorkOrderStatus` and `Priority`.
    var status: Int
    var priority: Int
    var createdAt: Instant
    var updatedAt: Instant
    var scheduledFor: Instant
    var location: Address
    var assignee: Assignee
    var lineItems: [LineItem]
    var nteCap: Money
    var tags: [String]
    var customFields: [String: String]
    var notes: String
    var sortKey: Int32
    var requiresSignature: Bool
    var skillIDs: [UInt32]
    var revision: UInt32
}

/// The logical content of one page of work orders.
struct WorkOrderListSpec {
    var workOrders: [WorkOrderSpec]
    var nextPageToken: String
}
