import Foundation
import PorticoAPI
import PostgresNIO

/// A postal address once validated and normalized, as clients and locations store it
/// (`address_line1` … `country_code`; every bound matches a column check).
struct PostalAddressDetails: Sendable, Equatable {
    var line1: String
    var line2: String
    var city: String
    var region: String
    var postalCode: String
    var countryCode: String

    init(line1: String, line2: String, city: String, region: String, postalCode: String, countryCode: String) {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.region = region
        self.postalCode = postalCode
        self.countryCode = countryCode
    }

    /// Validates `address`; a problem is `INVALID_ARGUMENT` naming the field under
    /// `field` (`client.address.city`).
    init(validating address: Portico_V1_PostalAddress, field: String) throws(PorticoError) {
        line1 = try FieldText.singleLine(address.line1, field: "\(field).line1", maximum: 200)
        line2 = try FieldText.singleLine(address.line2, field: "\(field).line2", maximum: 200)
        city = try FieldText.singleLine(address.city, field: "\(field).city", maximum: 100)
        region = try FieldText.singleLine(address.region, field: "\(field).region", maximum: 100)
        postalCode = try FieldText.singleLine(address.postalCode, field: "\(field).postal_code", maximum: 20)
        countryCode = try Self.countryCode(address.countryCode, field: "\(field).country_code")
    }

    /// The address columns of a row (`address_line1`, `address_line2`, `city`,
    /// `region`, `postal_code`, `country_code`).
    init(cells: PostgresRandomAccessRow) throws {
        line1 = try cells["address_line1"].decode(String.self)
        line2 = try cells["address_line2"].decode(String.self)
        city = try cells["city"].decode(String.self)
        region = try cells["region"].decode(String.self)
        postalCode = try cells["postal_code"].decode(String.self)
        countryCode = try cells["country_code"].decode(String.self)
    }

    /// Empty, or ISO 3166-1 alpha-2 in either case, stored upper-case. Checked before
    /// upper-casing, so letters outside ASCII cannot turn into two that pass ("ß" → "SS").
    private static func countryCode(_ raw: String, field: String) throws(PorticoError) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return "" }
        let isASCIILetter: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
        guard trimmed.unicodeScalars.count == 2, trimmed.unicodeScalars.allSatisfy(isASCIILetter) else {
            throw .invalidField(field, "must be a two-letter ISO 3166-1 country code like US")
        }
        return trimmed.uppercased()
    }
}

extension Portico_V1_PostalAddress {
    init(_ details: PostalAddressDetails) {
        self.init()
        line1 = details.line1
        line2 = details.line2
        city = details.city
        region = details.region
        postalCode = details.postalCode
        countryCode = details.countryCode
    }
}
