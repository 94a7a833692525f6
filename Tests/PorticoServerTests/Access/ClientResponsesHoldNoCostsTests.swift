import GRPCCore
import PorticoAPI
@testable import PorticoServer
import ProtoWireGRPC
import Testing

/// Rule 9 by message design: no response a client role (OWNER, MEMBER) can get holds a
/// cost, rate, markup or margin, nor any money besides a cap. The walk follows every
/// message field of every such response, as the generated registry describes them,
/// so a field added later cannot slip through.
@Suite struct ClientResponsesHoldNoCostsTests {
    /// Name parts (of snake_case field names) that mean internal money.
    static let forbiddenParts: Set<String> = ["cost", "costs", "rate", "rates", "markup", "margin", "margins", "wage", "profit"]

    /// Problems of one response type and everything it contains: "Type.field: why".
    static func problems(in root: String, messages: [String: ProtoMessageDescription]) -> (visited: Set<String>, problems: [String]) {
        var visited: Set<String> = []
        var problems: [String] = []
        var pending = [root]
        while let name = pending.popLast() {
            guard visited.insert(name).inserted, let message = messages[name] else { continue }
            for field in message.fields {
                let parts = Set(field.name.split(separator: "_").map(String.init))
                if !parts.isDisjoint(with: forbiddenParts) {
                    problems.append("\(name).\(field.name): names an internal cost")
                }
                if field.kind == .message && field.type == "portico.v1.Money" && !parts.contains("cap") {
                    problems.append("\(name).\(field.name): money that is not a cap")
                }
                if field.kind == .message { pending.append(field.type) }
            }
        }
        return (visited, problems)
    }

    @Test func noResponseAClientRoleGetsHoldsCostsOrMoneyOtherThanCaps() {
        var walked: Set<String> = []
        var methods = 0
        for service in PorticoAPIRegistry.services {
            for method in service.methods {
                guard let rule = PorticoAPIRegistry.access[method.descriptor] else { continue }
                let clientMay = rule.public || rule.anySignedIn || rule.roles.contains(.owner) || rule.roles.contains(.member)
                guard clientMay else { continue }
                methods += 1
                let result = Self.problems(in: method.outputType, messages: PorticoAPIRegistry.messages)
                walked.formUnion(result.visited)
                #expect(result.problems.isEmpty, "\(method.descriptor): \(result.problems)")
            }
        }
        // The walk reached the client-facing work orders, locations and caps.
        #expect(methods >= 15)
        #expect(walked.isSuperset(of: ["portico.v1.WorkOrder", "portico.v1.Location", "portico.v1.NteProfile", "portico.v1.Money"]))
    }

    /// The check itself finds what it looks for, however deep it is.
    @Test func theWalkFindsACostOrUncappedMoneyDeepInAResponse() {
        let messages: [String: ProtoMessageDescription] = [
            "t.Response": ProtoMessageDescription(messageType: Portico_V1_Money.self, fields: [
                ProtoFieldDescription(name: "line", jsonName: "line", number: 1, type: "t.Line", kind: .message, isRepeated: true),
            ]),
            "t.Line": ProtoMessageDescription(messageType: Portico_V1_Money.self, fields: [
                ProtoFieldDescription(name: "labour_cost", jsonName: "labourCost", number: 1, type: "int64"),
                ProtoFieldDescription(name: "total", jsonName: "total", number: 2, type: "portico.v1.Money", kind: .message),
                ProtoFieldDescription(name: "nte_cap", jsonName: "nteCap", number: 3, type: "portico.v1.Money", kind: .message),
            ]),
        ]
        let result = Self.problems(in: "t.Response", messages: messages)
        #expect(result.problems.sorted() == [
            "t.Line.labour_cost: names an internal cost", "t.Line.total: money that is not a cap",
        ])
    }
}
