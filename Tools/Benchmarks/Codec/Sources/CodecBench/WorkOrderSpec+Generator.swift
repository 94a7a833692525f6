/// Builds realistic, reproducible work orders: ids, free text with some non-ASCII
/// characters, one to five line items, a few tags and custom fields.
extension WorkOrderSpec {
    /// Seconds of 2025-01-01T00:00:00Z, the start of the generated time range.
    private static let epoch2025: Int64 = 1_735_689_600

    static func generate(index: Int, random: inout SplitMix64) -> WorkOrderSpec {
        let created = epoch2025 + Int64(random.int(in: 0...31_536_000))
        return WorkOrderSpec(
            id: random.uuid(),
            tenantID: random.pick(SampleText.tenants),
            clientID: random.uuid(),
            number: 100_000 + UInt64(index),
            title: "\(random.pick(SampleText.titles)) – unit \(random.int(in: 1...40))",
            description: (0..<random.int(in: 1...3)).map { _ in random.pick(SampleText.sentences) }
                .joined(separator: " "),
            status: random.int(in: 1...5),
            priority: random.int(in: 1...4),
            createdAt: instant(seconds: created, random: &random),
            updatedAt: instant(seconds: created + Int64(random.int(in: 60...864_000)), random: &random),
            scheduledFor: instant(seconds: created + Int64(random.int(in: 3_600...1_209_600)), random: &random),
            location: address(random: &random),
            assignee: random.pick(SampleText.technicians),
            lineItems: (0..<random.int(in: 1...5)).map { _ in lineItem(random: &random) },
            nteCap: Money(amountMinor: Int64(random.int(in: 50...2_000)) * 1_000, currency: "USD"),
            tags: Array(SampleText.tags.shuffled(using: &random).prefix(random.int(in: 0...4))),
            customFields: customFields(random: &random),
            notes: random.bool() ? random.pick(SampleText.notes) : "",
            sortKey: Int32(random.int(in: -1_000...1_000)),
            requiresSignature: random.bool(),
            skillIDs: (0..<random.int(in: 0...3)).map { _ in UInt32(random.int(in: 1...200)) },
            revision: UInt32(random.int(in: 1...20))
        )
    }

    private static func instant(seconds: Int64, random: inout SplitMix64) -> Instant {
        Instant(seconds: seconds, nanos: Int32(random.int(in: 0...999)) * 1_000_000)
    }

    private static func address(random: inout SplitMix64) -> Address {
        let city = random.pick(SampleText.cities)
        return Address(
            line1: "\(random.int(in: 1...9_999)) \(random.pick(SampleText.streets))",
            line2: random.bool() ? "Suite \(random.int(in: 100...950))" : "",
            city: city.name,
            region: city.region,
            postalCode: city.postalCode,
            countryCode: city.country,
            latitude: city.latitude + Double(random.int(in: -5_000...5_000)) / 100_000,
            longitude: city.longitude + Double(random.int(in: -5_000...5_000)) / 100_000
        )
    }

    private static func lineItem(random: inout SplitMix64) -> LineItem {
        let (description, typicalPrice) = random.pick(SampleText.billables)
        return LineItem(
            sku: "SKU-\(random.int(in: 10_000...99_999))",
            description: description,
            quantity: UInt32(random.int(in: 1...12)),
            unitPrice: Money(amountMinor: typicalPrice + Int64(random.int(in: 0...99)), currency: "USD"),
            taxable: random.bool()
        )
    }

    private static func customFields(random: inout SplitMix64) -> [String: String] {
        var fields: [String: String] = [:]
        for key in SampleText.customFieldKeys.prefix(random.int(in: 0...4)) {
            fields[key] = "\(key.prefix(3).uppercased())-\(random.int(in: 1_000...999_999))"
        }
        return fields
    }
}

extension WorkOrderListSpec {
    /// `count` work orders from one seed, as one page of a list endpoint.
    static func generate(count: Int, seed: UInt64) -> WorkOrderListSpec {
        var random = SplitMix64(seed: seed)
        let orders = (0..<count).map { WorkOrderSpec.generate(index: $0, random: &random) }
        return WorkOrderListSpec(workOrders: orders, nextPageToken: "page:\(random.hex(count: 32))")
    }
}

extension SplitMix64: RandomNumberGenerator {}
