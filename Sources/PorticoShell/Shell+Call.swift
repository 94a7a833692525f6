import Foundation
import ProtoWire
import ProtoWireGRPC
import Synchronization

/// `call Service/Method {json}`: the request read with the runtime's proto3 JSON
/// mapping into the method's generated type, the response printed as it arrives. A
/// method that streams requests gets the one request as a stream of one message.
extension Shell {
    func call(_ command: CallCommand, invoker: RPCInvoker) async throws {
        let method = try ShellDiscovery(schema: schema).resolve(command.method)
        guard let input = schema.messages[method.method.inputType], let output = schema.messages[method.method.outputType] else {
            throw ShellError(status: "UNIMPLEMENTED", message: "the registry has no types for \(method.displayName)")
        }
        let request = try Self.decodeRequest(command.json, as: input.messageType)
        let formatter = ResponseFormatter(schema: schema, format: command.format ?? session.format)
        let saved = SavedMessages()
        try await invoker.call(method.method, request: request, responseType: output.messageType, token: session.token) { [console] received in
            let message = try self.takeSession(from: received)
            if command.outputFile != nil {
                saved.messages.withLock { $0.append(message) }
            } else {
                console.print(try formatter.render(message))
            }
        }
        if let path = command.outputFile {
            let bytes = try formatter.fileContents(saved.messages.withLock { $0 })
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            } catch {
                throw ShellError(status: "UNKNOWN", message: "cannot write \(path): \(error.localizedDescription)")
            }
            console.notice("Saved \(bytes.count) bytes to \(path).")
        }
    }

    /// The request, or a local `INVALID_ARGUMENT` naming what is wrong with the JSON:
    /// nothing is sent for a request the server could only reject.
    static func decodeRequest(_ json: String, as type: any ProtoMessage.Type) throws(ShellError) -> any ProtoMessage {
        let text = json.trimmingSpaces().isEmpty ? "{}" : json
        do {
            return try type.init(jsonString: text)
        } catch {
            throw .invalidArgument("bad request JSON for \(type.protoMessageName): \(error)")
        }
    }
}

/// The responses of a call whose result goes to a file: written once the call is over.
private final class SavedMessages: Sendable {
    let messages = Mutex<[any ProtoMessage]>([])
}
