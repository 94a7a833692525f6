public import ProtoWire

extension ProtoMessage {
    /// A message built by `populate`, as an expression: generated option tables spell
    /// values as `.with { $0.roles = [.admin] }`.
    @inlinable
    public static func with(_ populate: (inout Self) throws -> Void) rethrows -> Self {
        var message = Self()
        try populate(&message)
        return message
    }
}
