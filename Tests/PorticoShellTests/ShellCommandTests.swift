import Testing

@testable import PorticoShell

@Suite("Command lines")
struct ShellCommandTests {
    func parse(_ line: String) throws -> ShellCommand? {
        try ShellCommand.parse(line, schema: .portico)
    }

    @Test func callsKeepTheirJSONWhole() throws {
        #expect(try parse(#"call Operator/CreateTenant {"name": "A > B; C"} > out.json"#) == .call(CallCommand(
            method: "Operator/CreateTenant", json: #"{"name": "A > B; C"}"#, outputFile: "out.json"
        )))
        #expect(try parse("Operator.ListTenants --format table") == .call(CallCommand(method: "Operator.ListTenants", format: .table)))
        #expect(try parse(#"portico.v1.Auth.WhoAmI {}"#) == .call(CallCommand(method: "portico.v1.Auth.WhoAmI", json: "{}")))
    }

    @Test func shortcutsAreCalls() throws {
        #expect(try parse(#"create-tenant "Acme Ltd" 'Ada Admin' ada@acme.example"#) == .call(CallCommand(
            method: "portico.v1.Operator/CreateTenant",
            json: #"{"name": "Acme Ltd", "adminName": "Ada Admin", "adminEmail": "ada@acme.example"}"#
        )))
        #expect(try parse("set-invite-limit t1 25") == .call(CallCommand(
            method: "portico.v1.Operator/SetInviteLimit", json: #"{"tenantId": "t1", "inviteLimit": 25}"#
        )))
        #expect(try parse("set-invite-limit t1 default") == .call(CallCommand(
            method: "portico.v1.Operator/SetInviteLimit", json: #"{"tenantId": "t1", "restoreDefault": true}"#
        )))
        #expect(try parse("tenants") == .call(CallCommand(method: "portico.v1.Operator/ListTenants", format: .table)))
        #expect(try parse("wo list") == .call(CallCommand(method: "portico.v1.WorkOrders/ListWorkOrders", json: "{}", format: .table)))
        #expect(try parse("wo list open On-Hold") == .call(CallCommand(
            method: "portico.v1.WorkOrders/ListWorkOrders",
            json: #"{"statuses": ["WORK_ORDER_STATUS_OPEN", "WORK_ORDER_STATUS_ON_HOLD"]}"#, format: .table
        )))
        #expect(try parse("wo show 0b6f") == .call(CallCommand(
            method: "portico.v1.WorkOrders/GetWorkOrder", json: #"{"workOrderId": "0b6f"}"#
        )))
        #expect(try parse("locations") == .call(CallCommand(method: "portico.v1.Locations/ListLocations", json: "{}", format: .table)))
        #expect(try parse("locations c1") == .call(CallCommand(
            method: "portico.v1.Locations/ListLocations", json: #"{"clientId": "c1"}"#, format: .table
        )))
    }

    @Test func workOrderShortcutsSayWhatTheyTake() {
        #expect(throws: ShellError.invalidArgument(
            "unknown status \"done\" (one of requested, open, active, on_hold, pending_authorization, completed, closed, cancelled)"
        )) {
            try parse("wo list open done")
        }
        #expect(throws: ShellError.invalidArgument("usage: wo list [STATUS ...] | wo show WORK_ORDER_ID")) {
            try parse("wo delete x")
        }
    }

    @Test func simpleCommands() throws {
        #expect(try parse("  ") == nil)
        #expect(try parse("# a comment") == nil)
        #expect(try parse("login ada@acme.example") == .login(email: "ada@acme.example", tenantID: nil))
        #expect(try parse("methods Operator") == .methods(service: "Operator"))
        #expect(try parse("format table") == .format(.table))
        #expect(try parse("exit") == .quit)
    }

    @Test func mistakesSayHowToDoBetter() {
        #expect(throws: ShellError.invalidArgument("unknown command \"frobnicate\" (help lists the commands)")) {
            try parse("frobnicate")
        }
        #expect(throws: ShellError.invalidArgument("usage: set-invite-limit TENANT_ID N|default")) {
            try parse("set-invite-limit t1")
        }
        #expect(throws: ShellError.invalidArgument("the invite limit is a whole number of at least 0, or default")) {
            try parse("set-invite-limit t1 many")
        }
        #expect(throws: ShellError.invalidArgument("the request JSON has no closing brace")) {
            try parse(#"Operator.CreateTenant {"name": "x""#)
        }
    }

    @Test func scriptsSplitAtSemicolonsOutsideQuotes() {
        #expect(ShellScript.commands(in: #"login a@b.c; Operator.CreateTenant {"name": "x;y"} ;; services"#) == [
            "login a@b.c", #"Operator.CreateTenant {"name": "x;y"}"#, "services",
        ])
    }
}
