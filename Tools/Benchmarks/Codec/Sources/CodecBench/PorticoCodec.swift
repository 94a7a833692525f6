import ProtoWire
import WorkOrderPortico

typealias PorticoWorkOrder = WorkOrderPortico.Portico_Bench_V1_WorkOrder
typealias PorticoWorkOrderList = WorkOrderPortico.Portico_Bench_V1_WorkOrderList

/// Portico's messages (schemac's code over ProtoWire) for the generated data, and its
/// four operations.
struct PorticoCodec {
    let single: PorticoWorkOrder
    let list: PorticoWorkOrderList

    init(_ spec: WorkOrderListSpec) {
        var list = PorticoWorkOrderList()
        list.workOrders = spec.workOrders.map(PorticoWorkOrder.init(spec:))
        list.nextPageToken = spec.nextPageToken
        self.list = list
        single = list.workOrders[0]
    }

    func operations(singleBytes: [UInt8], listBytes: [UInt8]) -> LibraryOperations {
        let single = single
        let list = list
        return LibraryOperations(
            encodeSingle: { single.serializedBytes().count },
            decodeSingle: { try! PorticoWorkOrder(serializedBytes: singleBytes).lineItems.count },
            encodeList: { list.serializedBytes().count },
            decodeList: { try! PorticoWorkOrderList(serializedBytes: listBytes).workOrders.count }
        )
    }
}

extension PorticoWorkOrder {
    init(spec: WorkOrderSpec) {
        self.init()
        id = spec.id
        tenantId = spec.tenantID
        clientId = spec.clientID
        number = spec.number
        title = spec.title
        description_ = spec.description
        status = Portico_Bench_V1_WorkOrderStatus(rawValue: Int32(spec.status))
        priority = Portico_Bench_V1_Priority(rawValue: Int32(spec.priority))
        createdAt = .init(spec.createdAt)
        updatedAt = .init(spec.updatedAt)
        scheduledFor = .init(spec.scheduledFor)
        location = .init(spec.location)
        assignee.userId = spec.assignee.userID
        assignee.displayName = spec.assignee.displayName
        assignee.email = spec.assignee.email
        lineItems = spec.lineItems.map(WorkOrderPortico.Portico_Bench_V1_LineItem.init)
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

extension WorkOrderPortico.Portico_Bench_V1_Instant {
    init(_ spec: WorkOrderSpec.Instant) {
        self.init()
        seconds = spec.seconds
        nanos = spec.nanos
    }
}

extension WorkOrderPortico.Portico_Bench_V1_Money {
    init(_ spec: WorkOrderSpec.Money) {
        self.init()
        amountMinor = spec.amountMinor
        currency = spec.currency
    }
}

extension WorkOrderPortico.Portico_Bench_V1_Address {
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

extension WorkOrderPortico.Portico_Bench_V1_LineItem {
    init(_ spec: WorkOrderSpec.LineItem) {
        self.init()
        sku = spec.sku
        description_ = spec.description
        quantity = spec.quantity
        unitPrice = .init(spec.unitPrice)
        taxable = spec.taxable
    }
}
