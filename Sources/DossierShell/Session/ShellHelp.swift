import DossierQuery

/// The text `.help` prints.
enum ShellHelp {
    /// The help for a session over `engine`: the commands, the language, each source's fields and the
    /// names the session has bound.
    static func text(for engine: QueryEngine) -> String {
        let width = DotCommand.summaries.map(\.usage.count).max() ?? 0
        let commands = DotCommand.summaries.map { "  " + $0.usage.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.summary }
        let sourceNames = RowKind.allCases.map { $0 == .documents ? "documents (docs)" : $0.rawValue }
        let nameWidth = sourceNames.map(\.count).max() ?? 0
        let sources = zip(RowKind.allCases, sourceNames).map { kind, name in
            "    " + name.padding(toLength: nameWidth + 2, withPad: " ", startingAt: 0) + kind.fields.map(\.name).joined(separator: ", ")
        }
        let bound = engine.session.boundNames
        let functions = wrap(Function.allCases.map(\.signature), width: 88, indent: "             ")
        return """
            Commands:
            \(commands.joined(separator: "\n"))
            In scripts and 'dossier query', .ingest and .open WORKSPACE need --allow-writes.

            Queries are pipelines: a source, then stages joined by '|'.
              Sources and their fields (.fields SOURCE gives their types):
            \(sources.joined(separator: "\n"))
                @name, @"Full Name", @Name:kind (one entity)\(bound.isEmpty ? "" : "\n    bound by let: " + bound.joined(separator: ", "))
              Stages:   where EXPR · during|overlapping|before|after TIME · mentioning @a, @b · search "words"
                        sort F [asc|desc] · take N · top N by F · select F, EXPR as name · count · count by F
                        distinct F · kwic [width N] (on mentions) · kwic "word" [width N] (on documents, sentences)
                        timeline [by day|week|month|quarter|year] · graph (on relations)
                        cooccur [with KIND] [in sentence|document] [min N] (on documents, sentences, entities)
                        render table|bar|line|graph (last stage: how table mode draws the result)
                        documents · sentences · entities · mentions · relations · times (follow links between rows)
              Expressions: == != < <= > >= · and or not · in [a, b] · contains "x" · matches "regex"
                        + - * / ( ) · is null · is not null · date during 2019-03 · overlaps · before · after
              Functions: \(functions)
              Enums:    kind == person · predicate in [visit, attend] · modality == planned · type == date
              Times:    2023 · 2023-07 · 2023-07-25 · 2023-Q3 · 2023-W30 · 2023-03..2023-10
              Bindings: let trips = documents | mentioning @putin
              Parameters: param who: entity = @putin, then $who in queries; .param set who @xi;
                        dossier run SCRIPT.dq --param who=xi
            A line that begins with '|' continues the statement before; '#' starts a comment.

            Examples:
              documents | during 2019-03 | count
              entities | where kind == person | top 10 by mentions
              documents | mentioning @icc | select title, date
              documents | search "arrest warrant" | count
              documents | where title is null or len(title) < 20 | select id, left(text, 60)
              entities | select name, mentions / documents as per_document | top 5 by per_document
              @putin | relations | where predicate == visit | select object, time, modality, evidence
              relations | where predicate == attend and negated
              @putin | cooccur with person in sentence | top 5 by count
              documents | during 2019 | timeline by month | render bar

            """
    }

    /// Items joined with " · " into lines of at most `width` characters, later lines indented.
    private static func wrap(_ items: [String], width: Int, indent: String) -> String {
        var lines: [String] = []
        var line = ""
        for item in items {
            if !line.isEmpty, line.count + 3 + item.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " · ") + item
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n" + indent)
    }
}
