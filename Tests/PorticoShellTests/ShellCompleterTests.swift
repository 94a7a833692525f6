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

    @Test func nothingInsideAValue() {
        let line = #"Operator.CreateTenant {"name": "Ac"#
        #expect(completer.completions(for: line, cursor: line.count) == [])
    }

    @Test func theCursorBoundsTheWord() {
        #expect(completer.completions(for: "services", cursor: 2) == ["services", "set-invite-limit"])
    }
}
