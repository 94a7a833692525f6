import Foundation

/// One parsed command line. The operator shortcuts are parsed straight into the `call`
/// they stand for, so they share its output, errors and `--fail-fast` handling.
enum ShellCommand: Equatable, Sendable {
    case help
    case quit
    case services
    case methods(service: String?)
    case describe(method: String)
    case login(email: String, tenantID: String?)
    case logout
    case whoami
    case saveToken(path: String)
    case format(ShellSession.OutputFormat)
    case call(CallCommand)
}

/// `call Service/Method {json} [--format table|json] [> FILE]`.
struct CallCommand: Equatable, Sendable {
    /// As typed: `Operator/ListTenants`, `portico.v1.Operator.ListTenants`, …
    var method: String
    /// The request in proto3 JSON; `{}` when none was given.
    var json: String
    var format: ShellSession.OutputFormat?
    /// Where `> FILE` saves the result.
    var outputFile: String?

    init(method: String, json: String = "{}", format: ShellSession.OutputFormat? = nil, outputFile: String? = nil) {
        self.method = method
        self.json = json
        self.format = format
        self.outputFile = outputFile
    }
}

extension ShellCommand {
    /// The command a line holds; nil for a blank line or a `#` comment (scripts).
    static func parse(_ line: String, schema: ShellSchema) throws(ShellError) -> ShellCommand? {
        let trimmed = line.trimmingSpaces()
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
        let name = String(trimmed.prefix { $0 != " " })
        let rest = String(trimmed.dropFirst(name.count)).trimmingSpaces()
        switch name {
        case "call":
            let method = String(rest.prefix { $0 != " " })
            guard !method.isEmpty else { throw .invalidArgument("usage: call Service/Method {json}") }
            return .call(try parseCall(method: method, rest: String(rest.dropFirst(method.count))))
        case "create-tenant", "tenants", "set-invite-limit", "wo", "locations":
            return .call(try parseShortcut(name, arguments: try ShellWords.split(rest)))
        default:
            if schema.method(named: name) != nil || name.contains(".") {
                return .call(try parseCall(method: name, rest: rest))
            }
            return try parseSimple(name, arguments: try ShellWords.split(rest))
        }
    }

    private static func parseSimple(_ name: String, arguments: [String]) throws(ShellError) -> ShellCommand {
        switch (name, arguments.count) {
        case ("help", _): return .help
        case ("quit", 0), ("exit", 0): return .quit
        case ("services", 0): return .services
        case ("methods", 0), ("methods", 1): return .methods(service: arguments.first)
        case ("describe", 1): return .describe(method: arguments[0])
        case ("login", 1), ("login", 2): return .login(email: arguments[0], tenantID: arguments.count == 2 ? arguments[1] : nil)
        case ("logout", 0): return .logout
        case ("whoami", 0): return .whoami
        case ("save-token", 1): return .saveToken(path: arguments[0])
        case ("format", 1):
            guard let format = ShellSession.OutputFormat(rawValue: arguments[0]) else {
                throw .invalidArgument("usage: format table|json")
            }
            return .format(format)
        default:
            if let usage = ShellHelp.usage[name] { throw .invalidArgument("usage: \(usage)") }
            throw .invalidArgument("unknown command \"\(name)\" (help lists the commands)")
        }
    }

    /// The JSON argument is taken whole (balanced braces, strings respected) so that
    /// spaces, `>` and quotes inside it are the request's; words after it are options.
    static func parseCall(method: String, rest: String) throws(ShellError) -> CallCommand {
        var call = CallCommand(method: method)
        var remainder = rest.trimmingSpaces()
        if remainder.hasPrefix("{") {
            guard let end = ShellWords.endOfJSONObject(remainder) else {
                throw .invalidArgument("the request JSON has no closing brace")
            }
            call.json = String(remainder[..<end])
            remainder = String(remainder[end...])
        }
        var words = try ShellWords.split(remainder.replacingOccurrences(of: ">", with: " > "))[...]
        while let word = words.popFirst() {
            switch word {
            case "--format":
                guard let value = words.popFirst(), let format = ShellSession.OutputFormat(rawValue: value) else {
                    throw .invalidArgument("--format takes table or json")
                }
                call.format = format
            case ">":
                guard let path = words.popFirst() else { throw .invalidArgument("> needs a file name") }
                call.outputFile = path
            default:
                throw .invalidArgument("unexpected \"\(word)\" after the request (the JSON must be one object)")
            }
        }
        return call
    }

    private static func parseShortcut(_ name: String, arguments: [String]) throws(ShellError) -> CallCommand {
        switch (name, arguments.count) {
        case ("create-tenant", 3):
            let json = ShellJSON.object([
                ("name", ShellJSON.string(arguments[0])), ("adminName", ShellJSON.string(arguments[1])),
                ("adminEmail", ShellJSON.string(arguments[2])),
            ])
            return CallCommand(method: "portico.v1.Operator/CreateTenant", json: json)
        case ("tenants", 0):
            return CallCommand(method: "portico.v1.Operator/ListTenants", format: .table)
        case ("set-invite-limit", 2):
            let tenant = ("tenantId", ShellJSON.string(arguments[0]))
            if arguments[1] == "default" {
                return CallCommand(method: "portico.v1.Operator/SetInviteLimit", json: ShellJSON.object([tenant, ("restoreDefault", "true")]))
            }
            guard let limit = Int32(arguments[1]), limit >= 0 else {
                throw .invalidArgument("the invite limit is a whole number of at least 0, or default")
            }
            return CallCommand(method: "portico.v1.Operator/SetInviteLimit", json: ShellJSON.object([tenant, ("inviteLimit", String(limit))]))
        case ("locations", 0), ("locations", 1):
            let client = arguments.first.map { [("clientId", ShellJSON.string($0))] } ?? []
            return CallCommand(method: "portico.v1.Locations/ListLocations", json: ShellJSON.object(client), format: .table)
        case ("wo", _) where arguments.first == "list":
            let statuses = try arguments.dropFirst().map(workOrderStatus)
            let filter = statuses.isEmpty ? [] : [("statuses", "[" + statuses.joined(separator: ", ") + "]")]
            return CallCommand(method: "portico.v1.WorkOrders/ListWorkOrders", json: ShellJSON.object(filter), format: .table)
        case ("wo", 2) where arguments[0] == "show":
            let id = ("workOrderId", ShellJSON.string(arguments[1]))
            return CallCommand(method: "portico.v1.WorkOrders/GetWorkOrder", json: ShellJSON.object([id]))
        default:
            throw .invalidArgument("usage: \(ShellHelp.usage[name] ?? name)")
        }
    }

    /// A status as an operator types it (`open`, `on_hold`, `ON-HOLD`), as its proto3
    /// JSON enum name.
    private static func workOrderStatus(_ word: String) throws(ShellError) -> String {
        let statuses = ["requested", "open", "active", "on_hold", "pending_authorization", "completed", "closed", "cancelled"]
        let status = word.lowercased().replacingOccurrences(of: "-", with: "_")
        guard statuses.contains(status) else {
            throw .invalidArgument("unknown status \"\(word)\" (one of \(statuses.joined(separator: ", ")))")
        }
        return ShellJSON.string("WORK_ORDER_STATUS_" + status.uppercased())
    }
}
