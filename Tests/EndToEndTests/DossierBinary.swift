import Foundation

/// Runs the built `dossier` executable, as a user would from a shell.
struct DossierBinary {
    struct Outcome {
        var status: Int32
        var output: String
        var messages: String
    }

    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The seed articles that ship in the demo corpus.
    static let seeds = packageRoot.appendingPathComponent("Sources/DossierDemoCorpus/Resources/Corpus/seeds").path

    /// `dossier` beside the test bundle (swift build puts products together), else under .build/debug.
    static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["DOSSIER_BINARY"] { return URL(fileURLWithPath: path) }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("dossier")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/dossier")
    }()

    /// A private cache folder, so the tests never touch the user's demo workspace.
    let cache: String
    let folder: String

    /// A new folder with its own cache; with `sharedCache`, the demo workspace is read from that
    /// cache instead (built once for many tests).
    init(sharedCache: String? = nil) throws {
        folder = NSTemporaryDirectory() + "dossier-e2e-" + UUID().uuidString
        cache = sharedCache ?? folder + "/cache"
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// A cache folder holding the demo workspace, built on first use and shared by the tests that
    /// only read it. Its name is fixed, so test runs reuse it: the workspace's own name carries the
    /// corpus fingerprint and the extraction and schema versions, so a stale one is never opened.
    static let demoCache: String = {
        let cache = NSTemporaryDirectory() + "dossier-e2e-demo-cache"
        if let builder = try? DossierBinary(sharedCache: cache) {
            _ = try? builder.run(["query", "documents | count"])
            builder.remove()
        }
        return cache
    }()

    func path(_ name: String) -> String { folder + "/" + name }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    /// `dossier ARGUMENTS`, set up to run in this folder with its own cache and home.
    func process(_ arguments: [String], environment extra: [String: String] = [:]) -> Process {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        environment["DOSSIER_CACHE"] = cache
        environment["HOME"] = folder
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        return process
    }

    /// Runs `dossier ARGUMENTS`, feeding `input` to its standard input (a pipe, so batch mode).
    func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> Outcome {
        let process = process(arguments, environment: environment)
        let standardInput = Pipe(), standardOutput = Pipe(), standardError = Pipe()
        process.standardInput = standardInput
        process.standardOutput = standardOutput
        process.standardError = standardError
        try process.run()
        standardInput.fileHandleForWriting.write(Data(input.utf8))
        try standardInput.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a full pipe can never stall the child.
        let errors = LockedData()
        let errorReader = Thread { errors.set(standardError.fileHandleForReading.readDataToEndOfFile()) }
        errorReader.start()
        let output = standardOutput.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errors.isSet { usleep(1000) }
        return Outcome(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                       messages: String(decoding: errors.value, as: UTF8.self))
    }
}

/// Data handed from a reader thread.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}

extension DossierBinary {
    /// Starts `dossier ARGUMENTS` without waiting for it, its output discarded.
    func start(_ arguments: [String]) throws -> Process {
        let process = process(arguments)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
