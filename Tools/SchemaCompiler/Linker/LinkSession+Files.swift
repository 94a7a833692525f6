/// File-level building: statements into nodes, and which files each file may see.
extension LinkSession {
    func makeFile(_ ast: AST.File) -> FileNode {
        let file = FileNode(ast: ast)
        // Syntax and package first: every definition's scope and rules depend on them.
        for statement in ast.statements {
            switch statement {
            case .syntax(let syntax):
                file.isProto3 = syntax.value == "proto3"
                file.headerComments = syntax.comments
            case .package(let package):
                guard file.packageDeclaration == nil else { continue }  // The parser reports it.
                file.packageDeclaration = package
                file.package = package.name
                if file.headerComments == .none { file.headerComments = package.comments }
            default:
                break
            }
        }
        if let package = file.packageDeclaration, let problem = Self.packageLimitError(package.name) {
            error(problem, at: package.location)
            file.isRejected = true
            file.package = ""
            file.imports = ast.statements.compactMap { if case .import(let declaration) = $0 { declaration } else { nil } }
            return file
        }
        for statement in ast.statements {
            addStatement(statement, to: file)
        }
        return file
    }

    /// protoc's descriptor builder refuses a package longer than 511 characters or
    /// with more than 100 dots, before looking at anything else in the file. (The
    /// limits also keep the symbol table small: every prefix of a package is a symbol.)
    static func packageLimitError(_ package: String) -> String? {
        if package.utf8.count > 511 { return "Package name is too long" }
        if package.utf8.lazy.filter({ $0 == UInt8(ascii: ".") }).count > 100 { return "Exceeds Maximum Package Depth" }
        return nil
    }

    private func addStatement(_ statement: AST.FileStatement, to file: FileNode) {
        switch statement {
        case .syntax, .package:
            break
        case .import(let declaration):
            file.imports.append(declaration)
        case .option(let option):
            file.options.append(option)
        case .message(let declaration):
            file.messages.append(makeMessage(declaration, scope: file.package, parent: nil, file: file))
        case .enum(let declaration):
            file.enums.append(makeEnum(declaration, scope: file.package, parent: nil, file: file))
        case .service(let declaration):
            file.services.append(makeService(declaration, file: file))
        case .extend(let declaration):
            let (fields, groupBodies) = makeExtensions(declaration, scope: file.package, parent: nil, file: file)
            file.extensions += fields
            file.messages += groupBodies
        }
    }

    /// protoc's `RecordPublicDependencies`: a file sees its direct imports and,
    /// transitively, whatever those import publicly. Also seeds the unused-import
    /// set with the imports protoc tracks (non-public ones of files that re-export
    /// nothing).
    func computeVisibility(of file: FileNode) {
        var visible: Set<String> = [file.path]
        for declaration in file.imports {
            addPublicClosure(of: declaration.path, into: &visible)
        }
        file.visibleFiles = visible
        var seen: Set<String> = []
        for declaration in file.imports {
            if !seen.insert(declaration.path).inserted {
                error("Import \"\(declaration.path)\" was listed twice.", at: declaration.location)
            }
            guard let dependency = filesByPath[declaration.path] else { continue }
            let reexports = dependency.imports.contains { $0.kind == .public }
            if declaration.kind != .public && !reexports {
                file.unusedImports.insert(declaration.path)
            }
        }
        for declaration in file.imports where declaration.kind == .public {
            file.unusedImports.remove(declaration.path)
        }
    }

    /// A worklist rather than recursion: public import chains may be thousands long.
    private func addPublicClosure(of path: String, into visible: inout Set<String>) {
        var pending = [path]
        while let next = pending.popLast() {
            guard visible.insert(next).inserted, let dependency = filesByPath[next] else { continue }
            pending += dependency.imports.filter { $0.kind == .public }.map(\.path)
        }
    }
}
