/// The text `.help` prints.
enum ShellHelp {
    static var text: String {
        let width = DotCommand.summaries.map(\.usage.count).max() ?? 0
        let commands = DotCommand.summaries.map { "  " + $0.usage.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.summary }
        return """
            Commands:
            \(commands.joined(separator: "\n"))

            Queries are pipelines: a source, then stages joined by '|'.
              Sources:  documents (docs), sentences, entities, mentions, relations, times,
                        @name or @"Full Name" (one entity), a name bound by let
              Stages:   where EXPR · during|overlapping|before|after TIME · mentioning @a, @b · search "words"
                        sort F [asc|desc] · take N · top N by F · select F, EXPR as name · count · count by F
                        distinct F · kwic [width N] (on mentions) · kwic "word" [width N] (on documents, sentences)
                        timeline [by day|week|month|quarter|year] · graph (on relations)
                        cooccur [with KIND] [in sentence|document] [min N] (on documents, sentences, entities)
                        render table|bar|line|graph (last stage: how table mode draws the result)
                        documents · sentences · entities · mentions · relations · times (follow links between rows)
              Enums:    kind == person · predicate in [visit, attend] · modality == planned · type == date
              Times:    2023 · 2023-07 · 2023-07-25 · 2023-Q3 · 2023-W30 · 2023-03..2023-10
              Bindings: let trips = documents | mentioning @putin
            A line that begins with '|' continues the statement before; '#' starts a comment.

            Examples:
              documents | during 2019-03 | count
              entities | where kind == person | top 10 by mentions
              documents | mentioning @icc | select title, date
              documents | search "arrest warrant" | count
              @putin | mentions | count by document
              @putin | relations | where predicate == visit | select object, time, modality, evidence
              relations | where predicate == attend and negated
              @putin | cooccur with person in sentence | top 5 by count
              documents | timeline by month | render bar

            """
    }
}

import Foundation
