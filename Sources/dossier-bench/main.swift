// dossier-bench: prints Dossier's speed on a corpus generated from the demo articles.
//
//   swift run -c release dossier-bench [--megabytes 20] [--documents 20000]
//   swift run -c release dossier-bench --hostile     # inputs that once ran without bound (Hostile.swift)
//
// Figures, never assertions: start-up, annotation throughput on one core and on all cores, ingest
// rate, index load time, query latency, and peak memory. Timings belong here, not in tests.
import Dossier
import DossierDemoCorpus
import Foundation

struct Settings {
    var megabytes = 20.0
    var documents = 20_000
    var hostile = false

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--megabytes": megabytes = iterator.next().flatMap(Double.init) ?? megabytes
            case "--documents": documents = iterator.next().flatMap(Int.init) ?? documents
            case "--hostile": hostile = true
            default:
                print("usage: dossier-bench [--megabytes N] [--documents N] | --hostile")
                exit(2)
            }
        }
    }
}

/// Seconds taken by `work`.
func measure<T>(_ work: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try work()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

func peakMemoryMegabytes() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
    #else
    getrusage(RUSAGE_SELF, &usage)
    return Double(usage.ru_maxrss) / 1_048_576  // bytes on macOS
    #endif
}

func format(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

let settings = Settings(arguments: CommandLine.arguments)
if settings.hostile {
    try runHostileBenchmarks()
    exit(0)
}
/// The median wall time of running `dossier` (beside this binary) with `arguments` and the file
/// `input` on its standard input, over `runs` runs; `nil` when there is no `dossier` binary beside
/// this one. Spawned with `posix_spawn` and reaped with `waitpid`: Foundation's `Process` adds tens
/// of milliseconds of its own.
func medianRunTime(of arguments: [String], input: String, runs: Int = 21) -> Double? {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("dossier").path
    guard FileManager.default.isExecutableFile(atPath: binary) else { return nil }
    var times: [Double] = []
    for _ in 0..<runs {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let (status, seconds) = measure { () -> Int32 in
            guard posix_spawn(&pid, binary, &actions, nil, argv, environ) == 0 else { return -1 }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            return status
        }
        guard status == 0 else { return nil }
        times.append(seconds)
    }
    return times.sorted()[times.count / 2]
}

// Start-up: a whole `dossier annotate` of one short line, against the process's floor (`--version`).
let oneLine = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-bench-\(getpid()).jsonl")
try #"{"id": "one", "text": "Putin met Xi in Beijing on Monday."}"#.appending("\n").write(to: oneLine, atomically: true, encoding: .utf8)
if let annotateOne = medianRunTime(of: ["annotate"], input: oneLine.path), let floor = medianRunTime(of: ["--version"], input: "/dev/null") {
    print("start-up:             \(format(annotateOne * 1000, 0)) ms for `dossier annotate` of one line "
          + "(\(format(floor * 1000, 0)) ms of it starting a process: `dossier --version`)")
}
try? FileManager.default.removeItem(at: oneLine)

var demo = ReadOutcome()
for file in DemoCorpus.files { demo.append(InputFiles.read(file.path)) }
let demoBytes = demo.documents.reduce(0) { $0 + $1.text.utf8.count }
print("demo corpus: \(demo.documents.count) documents, \(format(Double(demoBytes) / 1_048_576, 2)) MB")

// Annotation: the demo texts, repeated until the requested size.
var texts: [Document] = []
var bytes = 0
while Double(bytes) < settings.megabytes * 1_048_576 {
    for document in demo.documents {
        texts.append(document)
        bytes += document.text.utf8.count
    }
}
let megabytes = Double(bytes) / 1_048_576
let pipeline = Pipeline()
_ = pipeline.annotate(demo.documents[0])  // load the gazetteers outside the timing
let (mentionCount, oneCore) = measure { texts.reduce(0) { $0 + pipeline.annotate($1).mentions.count } }
print("annotate, one core:   \(format(megabytes / oneCore)) MB/s (\(format(megabytes)) MB in \(format(oneCore, 2)) s, \(mentionCount) mentions)")
// Where one core's time goes, stage by stage, on a quarter of the texts.
let sample = Array(texts.prefix(texts.count / 4))
let sampleMegabytes = Double(sample.reduce(0) { $0 + $1.text.utf8.count }) / 1_048_576
let (analyzed, readingTime) = measure { sample.map(pipeline.analyze) }
let (mentionsByText, entityTime) = measure { analyzed.map { pipeline.resolver.resolve(pipeline.recognizer.candidates(in: $0), in: $0) } }
let (timesByText, timeTime) = measure { analyzed.map(pipeline.tagger.times(in:)) }
let (_, relationTime) = measure {
    analyzed.indices.map { pipeline.relationExtractor.relations(in: analyzed[$0], mentions: mentionsByText[$0], times: timesByText[$0]) }
}
let stageTimes = [("tokens and sentences", readingTime), ("entities", entityTime), ("times", timeTime), ("relations with their parses", relationTime)]
print("  stages (MB/s each):  " + stageTimes.map { "\($0.0) \(format(sampleMegabytes / $0.1))" }.joined(separator: ", "))
// The parser alone, on every sentence, and the share of sentences the relation extractor parses.
let sentenceWords = analyzed.flatMap { text in text.sentenceTokenRanges.filter { !$0.isEmpty }.map { SyntacticWords(text: text, tokens: $0).words } }
let wordCount = sentenceWords.reduce(0) { $0 + $1.count }
let (_, parseTime) = measure { sentenceWords.map { pipeline.parser.parse($0).count } }
print("  tag and parse, one core: \(Int(Double(wordCount) / parseTime)) words/s (\(sentenceWords.count) sentences, \(wordCount) words)")
if let extractor = pipeline.relationExtractor as? SyntacticRelationExtractor {
    let parsed = analyzed.indices.reduce(0) { total, index in total + extractor.sentencesToParse(in: analyzed[index], mentions: mentionsByText[index]).count }
    print("  sentences the relation extractor parses: \(parsed) of \(sentenceWords.count) (\(format(100 * Double(parsed) / Double(max(sentenceWords.count, 1))))%)")
}
let (_, allCores) = measure { Parallel.map(texts, pipeline.annotate) }
print("annotate, \(ProcessInfo.processInfo.activeProcessorCount) cores:     \(format(megabytes / allCores)) MB/s")

// Ingest: distinct documents made from the demo articles, into a new workspace.
let folder = NSTemporaryDirectory() + "dossier-bench-\(ProcessInfo.processInfo.processIdentifier)"
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }
@MainActor func generate(_ numbers: Range<Int>) -> [Document] {
    numbers.map { number -> Document in
        var document = demo.documents[number % demo.documents.count]
        document.id = "generated-\(number)"
        document.text += "\n\n(Copy \(number).)"
        if let date = document.date { document.date = date.adding(days: number / demo.documents.count) }
        return document
    }
}
let generated = generate(0..<settings.documents)
let generatedMegabytes = Double(generated.reduce(0) { $0 + $1.text.utf8.count }) / 1_048_576
let workspace = try Workspace.open(at: folder + "/bench.sqlite", createIfMissing: true)
let (report, ingestSeconds) = try measure { try workspace.ingest(documents: generated, pipeline: pipeline) }
print("ingest:               \(format(Double(report.added) / ingestSeconds, 0)) documents/s, "
      + "\(format(generatedMegabytes / ingestSeconds)) MB/s (\(report.added) documents, \(format(generatedMegabytes)) MB)")

