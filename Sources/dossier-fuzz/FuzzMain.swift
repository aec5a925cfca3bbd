import DossierFuzzing
import Foundation

#if LIBFUZZER
// Built with `-sanitize=fuzzer -DLIBFUZZER` (README: "Fuzzing the query front end"): libFuzzer
// calls `testOneInput` with each input, read as query text (bytes that are not UTF-8 as U+FFFD).
// libFuzzer brings a `main` and so does SwiftPM for an executable; the build allows both, and
// whichever the linker keeps runs libFuzzer's driver.
nonisolated(unsafe) private var fuzzer: QueryFuzzer?

/// libFuzzer's entry point for programs that keep their own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                             _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                             _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// What libFuzzer calls with each input (exported under the name its own `main` looks for, too).
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    if fuzzer == nil {
        do { fuzzer = try QueryFuzzer() } catch { fatalError("the fuzzing workspace could not be made: \(error)") }
    }
    let text = data.map { String(decoding: UnsafeBufferPointer(start: $0, count: size), as: UTF8.self) } ?? ""
    do {
        try fuzzer?.execute(text, asScript: size % 5 == 0)
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        abort()
    }
    return 0
}

@main
struct FuzzCommand {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv) { data, size in testOneInput(data, size) })
    }
}
#else
/// `dossier-fuzz`: runs the seeded query fuzzer for as long as asked.
///
///     dossier-fuzz [--seed S] [--executions N] [--seconds T] [--from K] [--show K] [--corpus DIR]
///
/// Each text is number K of seed S; `--show K` prints it, `--from K` starts there, so a failure or
/// a crash is replayed from the last progress line. `--corpus DIR` writes the language reference's
/// examples as a starting corpus for libFuzzer.
@main
struct FuzzCommand {
    static func main() {
        var options: [String: String] = [:]
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let name = arguments.next() {
            guard name.hasPrefix("--"), let value = arguments.next() else {
                fail("usage: dossier-fuzz [--seed S] [--executions N] [--seconds T] [--from K] [--show K] [--corpus DIR]")
            }
            options[String(name.dropFirst(2))] = value
        }
        let seed = UInt64(options["seed"] ?? "1") ?? 1
        let executions = Int(options["executions"] ?? "100000") ?? 100_000
        let seconds = options["seconds"].flatMap(Double.init)
        let first = Int(options["from"] ?? "0") ?? 0
        if let folder = options["corpus"] {
            writeCorpus(to: folder)
            return
        }
        let fuzzer: QueryFuzzer
        do { fuzzer = try QueryFuzzer() } catch { fail("the fuzzing workspace could not be made: \(error)") }
        var generator = QueryGenerator(seed: seed, entityNames: fuzzer.entityNames)
        for _ in 0..<first { _ = generator.next() }
        if let shown = options["show"].flatMap(Int.init) {
            for _ in first..<shown { _ = generator.next() }
            print(generator.next())
            return
        }
        let start = Date()
        var number = first
        while number < first + executions {
            if let seconds, Date().timeIntervalSince(start) > seconds { break }
            let text = generator.next()
            do {
                try fuzzer.execute(text, asScript: number % 5 == 0, format: [.table, .csv, .json, .markdown][number % 4])
            } catch {
                fail("seed \(seed), text \(number) broke a promise: \(error)")
            }
            number += 1
            if number % 10_000 == 0 {
                log("seed \(seed): \(number) texts run clean (\(Int(Date().timeIntervalSince(start))) s)")
            }
        }
        log("seed \(seed), texts \(first)..<\(number): all clean in \(Int(Date().timeIntervalSince(start))) s\n\(fuzzer.tally)")
    }

    static func writeCorpus(to folder: String) {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var written = 0
        for (number, text) in QueryGenerator.examples.enumerated() {
            let path = folder + "/example-\(number).dq"
            if FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) { written += 1 } else { log("cannot write \(path)") }
        }
        log("wrote \(written) of \(QueryGenerator.examples.count) examples to \(folder)")
    }

    static func log(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }

    static func fail(_ message: String) -> Never {
        log(message)
        exit(1)
    }
}
#endif
