import DossierCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The formats Dossier reads, chosen by a file's extension.
public enum InputFormat: String, CaseIterable, Sendable {
    /// One article per file, with an optional `date YYYY-MM-DD` header.
    case text
    /// One JSON object per line.
    case jsonLines
    /// Comma-separated values with a header row.
    case csv

    /// The format for `path`: `.jsonl`/`.ndjson` are JSON Lines, `.csv` is CSV, anything else is text.
    public init(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "jsonl", "ndjson": self = .jsonLines
        case "csv": self = .csv
        default: self = .text
        }
    }

    /// The extensions a folder is searched for.
    static let folderExtensions: Set<String> = ["txt", "text", "jsonl", "ndjson", "csv"]

    /// The reader for this format.
    public var reader: any DocumentReader {
        switch self {
        case .text: PlainTextReader()
        case .jsonLines: JSONLinesReader()
        case .csv: CSVReader()
        }
    }
}

/// The files named on a command line: files as they are, folders searched recursively for the
/// formats Dossier reads, and glob patterns (`articles/*.txt`) expanded.
public struct InputFiles: Sendable {
    /// The files found, in a stable order: arguments in the order given, each folder's files sorted.
    public var paths: [String]
    /// What each file's documents are named after when the file gives no ids: a file found in a
    /// folder, its path inside that folder without the extension (`2019/report` for
    /// `articles/2019/report.txt` when `articles` was named), so two `report.txt` in different
    /// folders differ; a file named directly, its name without the extension.
    public var names: [String: String]
    /// Arguments that named nothing readable, and folders that could not be read.
    public var problems: [Diagnostic]

    /// Expands `arguments`.
    public init(_ arguments: [String]) {
        var paths: [String] = []
        var names: [String: String] = [:]
        var problems: [Diagnostic] = []
        func addFile(_ path: String) {
            paths.append(path)
            names[path] = names[path] ?? ReaderSupport.stem(of: path)
        }
        func addFolder(_ folder: String) {
            let found = Self.files(inFolder: folder, problems: &problems)
            if found.isEmpty, !problems.contains(where: { $0.sourceName == folder }) {
                problems.append(Diagnostic(.warning, .noInputFiles, "the folder has no .txt, .jsonl, .ndjson or .csv files", sourceName: folder))
            }
            for relative in found {
                let path = (folder as NSString).appendingPathComponent(relative)
                paths.append(path)
                names[path] = names[path] ?? (relative as NSString).deletingPathExtension
            }
        }
        for argument in arguments {
            switch FileKind(of: argument) {
            case .folder: addFolder(argument)
            case .file: addFile(argument)
            case .unreachable(let reason):
                if reason == nil, argument.contains(where: { "*?[".contains($0) }) {
                    let matches = Self.expandGlob(argument)
                    if matches.isEmpty { problems.append(Diagnostic(.error, .fileNotFound, "no file matches the pattern", sourceName: argument)) }
                    for match in matches {
                        if case .folder = FileKind(of: match) { addFolder(match) } else { addFile(match) }
                    }
                } else {
                    problems.append(Diagnostic(.error, reason == nil ? .fileNotFound : .fileUnreadable, reason ?? "no such file or folder", sourceName: argument))
                }
            }
        }
        self.paths = paths
        self.names = names
        self.problems = problems
    }

    /// What a path names, following links; `unreachable` with why, or `nil` when nothing is there.
    enum FileKind {
        case file, folder
        case unreachable(String?)

        init(of path: String) {
            var status = stat()
            if stat(path, &status) == 0 {
                self = (status.st_mode & S_IFMT) == S_IFDIR ? .folder : .file
                return
            }
            let error = errno
            var linkStatus = stat()
            switch error {
            case ENOENT where lstat(path, &linkStatus) == 0:
                self = .unreachable("the link points to nothing: its target does not exist")
            case ENOENT, ENOTDIR:
                self = .unreachable(nil)
            case ELOOP:
                self = .unreachable("the path cannot be followed: its symbolic links form a loop")
            default:
                self = .unreachable("the path cannot be read: " + String(cString: strerror(error)).lowercased())
            }
        }
    }

    /// The files below `folder` with an extension Dossier reads, as paths relative to it, sorted;
    /// hidden files and folders are left out, and folders that cannot be read are problems.
    private static func files(inFolder folder: String, problems: inout [Diagnostic]) -> [String] {
        var found: [String] = []
        var pending = [""]
        var visited = Set<String>()
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? folder : (folder as NSString).appendingPathComponent(relative)
            // A link back up the tree would be walked for ever: each real folder is read once.
            guard let real = realpath(path, nil) else { continue }
            defer { free(real) }
            guard visited.insert(String(cString: real)).inserted else { continue }
            let entries: [String]
            do {
                entries = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                let reason = String(cString: strerror(errno == 0 ? EACCES : errno)).lowercased()
                problems.append(Diagnostic(.error, .fileUnreadable, "the folder cannot be read: \(reason)", sourceName: path))
                continue
            }
            for name in entries where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : (relative as NSString).appendingPathComponent(name)
                let childPath = (folder as NSString).appendingPathComponent(child)
                switch FileKind(of: childPath) {
                case .folder:
                    pending.append(child)
                case .file:
                    if InputFormat.folderExtensions.contains((name as NSString).pathExtension.lowercased()) { found.append(child) }
                case .unreachable(let reason):
                    if let reason, InputFormat.folderExtensions.contains((name as NSString).pathExtension.lowercased()) {
                        problems.append(Diagnostic(.error, .fileUnreadable, reason, sourceName: childPath))
                    }
                }
            }
        }
        return found.sorted()
    }

    private static func expandGlob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { index in result.gl_pathv[index].map { String(cString: $0) } }.sorted()
    }

    /// Reads one file with the reader its extension selects, naming its documents after `name`
    /// (the file's name without extension when not given); a file that cannot be read is a problem.
    public static func read(_ path: String, name: String? = nil) -> ReadOutcome {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno)).lowercased()
            return ReadOutcome(problems: [.unreadableFile(reason, path: path)])
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            let reason = String(cString: strerror(errno == 0 ? EIO : errno)).lowercased()
            return ReadOutcome(problems: [.unreadableFile(reason, path: path)])
        }
        return InputFormat(path: path).reader.read(data, path: path, name: name ?? ReaderSupport.stem(of: path))
    }
}
