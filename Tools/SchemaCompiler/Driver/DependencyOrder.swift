/// The order protoc writes a descriptor set in (`CommandLineInterface::WriteDescriptorSet`
/// in protoc 3.21): depth-first from each root in command-line order, every file after
/// the files it imports, each file once.
///
/// Without `--include_imports` only the roots are written, still dependencies first:
/// protoc marks the roots' other imports as already written, so the walk never passes
/// through a file it does not write (a root reached only through such a file keeps its
/// command-line turn).
enum DependencyOrder {
    static func files(_ roots: [String], in files: [FileDescriptor], includeImports: Bool) -> [FileDescriptor] {
        let byName = Dictionary(files.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let rootNames = Set(roots)
        var seen: Set<String> = []
        var ordered: [FileDescriptor] = []
        // An explicit stack (file, next dependency) instead of recursion keeps long
        // import chains off the call stack.
        var pending: [(file: FileDescriptor, nextDependency: Int)] = []
        for name in roots {
            if let file = byName[name], seen.insert(name).inserted { pending.append((file, 0)) }
            while let (file, next) = pending.last {
                guard next < file.dependencies.count else {
                    ordered.append(file)
                    pending.removeLast()
                    continue
                }
                pending[pending.count - 1].nextDependency += 1
                let dependency = file.dependencies[next]
                guard includeImports || rootNames.contains(dependency) else { continue }
                if let found = byName[dependency], seen.insert(dependency).inserted { pending.append((found, 0)) }
            }
        }
        return ordered
    }
}