// Opening: the column file the ingest wrote, mapped; and, for comparison, the columns built from SQLite.
let (index, openSeconds) = try measure { try workspace.openIndex() }
print("open index:           \(format(openSeconds * 1000, 1)) ms, the column file mapped (\(index.documents.count) documents, "
      + "\(index.entities.count) entities, \(index.mentions.count) mentions)")
let (_, buildSeconds) = try measure { try workspace.loadIndex() }
print("build index:          \(format(buildSeconds * 1000, 0)) ms, the columns built from the database in memory")
// The column file written whole from the database, a table at a time, as when it is missing or damaged.
try FileManager.default.removeItem(atPath: workspace.columnFilePath)
let (_, writeSeconds) = try measure { try workspace.refreshColumnFile() }
print("write column file:    \(format(writeSeconds * 1000, 0)) ms, the whole file from the database")
// What an ingest pays at its end: the file written before copied, and the batch's rows appended. The
// batch is ingested (which grows the file), then the file from before is put back and grown again.
let columnFile = URL(fileURLWithPath: workspace.columnFilePath)
let earlierColumns = try Data(contentsOf: columnFile)
let batch = generate(settings.documents..<(settings.documents + max(1, settings.documents / 100)))
_ = try workspace.ingest(documents: batch, pipeline: pipeline)
try earlierColumns.write(to: columnFile, options: .atomic)
let (update, growSeconds) = try measure { try workspace.refreshColumnFile() }
print("grow column file:     \(format(growSeconds * 1000, 0)) ms, \(batch.count) documents added to \(report.added), what an ingest pays at its end (\(update))")

// Queries: the median of repeated runs.
let queries = [
    "documents | count",
    "documents | during 2019-03 | count",
    "entities | where kind == person | top 10 by mentions",
    "documents | mentioning @russia | count",
    "mentions | where text contains \"minister\" | count by entity | take 5",
    "documents | where title contains \"election\" | select id, date | sort date desc | take 10",
]
let session = QuerySession(index: index)
queryLoop: for query in queries {
    var timings: [Double] = []
    for _ in 0..<7 {
        do {
            let (_, seconds) = try measure { try session.run(query, sourceName: "<bench>") }
            timings.append(seconds)
        } catch {
            // A small corpus may lack what a query names ("@russia"): say so and go on.
            print("query skipped: \(query): \(error)")
            continue queryLoop
        }
    }
    print("query \(format(timings.sorted()[timings.count / 2] * 1000, 2)) ms  \(query)")
}
print("peak memory:          \(format(peakMemoryMegabytes(), 0)) MB")
