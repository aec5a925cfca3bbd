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
    /// Arguments that named nothing readable.
    public var problems: [Diagnostic]

    /// Expands `arguments`.
    public init(_ arguments: [String]) {
        var paths: [String] = []
        var problems: [Diagnostic] = []
        let files = FileManager.default
        for argument in arguments {
            var isFolder: ObjCBool = false
            if files.fileExists(atPath: argument, isDirectory: &isFolder) {
                if isFolder.boolValue {
                    let found = Self.files(inFolder: argument)
                    if found.isEmpty {
                        problems.append(Diagnostic(.warning, "the folder has no .txt, .jsonl, .ndjson or .csv files", sourceName: argument))
                    }
                    paths += found
                } else {
                    paths.append(argument)
                }
            } else if argument.contains(where: { "*?[".contains($0) }) {
                let matches = Self.expandGlob(argument)
                if matches.isEmpty { problems.append(Diagnostic(.error, "no file matches the pattern", sourceName: argument)) }
                for match in matches {
                    if files.fileExists(atPath: match, isDirectory: &isFolder), isFolder.boolValue {
                        paths += Self.files(inFolder: match)
                    } else {
                        paths.append(match)
                    }
                }
            } else {
                problems.append(Diagnostic(.error, "no such file or folder", sourceName: argument))
            }
        }
        self.paths = paths
        self.problems = problems
    }

    private static func files(inFolder folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard !name.hasPrefix("."), InputFormat.folderExtensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
            found.append((folder as NSString).appendingPathComponent(relative))
        }
        return found.sorted()
    }

    private static func expandGlob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { index in result.gl_pathv[index].map { String(cString: $0) } }.sorted()
    }

    /// Reads one file with the reader its extension selects; a file that cannot be opened is a problem.
    public static func read(_ path: String) -> ReadOutcome {
        guard let data = FileManager.default.contents(atPath: path) else {
            return ReadOutcome(problems: [Diagnostic(.error, "the file cannot be read", sourceName: path)])
        }
        return InputFormat(path: path).reader.read(data, path: path)
    }
}
