import DossierCore
import Foundation

/// A folder that `dossier annotate --format timeml --output DIR` fills with one `<id>.tml` file per
/// document. Two documents whose identifiers make the same file name get `<id>-2.tml`, `<id>-3.tml`, …
/// rather than overwriting each other.
package struct TimeMLFolder {
    /// The folder's path.
    package let path: String
    /// How many files have been written.
    package private(set) var written = 0
    private var usedNames: Set<String> = []

    /// A folder at `path`; nothing is created until `create()`.
    package init(path: String) {
        self.path = path
    }

    /// Creates the folder (and its parents) when missing; a problem when that fails or a file is in the way.
    package func create() -> Diagnostic? {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            return isFolder.boolValue ? nil : Diagnostic(.error, .fileUnwritable, "a file is in the way of the output folder", sourceName: path)
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            return nil
        } catch {
            return Diagnostic(.error, .fileUnwritable, "the output folder cannot be created: \(error.localizedDescription)", sourceName: path)
        }
    }

    /// Writes `document` as the file for identifier `id`; a problem when it cannot be written.
    package mutating func write(_ document: String, for id: String) -> Diagnostic? {
        let name = uniqueName(TimeMLWriter.fileName(for: id))
        let file = (path as NSString).appendingPathComponent(name)
        do {
            try document.write(toFile: file, atomically: true, encoding: .utf8)
            written += 1
            return nil
        } catch {
            return Diagnostic(.error, .fileUnwritable, "the TimeML file cannot be written: \(error.localizedDescription)", sourceName: file)
        }
    }

    private mutating func uniqueName(_ name: String) -> String {
        var candidate = name, copy = 1
        while usedNames.contains(candidate.lowercased()) {
            copy += 1
            candidate = String(name.dropLast(4)) + "-\(copy).tml"
        }
        usedNames.insert(candidate.lowercased())
        return candidate
    }
}
