/// Decides which messages keep their fields in a copy-on-write class.
///
/// A Swift struct cannot contain itself, not even through `Optional`: a message that
/// reaches itself through singular message fields (including oneof members) needs one
/// indirection somewhere on the cycle. Giving it to every message of the cycle keeps
/// the rule local and predictable. Repeated and map fields are already heap-allocated;
/// group fields are not emitted.
enum StorageDecision {
    /// Proto full names of messages on a cycle of singular message-typed fields.
    static func messagesInCycles(_ messages: [String: MessageDescriptor]) -> Set<String> {
        var graph: [String: [String]] = [:]
        for (name, message) in messages {
            graph[name] = message.fields.compactMap { field in
                guard field.label != .repeated, field.type == .message else { return nil }
                return field.typeName.flatMap { messages[$0] == nil ? nil : $0 }
            }
        }
        var finder = CycleFinder(graph: graph)
        for name in graph.keys.sorted() where finder.index[name] == nil {
            finder.visit(name)
        }
        return finder.inCycle
    }

    /// Tarjan's strongly connected components; a component is a cycle when it has more
    /// than one node or a node with an edge to itself.
    private struct CycleFinder {
        let graph: [String: [String]]
        var index: [String: Int] = [:]
        var lowLink: [String: Int] = [:]
        var stack: [String] = []
        var onStack: Set<String> = []
        var inCycle: Set<String> = []
        var counter = 0

        init(graph: [String: [String]]) {
            self.graph = graph
        }

        /// Tarjan's depth-first search from `root`, with an explicit stack of frames
        /// instead of recursion: a chain of 10,000 messages each holding the next
        /// must not exhaust the call stack.
        mutating func visit(_ root: String) {
            var frames: [(node: String, nextEdge: Int)] = [(root, 0)]
            enter(root)
            while let (node, nextEdge) = frames.last {
                let successors = graph[node] ?? []
                guard nextEdge == successors.count else {
                    frames[frames.count - 1].nextEdge += 1
                    let next = successors[nextEdge]
                    if index[next] == nil {
                        enter(next)
                        frames.append((next, 0))
                    } else if onStack.contains(next) {
                        lowLink[node] = min(lowLink[node]!, index[next]!)
                    }
                    continue
                }
                frames.removeLast()
                leave(node)
                if let parent = frames.last?.node {
                    lowLink[parent] = min(lowLink[parent]!, lowLink[node]!)
                }
            }
        }

        private mutating func enter(_ node: String) {
            index[node] = counter
            lowLink[node] = counter
            counter += 1
            stack.append(node)
            onStack.insert(node)
        }

        /// All successors are done: a root of a component pops the component.
        private mutating func leave(_ node: String) {
            guard lowLink[node] == index[node] else { return }
            var component: [String] = []
            while let top = stack.popLast() {
                onStack.remove(top)
                component.append(top)
                if top == node { break }
            }
            if component.count > 1 || (graph[node] ?? []).contains(node) {
                inCycle.formUnion(component)
            }
        }
    }
}
