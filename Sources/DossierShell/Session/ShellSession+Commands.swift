import DossierCore
import DossierQuery
import DossierStore
import Foundation

extension ShellSession {
    /// Runs a dot-command; `source` and `sourceName` are the text and name its line came from.
    func execute(_ command: DotCommand, source: String, sourceName: String) throws(Diagnostic) -> ExecutionStatus {
        switch command {
        case .help(nil):
            showText(ShellHelp.text(for: engine))
        case .help(let topic?):
            guard let text = HelpTopic.text(for: topic, engine: engine) else {
                var diagnostic = Diagnostic(.error, .unknownHelpTopic, "no help for '\(topic)'", notes: ["'.help' alone lists the commands, sources, stages and functions"])
                if let nearest = EditDistance.nearest(to: topic, in: HelpTopic.words(engine: engine)) { diagnostic.help = .init("did you mean '\(nearest)'?") }
                throw diagnostic
            }
            showText(text)
        case .quit:
            return .quit
        case .mode(nil):
            showText(format.rawValue + "\n")
        case .mode(let format?):
            self.format = format
        case .open(nil):
            try openDemo()
            messages("Opened the demo corpus (\(Plural.count(documentCount, "document"))).\n")
        case .open(let path?):
            try open(path: Paths.expandingTilde(path), createIfMissing: true)
            messages("Opened \(path) (\(Plural.count(documentCount, "document"))).\n")
        case .ingest(let paths):
            return try ingest(paths.map(Paths.expandingTilde))
        case .read(let path):
            return try read(path)
        case .sources:
            try show(Discovery.sources(of: engine))
        case .fields(let source):
            try show(try Discovery.fields(of: source, in: engine))
        case .stats:
            try show(Discovery.statistics(of: engine, workspace: openWorkspace, isDemo: isDemo))
        case .parameter(let parameterCommand):
            try execute(parameterCommand, sourceName: sourceName)
        case .headers(nil):
            showText((display.showsHeaders ? "on" : "off") + "\n")
        case .headers(let shows?):
            display.showsHeaders = shows
        case .timer(nil):
            showText((showsTimer ? "on" : "off") + "\n")
        case .timer(let shows?):
            showsTimer = shows
        case .maximumRows(nil):
            showText(describe(display.maximumRows, automatic: "auto (\(DisplaySettings.defaultMaximumRows) on a terminal, all elsewhere)") + "\n")
        case .maximumRows(let limit?):
            display.maximumRows = limit
        case .width(nil):
            showText(describe(display.width, automatic: "auto (\(terminalWidth().map { "\($0) columns, the terminal's" } ?? "no limit here"))") + "\n")
        case .width(let limit?):
            display.width = limit
        case .output(let path):
            try redirect(to: path)
        case .once(let path):
            try redirectOnce(to: path)
        }
        return .success
    }

    private func describe(_ limit: DisplaySettings.Limit, automatic: String) -> String {
        switch limit {
        case .automatic: automatic
        case .unlimited: "0 (no limit)"
        case .exactly(let count): String(count)
        }
    }

    // MARK: Ingest and read

    private func ingest(_ paths: [String]) throws(Diagnostic) -> ExecutionStatus {
        guard let workspace = openWorkspace, !isDemo else {
            throw Diagnostic(.error, .workspaceReadOnly, "no workspace to ingest into: the demo corpus is read-only",
                             help: .init("open or create one first: .open my-workspace.sqlite"))
        }
        let showsProgress = self.showsProgress
        let bar = showsProgress ? IngestProgress(paths: paths) : nil
        var latest = IngestReport()
        let report: IngestReport
        do {
            report = try workspace.ingest(paths: paths, progress: { [messages] report in
                latest = report
                if let bar { messages("\r\(bar.line(for: report))\u{1B}[K") }
            }, isCancelled: isCancelled)
        } catch {
            if showsProgress { messages("\r\u{1B}[K") }
            for problem in latest.problems { self.report(problem) }
            // What the batches before the error added is in the workspace: show it.
            if latest.added > 0 { try? use(workspace, isDemo: false) }
            throw error
        }
        if showsProgress { messages("\r\u{1B}[K") }
        for problem in report.problems { self.report(problem) }
        let bindings = engine.session.boundNames
        try use(workspace, isDemo: false)
        if !bindings.isEmpty {
            messages("The workspace changed, so the names bound by let were cleared: \(bindings.joined(separator: ", ")).\n")
        }
        messages(report.summary + "; the workspace has \(Plural.count(documentCount, "document")).\n")
        return report.isClean ? .success : .failure
    }

    /// `.read FILE`: the file runs as a script, stopping at its first error.
    private func read(_ path: String) throws(Diagnostic) -> ExecutionStatus {
        guard readDepth < 16 else {
            throw Diagnostic(.error, .nestedTooDeeply, "'.read' is nested more than 16 files deep", sourceName: path,
                             help: .init("a script that reads itself never ends"))
        }
        guard let data = FileManager.default.contents(atPath: Paths.expandingTilde(path)) else {
            let exists = FileManager.default.fileExists(atPath: Paths.expandingTilde(path))
            throw Diagnostic(.error, exists ? .fileUnreadable : .fileNotFound, exists ? "the script cannot be read" : "no such file", sourceName: path)
        }
        readDepth += 1
        defer { readDepth -= 1 }
        let status = ScriptRunner(session: self).run(text: String(decoding: data, as: UTF8.self), sourceName: path)
        return status == 0 ? .success : .failure
    }

    // MARK: Parameters

    private func execute(_ command: DotCommand.ParameterCommand, sourceName: String) throws(Diagnostic) {
        let session = engine.session
        switch command {
        case .list:
            try show(Discovery.parameters(session.parameters))
        case .clear:
            session.removeAllParameters()
        case .unset(let name, let range):
            guard session.unsetParameter(name) else {
                throw Diagnostic(.error, .unknownParameter, "no parameter '\(name)'", range: range, notes: knownParameters(session))
            }
        case .set(let name, let text, let range):
            do {
                try session.setParameter(name, to: text)
            } catch {
                throw Diagnostic(.error, .invalidParameterValue, error.reason, range: range)
            }
            if let value = session.parameters.first(where: { $0.name == name })?.value, value.type == .entity {
                do {
                    try session.checkEntity(value)
                } catch {
                    var located = error
                    located.range = range
                    throw located
                }
            }
        }
    }

    private func knownParameters(_ session: QuerySession) -> [String] {
        let names = session.parameters.map(\.name)
        return names.isEmpty ? ["no parameter is declared or set"] : ["the parameters are: " + names.joined(separator: ", ")]
    }
}
