import PorticoAPI

/// An amount of money as the database keeps it: integer minor units and an ISO 4217
/// currency code, never floating point.
struct MoneyAmount: Sendable, Equatable {
    var minor: Int64
    var currencyCode: String

    /// The largest amount accepted anywhere: ten billion in major units (10^12 minor
    /// units), so that sums of many amounts stay far from `Int64`'s limit.
    static let maximumMinor: Int64 = 1_000_000_000_000

    init(minor: Int64, currencyCode: String) {
        self.minor = minor
        self.currencyCode = currencyCode
    }

    /// A cap or price: more than zero, at most `maximumMinor`, in a currency written as
    /// three upper-case letters. A problem is `INVALID_ARGUMENT` naming `field`'s part.
    init(validatingPositive money: Portico_V1_Money, field: String) throws(PorticoError) {
        guard money.amountMinor > 0 else {
            throw .invalidField("\(field).amount_minor", "must be more than zero")
        }
        guard money.amountMinor <= Self.maximumMinor else {
            throw .invalidField("\(field).amount_minor", "must be at most \(Self.maximumMinor)")
        }
        let code = money.currencyCode
        guard code.unicodeScalars.count == 3, code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
            throw .invalidField("\(field).currency_code", "must be an ISO 4217 code in upper case, like USD")
        }
        self.init(minor: money.amountMinor, currencyCode: code)
    }
}

extension Portico_V1_Money {
    init(_ amount: MoneyAmount) {
        self.init()
        amountMinor = amount.minor
        currencyCode = amount.currencyCode
    }
}
