import Foundation
import GRPCCore
import PorticoAPI
import PostgresNIO
@testable import PorticoServer
import Testing

/// A work order's thread through the generated client: who may read and add to it,
/// its order and pages, and bad input.
@Suite struct WorkOrderCommentsTests {
    @Test func everyoneWhoReadsTheWorkOrderCommentsOnItAndNobodyElse() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let lobby = try await server.createLocation(locationFields("Lobby"), client: scene.client, token: scene.admin)
            let techID = try await server.membershipID(ofSession: scene.tech)
            let job = try await server.createWorkOrder(at: lobby.id, workOrderFields("Tap"), tech: techID, token: scene.admin)
            let authors = [scene.admin, scene.tech, scene.owner, scene.member]
            for (index, token) in authors.enumerated() {
                let comment = try await server.addComment("note \(index)", to: job.id, token: token)
                #expect(comment.body == "note \(index)" && !comment.authorName.isEmpty)
            }
            let thread = try await server.commentPages(of: job.id, pageSize: 3, token: scene.member)
            #expect(thread.map { $0.map(\.body) } == [["note 0", "note 1", "note 2"], ["note 3"]])
            #expect(thread.flatMap { $0 }.map(\.authorRole) == [.admin, .tech, .owner, .member])
            for token in [scene.otherOwner, scene.otherTenantAdmin] {
                #expect(await statusCode { try await server.addComment("hi", to: job.id, token: token) } == .notFound)
                #expect(await statusCode { try await server.commentPages(of: job.id, token: token) } == .notFound)
            }
            // Unassigned, the technician no longer reads or writes the thread.
            _ = try await server.assign(job.id, tech: "", fields: workOrderFields("Tap"), token: scene.admin)
            #expect(await statusCode { try await server.addComment("hi", to: job.id, token: scene.tech) } == .notFound)
            #expect(try await server.commentPages(of: job.id, token: scene.owner).flatMap { $0 }.count == 4)
        }
    }

    @Test func badCommentsAreInvalidArgumentAndWriteNothing() async throws {
        try await withTestServer { server in
            let scene = try await server.locationScene()
            let lobby = try await server.createLocation(locationFields("Lobby"), client: scene.client, token: scene.admin)
            let job = try await server.createWorkOrder(at: lobby.id, workOrderFields("Tap"), token: scene.admin)
            let cases: [(String, String)] = [
                ("   ", "body: must not be empty"),
                (String(repeating: "c", count: 5001), "body: must be at most 5000 characters"),
                ("bell\u{7}", "body: must not contain control characters"),
            ]
            for (body, message) in cases {
                let error = await rpcError { try await server.addComment(body, to: job.id, token: scene.owner) }
                #expect(error?.code == .invalidArgument && error?.message == message, "\(message)")
            }
            let badID = await rpcError { try await server.addComment("hi", to: "nope", token: scene.owner) }
            #expect(badID?.message == "work_order_id: must be a work order id")
            #expect(try await server.commentPages(of: job.id, token: scene.admin) == [[]])
        }
    }

    /// At the SQL level: a comment is written as its author, never as someone else or
    /// another role, and only where its work order is visible.
    @Test func theDatabaseRefusesACommentInSomeoneElsesName() async throws {
        let (database, f) = try await TenantFixture.seeded { f, connection in
            let site = UUID()
            try await connection.execute(
                "INSERT INTO portico.locations (tenant_id, id, client_id, name) VALUES (\(f.tenantA), \(site), \(f.clientA2), 'Site')"
            )
            try await connection.execute(
                """
                INSERT INTO portico.work_orders (tenant_id, number, client_id, location_id, title, trade, priority, status)
                VALUES (\(f.tenantA), 1, \(f.clientA2), \(site), 'Job', 'PLUMBING', 'NORMAL', 'OPEN')
                """
            )
        }
        try await withDatabase(database.app) { app async throws in
            let workOrder = try await app.withContext(f.adminAContext) { connection in
                try await connection.query("SELECT id FROM portico.work_orders").first!.decode(UUID.self)
            }
            func comment(user: UUID, role: String, as context: DatabaseContext) -> PostgresQuery {
                """
                INSERT INTO portico.work_order_comments (tenant_id, work_order_id, author_user_id, author_name, author_role, body)
                VALUES (\(f.tenantA), \(workOrder), \(user), 'x', \(role), 'hello')
                """
            }
            #expect(try await app.affectedRows(comment(user: f.adminA.id, role: "ADMIN", as: f.adminAContext), context: f.adminAContext) == 1)
            let attempts: [(UUID, String, DatabaseContext)] = [
                (f.ownerA1.id, "ADMIN", f.ownerA1Context),  // another role than theirs
                (f.adminA.id, "OWNER", f.ownerA1Context),  // another user
                (f.ownerA1.id, "OWNER", f.ownerA1Context),  // a work order of another company
            ]
            for (user, role, context) in attempts {
                let error = await #expect(throws: (any Error).self) {
                    _ = try await app.affectedRows(comment(user: user, role: role, as: context), context: context)
                }
                #expect(error.flatMap { PostgresErrorMapping.rpcError(for: $0) }?.code == .permissionDenied)
            }
            let seen = try await app.withContext(.none) { connection in
                try await connection.query("SELECT count(*)::int8 FROM portico.work_order_comments").first!.decode(Int.self)
            }
            #expect(seen == 0)
        }
    }
}

extension TestServer {
    func addComment(_ body: String, to workOrder: String, token: String) async throws -> Portico_V1_Comment {
        var request = Portico_V1_AddCommentRequest()
        request.workOrderId = workOrder
        request.body = body
        return try await workOrders.addComment(request, metadata: bearer(token)).comment
    }

    func commentPages(of workOrder: String, pageSize: Int32 = 0, token: String) async throws -> [[Portico_V1_Comment]] {
        var request = Portico_V1_ListCommentsRequest()
        request.workOrderId = workOrder
        request.page.pageSize = pageSize
        return try await everyPage(request, token: \.page.pageToken) { request in
            let page = try await workOrders.listComments(request, metadata: bearer(token))
            return (page.comments, page.page.nextPageToken)
        }
    }
}
