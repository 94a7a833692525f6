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
        for statement in ast.statements {
            addStatement(statement, to: file)
        }
        return file
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
            file.extensions += makeExtensions(declaration, scope: file.package, parent: nil, file: file)
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

    private func addPublicClosure(of path: String, into visible: inout Set<String>) {
        guard visible.insert(path).inserted, let dependency = filesByPath[path] else { return }
        for declaration in dependency.imports where declaration.kind == .public {
            addPublicClosure(of: declaration.path, into: &visible)
        }
    }
}
