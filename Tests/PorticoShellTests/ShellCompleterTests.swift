import Testing

@testable import PorticoShell

@Suite("Tab completion")
struct ShellCompleterTests {
    let completer = ShellCompleter()

    @Test func commandNamesAndDottedMethodsAtTheStart() {
        #expect(completer.completions(for: "log", cursor: 3) == ["login", "logout"])
        #expect(completer.completions(for: "Operator.", cursor: 9) == [
            "Operator.CreateTenant", "Operator.ListTenants", "Operator.SetInviteLimit",
        ])
    }

    @Test func methodsAfterCallAndDescribe() {
        #expect(completer.completions(for: "call Operator/Set", cursor: 17) == ["Operator/SetInviteLimit"])
        #expect(completer.completions(for: "describe Auth/Wh", cursor: 16) == ["Auth/WhoAmI"])
    }

    @Test func servicesAfterMethods() {
        #expect(completer.completions(for: "methods Op", cursor: 10) == ["Operator"])
    }

    @Test func requestFieldNamesInsideTheJSON() {
        let line = #"Operator.SetInviteLimit {"tenantId": "t", ""#
        #expect(completer.completions(for: line, cursor: line.count) == ["inviteLimit", "restoreDefault", "tenantId"])
        let partial = #"call Operator/CreateTenant {"adm"#
        #expect(completer.completions(for: partial, cursor: partial.count) == ["adminEmail", "adminName"])
    }

    @Test func fieldNamesOfNestedMessages() {
        func completions(_ line: String) -> [String] { completer.completions(for: line, cursor: line.count) }
        #expect(completions(#"call Clients/CreateClient {"client": {""#)
            == ["address", "billingEmail", "name", "notes", "phone"])
        #expect(completions(#"Clients.UpdateClient {"clientId": "c", "client": {"name": "A", "address": {"ci"#)
            == ["city"])
        #expect(completions(#"Invites.InviteOwner {"client_id": "c", "invitee": {"e"#) == ["email"])
        // Back out of the nested object: the request's own fields again.
        #expect(completions(#"Invites.InviteOwner {"invitee": {"name": "a", "email": "b"}, ""#)
            == ["clientId", "invitee"])
        // Braces and quotes inside strings are text.
        #expect(completions(#"Invites.InviteOwner {"clientId": "a{\"b", ""#) == ["clientId", "invitee"])
        // A scalar field's value is no object of fields.
        #expect(completions(#"Invites.InviteOwner {"clientId": {""#) == [])
    }

    @Test func nothingInsideAValue() {
        let line = #"Operator.CreateTenant {"name": "Ac"#
        #expect(completer.completions(for: line, cursor: line.count) == [])
    }

    @Test func theCursorBoundsTheWord() {
        #expect(completer.completions(for: "services", cursor: 2) == ["services", "set-invite-limit"])
    }
}
