import SwiftProtobuf
import WorkOrderSwiftProtobuf

typealias SPWorkOrder = Portico_Bench_V1_WorkOrder
typealias SPWorkOrderList = Portico_Bench_V1_WorkOrderList

/// swift-protobuf's messages for the generated data, and its four operations.
struct SwiftProtobufCodec {
    let single: SPWorkOrder
    let list: SPWorkOrderList

    init(_ spec: WorkOrderListSpec) {
        list = SPWorkOrderList.with {
            $0.workOrders = spec.workOrders.map(SPWorkOrder.init(spec:))
            $0.nextPageToken = spec.nextPageToken
        }
        single = list.workOrders[0]
    }

    /// Map keys sorted, as Portico and protobuf-c (fed the same bytes) write them; used
    /// to check that the libraries agree, not in the timed loops.
    static let deterministic: BinaryEncodingOptions = {
        var options = BinaryEncodingOptions()
        options.useDeterministicOrdering = true
        return options
    }()

    func canonicalSingleBytes() throws -> [UInt8] {
        try single.serializedBytes(options: Self.deterministic)
    }

    func canonicalListBytes() throws -> [UInt8] {
        try list.serializedBytes(options: Self.deterministic)
    }

    func operations(singleBytes: [UInt8], listBytes: [UInt8]) -> LibraryOperations {
        let single = single
        let list = list
        return LibraryOperations(
            encodeSingle: { try! (single.serializedBytes() as [UInt8]).count },
            decodeSingle: { try! SPWorkOrder(serializedBytes: singleBytes).lineItems.count },
            encodeList: { try! (list.serializedBytes() as [UInt8]).count },
            decodeList: { try! SPWorkOrderList(serializedBytes: listBytes).workOrders.count }
        )
    }
}

extension SPWorkOrder {
    init(spec: WorkOrderSpec) {
        self.init()
        id = spec.id
        tenantID = spec.tenantID
        clientID = spec.clientID
        number = spec.number
        title = spec.title
        description_p = spec.description
        status = Portico_Bench_V1_WorkOrderStatus(rawValue: spec.status)!
        priority = Portico_Bench_V1_Priority(rawValue: spec.priority)!
        createdAt = .init(spec.createdAt)
        updatedAt = .init(spec.updatedAt)
        scheduledFor = .init(spec.scheduledFor)
        location = .init(spec.location)
        assignee = .with {
            $0.userID = spec.assignee.userID
            $0.displayName = spec.assignee.displayName
            $0.email = spec.assignee.email
        }
        lineItems = spec.lineItems.map(Portico_Bench_V1_LineItem.init)
        nteCap = .init(spec.nteCap)
        tags = spec.tags
        customFields = spec.customFields
        notes = spec.notes
        sortKey = spec.sortKey
        requiresSignature = spec.requiresSignature
        skillIds = spec.skillIDs
        revision = spec.revision
    }
}

extension Portico_Bench_V1_Instant {
    init(_ spec: WorkOrderSpec.Instant) {
        self.init()
        seconds = spec.seconds
        nanos = spec.nanos
    }
}

extension Portico_Bench_V1_Money {
    init(_ spec: WorkOrderSpec.Money) {
        self.init()
        amountMinor = spec.amountMinor
        currency = spec.currency
    }
}

extension Portico_Bench_V1_Address {
    init(_ spec: WorkOrderSpec.Address) {
        self.init()
        line1 = spec.line1
        line2 = spec.line2
        city = spec.city
        region = spec.region
        postalCode = spec.postalCode
        countryCode = spec.countryCode
        latitude = spec.latitude
        longitude = spec.longitude
    }
}

extension Portico_Bench_V1_LineItem {
    init(_ spec: WorkOrderSpec.LineItem) {
        self.init()
        sku = spec.sku
        description_p = spec.description
        quantity = spec.quantity
        unitPrice = .init(spec.unitPrice)
        taxable = spec.taxable
    }
}
