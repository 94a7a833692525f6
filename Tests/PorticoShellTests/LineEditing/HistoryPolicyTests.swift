@testable import PorticoShell
import Testing

@Suite struct HistoryPolicyTests {
    @Test(arguments: [
        ("login ops@example.com", "login ops@example.com"),
        ("login ops@example.com hunter2", "login ops@example.com"),
        ("  LOGIN   ops@example.com\thunter2  ", "login ops@example.com"),
        ("login", "login"),
        // A tenant id is kept (recalling the line signs in to the same tenant); any
        // other third word could be a password typed in the wrong place.
        ("login ops@example.com 7872b195-8b06-4f1a-a8ed-64b3e72c929f", "login ops@example.com 7872b195-8b06-4f1a-a8ed-64b3e72c929f"),
        ("services", "services"),
        ("  describe portico.v1.Auth/ChangePassword  ", "describe portico.v1.Auth/ChangePassword"),
        ("call portico.v1.Tenants/Create {\"name\": \"Acme\"}", "call portico.v1.Tenants/Create {\"name\": \"Acme\"}"),
        ("call X {\"note\": \"password reset\"}", "call X {\"note\": \"password reset\"}"),
    ])
    func keeps(line: String, entry: String) {
        #expect(HistoryPolicy.entry(for: line) == entry)
    }

    @Test(arguments: [
        "",
        "   ",
        "call portico.v1.Auth/Login {\"email\": \"a@b.c\", \"password\": \"hunter2\"}",
        "portico.v1.Auth.ChangePassword {\"currentPassword\":\"a\",\"newPassword\":\"b\"}",
        "call X {\"current_password\" : \"a\"}",
        "call X {\"sessionToken\": \"abc\"}",
        "call X {\"clientSecret\": \"abc\"}",
        "call X {\"wrapped\": \"{\\\"password\\\": \\\"a\\\"}\"}",
        "call X {password: a}",
        "call X password=a",
    ])
    func dropsLinesWithSecrets(line: String) {
        #expect(HistoryPolicy.entry(for: line) == nil)
    }
}
