/// File-level checks: lite-runtime rules (protoc's `ValidateFileOptions` /
/// `ValidateServiceOptions`) and the unused-import warning.
extension LinkSession {
    func checkFile(_ file: FileNode) {
        file.messages.forEach(checkMessage)
        file.enums.forEach(checkEnum)
        for field in file.extensions {
            checkFieldOptions(field)
            if file.isProto3 { checkProto3(field) }
        }
        checkLiteRuntime(file)
    }

    private func checkLiteRuntime(_ file: FileNode) {
        if !file.optimizeForLite {
            for declaration in file.imports {
                guard let dependency = filesByPath[declaration.path], dependency.optimizeForLite else { continue }
                error("Files that do not use optimize_for = LITE_RUNTIME cannot import files which do use this option.  This file is not lite, but it imports \"\(dependency.path)\" which is.", at: declaration.location)
                break
            }
        }
        guard file.optimizeForLite, file.hasGenericServices else { return }
        for service in file.services {
            error("Files with optimize_for = LITE_RUNTIME cannot define services unless you set both options cc_generic_services and java_generic_services to false.", at: service.declaration.name.location)
        }
    }

    /// protoc warns (it is not an error) about imports no lookup needed, and only
    /// for files that otherwise compiled cleanly.
    func warnAboutUnusedImports(_ file: FileNode) {
        guard !file.unusedImports.isEmpty else { return }
        guard !diagnostics.all.contains(where: { $0.severity == .error && $0.location.file == file.path }) else { return }
        for declaration in file.imports where file.unusedImports.contains(declaration.path) {
            warning("Import \(declaration.path) is unused.", at: declaration.location)
        }
    }
}
