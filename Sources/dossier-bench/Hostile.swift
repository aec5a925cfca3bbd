import Dossier
import DossierDemoCorpus
import DossierShell
import LineEditing
import Foundation

/// `dossier-bench --hostile`: the inputs that once ran without bound (issue 12), timed on the demo
/// corpus: long statements, thousands of `let`s, catastrophic regular expressions, a chain of
/// 100,000 conditions, and `cooccur` over documents that each name 2,000 places.
func runHostileBenchmarks() throws {
    let folder = NSTemporaryDirectory() + "dossier-bench-hostile-\(ProcessInfo.processInfo.processIdentifier)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }

    // cooccur first, so its peak memory is its own: 40 documents, each naming the same 2,000 places.
    let names = (0..<2_000).map { "Place \($0)" }
    let text = names.joined(separator: ", ")
    var documents = CorpusIndex.DocumentColumns()
    var entities = CorpusIndex.EntityColumns()
    var mentions = CorpusIndex.MentionColumns()
    var sentences = CorpusIndex.SentenceColumns()
    for name in names { entities.append(name: name, kind: .location, aliases: []) }
    for row in 0..<40 {
        documents.append(Document(id: "crowded-\(row)", text: text), wordCount: 4_000)
        sentences.append(document: Int32(row), Sentence(index: 0, span: TextSpan(start: 0, end: text.unicodeScalars.count)))
        var start = 0
        for (entity, name) in names.enumerated() {
            mentions.append(entity: Int32(entity), document: Int32(row), sentence: 0, text: name,
                            span: TextSpan(start: start, end: start + name.count))
            start += name.count + 2
        }
    }
    let crowded = QuerySession(index: CorpusIndex(documents: documents, entities: entities, mentions: mentions, sentences: sentences,
                                                 relations: CorpusIndex.RelationColumns(), times: CorpusIndex.TimeColumns()))
    print("cooccur on 40 documents naming the same 2,000 places (1,999,000 pairs); memory before: \(format(peakMemoryMegabytes(), 0)) MB")
    for query in ["documents | cooccur | count", "documents | cooccur | top 5 by count", "documents | cooccur"] {
        let (outcome, seconds) = measure { describeRun(of: query, in: crowded) }
        print("  \(format(seconds, 2)) s, peak \(format(peakMemoryMegabytes(), 0)) MB  \(query)  →  \(outcome.prefix(90))")
    }

    // A workspace of the demo corpus for the rest.
    let workspace = try Workspace.open(at: folder + "/demo.sqlite", createIfMissing: true)
    _ = try workspace.ingest(paths: DemoCorpus.files.map(\.path))
    var printed = 0
    let shell = ShellSession(output: { printed += $0.utf8.count }, messages: { printed += $0.utf8.count })
    try shell.open(path: workspace.path, createIfMissing: false)

    let pipeline = "documents\n" + String(repeating: "| take 1\n", count: 4_000) + "| count\n"
    let (_, pipelineSeconds) = measure { ScriptRunner(session: shell).run(text: pipeline, sourceName: "<bench>") }
    print("a pipeline of 4,000 lines, as a script:      \(format(pipelineSeconds, 3)) s")

    let lets = (0..<2_000).map { "let b\($0) = documents | take 1" }
    let (_, letSeconds) = measure { ScriptRunner(session: shell).run(text: lets.joined(separator: "\n"), sourceName: "<bench>") }
    print("2,000 let statements, as a script:           \(format(letSeconds, 3)) s")
    // The interactive loop without the terminal: each line assembled, run and appended to the history file.
    let history = folder + "/history"
    let interactive = ShellSession(output: { printed += $0.utf8.count }, messages: { printed += $0.utf8.count })
    try interactive.open(path: workspace.path, createIfMissing: false)
    let (_, interactiveSeconds) = measure {
        var assembler = StatementAssembler(interactive: true)
        for (number, line) in lets.enumerated() {
            for chunk in assembler.add(line, number: number + 1) {
                HistoryFile.append(line, to: history)
                _ = interactive.execute(chunk, source: "", sourceName: "<input>")
            }
        }
    }
    print("2,000 let statements, typed (with history):  \(format(interactiveSeconds, 3)) s")

    let session = try QuerySession(workspace: workspace)
    let queries = [
        #"documents | where text matches "(.*a){20}" | count"#,
        #"documents | where text matches "(\\w+\\s?)*$" | count"#,
        "documents | where " + Array(repeating: "title contains \"zz\"", count: 100_000).joined(separator: " or ") + " | count",
        "mentions | kwic width 50 | count",
        "mentions | kwic width 50 | take 5",
    ]
    for query in queries {
        let (outcome, seconds) = measure { describeRun(of: query, in: session) }
        print("  \(format(seconds, 3)) s  \(query.prefix(70))\(query.count > 70 ? "…" : "")  →  \(outcome)")
    }
    print("peak memory:          \(format(peakMemoryMegabytes(), 0)) MB")
}

/// What `query` gives in `session`, in a few words: the value, the number of rows, or the error.
private func describeRun(of query: String, in session: QuerySession) -> String {
    do throws(Diagnostic) {
        switch try session.run(query, sourceName: "<bench>").last?.result {
        case .scalar(let value)?: return value.displayText
        case .rows(let table)?: return "\(table.rows.count) rows"
        case nil: return "nothing"
        }
    } catch {
        return "error: " + error.message
    }
}
