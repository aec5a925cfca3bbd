import ArgumentParser
import DossierNotebook
import DossierShell

/// `dossier`: the shell, scripts, queries, ingest and annotation from the command line.
/// Only arguments live here; the work is in DossierShell's ``CommandLineActions``.
@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Who did what to whom, and when, across a pile of news.",
        discussion: "With no subcommand, opens the shell on a workspace, or on the bundled demo corpus when none is named.",
        version: "dossier " + DossierVersion.description,
        subcommands: [Shell.self, Run.self, Query.self, Ingest.self, Annotate.self, Export.self, Notebook.self],
        defaultSubcommand: Shell.self)

    static func main() {
        CommandLineActions.prepare(for: CommandLine.arguments)
        main(nil)
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// Options the query-running subcommands share.
struct QueryOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "The workspace file (default: the bundled demo corpus).")
    var workspace: String?

    @Option(name: .long, help: "How results print: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .table

    @Flag(name: .long, help: "Let query text and scripts run commands that write (.ingest, .open); the interactive shell always may.")
    var allowWrites = false
}

struct Shell: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the interactive shell (reads statements from standard input when it is not a terminal).")

    @OptionGroup var options: QueryOptions

    func run() throws {
        throw ExitCode(CommandLineActions.shell(workspace: options.workspace, format: options.format, allowWrites: options.allowWrites))
    }
}

/// `--param NAME=VALUE`, repeated: values for the script's `param` declarations.
struct ParameterOptions: ParsableArguments {
    @Option(name: .customLong("param"), help: ArgumentHelp("A value for a parameter the script declares with 'param' (repeat for more).",
                                                         valueName: "NAME=VALUE"))
    var parameters: [String] = []
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a saved script (.dq); '-' reads it from standard input.",
        discussion: """
            The exit status is 0 when every statement ran and 1 when one failed: the error is shown with its place,             and a last line says where the script stopped and how many statements ran.
            With --expect FILE the script's transcript (each statement after the prompt, then what it printed) is             compared with FILE instead of printed: the status is 0 when they match, 1 with a unified diff when not.             --update-expected writes FILE from this run instead.
            """)

    @Argument(help: "The script to run.")
    var script: String

    @OptionGroup var options: QueryOptions
    @OptionGroup var parameters: ParameterOptions

    @Option(name: .long, help: ArgumentHelp("Compare the script's transcript with this file instead of printing it.", valueName: "FILE"))
    var expect: String?

    @Flag(name: .long, help: "With --expect: write the transcript to the file instead of comparing.")
    var updateExpected = false

    func validate() throws {
        if updateExpected, expect == nil { throw ValidationError("--update-expected needs --expect FILE: the file to write.") }
    }

    func run() throws {
        throw ExitCode(CommandLineActions.run(script: script, workspace: options.workspace, format: options.format,
                                              parameters: parameters.parameters, expect: expect, updateExpected: updateExpected,
                                              allowWrites: options.allowWrites))
    }
}

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run query text given as an argument.")

    // Every argument that is not an option is query text, so text that starts with '-' is a query
    // (whose error points into it), not an unknown option.
    @Argument(parsing: .allUnrecognized, help: "The query, e.g. 'documents | count'.")
    var text: [String] = []

    @OptionGroup var options: QueryOptions
    @OptionGroup var parameters: ParameterOptions

    func validate() throws {
        if text.isEmpty { throw ValidationError("Give the query text, e.g. dossier query 'documents | count'.") }
        // '--formt' is a mistyped option: no query begins with two dashes and a word.
        if let option = text.first(where: { $0.hasPrefix("--") && $0.dropFirst(2).allSatisfy { $0.isLetter || $0 == "-" } && $0.count > 2 }) {
            throw ValidationError("Unknown option '\(option)'")
        }
    }

    func run() throws {
        throw ExitCode(CommandLineActions.query(text.joined(separator: " "), workspace: options.workspace, format: options.format,
                                                parameters: parameters.parameters, allowWrites: options.allowWrites))
    }
}

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add text, JSONL or CSV files, folders or globs to a workspace (created when missing).",
        discussion: """
            With --annotations, the files are annotation JSONL made elsewhere (by dossier annotate, for instance \
            on Spark through RDD.pipe), loaded without running extraction: each record is checked against its \
            text, and a record that fails is reported with its file and line and skipped. Loaded in the \
            corpus's order, they give the workspace a direct ingest of the corpus gives.
            """)

    @Argument(help: "The workspace file.")
    var workspace: String

    @Argument(help: "Files, folders or glob patterns.")
    var paths: [String] = []

    @Option(name: .long, parsing: .upToNextOption,
            help: ArgumentHelp("Annotation JSONL files to load instead of documents to annotate ('-': standard input).",
                               valueName: "FILE.jsonl"))
    var annotations: [String] = []

    func validate() throws {
        if !paths.isEmpty, !annotations.isEmpty {
            throw ValidationError("Give either documents to annotate or --annotations FILE.jsonl…, not both in one ingest.")
        }
        if paths.isEmpty, annotations.isEmpty { throw ValidationError("Name at least one file, folder or glob to ingest.") }
    }

    func run() throws {
        throw ExitCode(CommandLineActions.ingest(workspace: workspace, paths: annotations.isEmpty ? paths : annotations,
                                                 annotations: !annotations.isEmpty))
    }
}

struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the entities, times and relations found in documents as annotation JSONL, the times as TimeML, or the syntax as CoNLL-U.",
        discussion: """
            jsonl (the default) writes one object per document to standard output, with the document itself \
            (title, source, url, sentences, text) so that dossier ingest --annotations can load it. It is a \
            streaming filter, for Spark's RDD.pipe: JSONL on standard input is read a line at a time and every \
            line gives exactly one line out, in order, as soon as it is annotated; a line that cannot be read \
            gives an error record ({"error", "input", "line", "id"}) and the stream goes on. The status is 1 \
            when any record failed.
            conllu writes every sentence's parse (words, UPOS, XPOS, lemma, head, relation; the code-point span \
            of each word as TokenRange in MISC) to standard output, for UD tools.
            timeml writes TimeML with a TIMEX3 tag around each time expression and the document date as the \
            CREATION_TIME TIMEX3 t0: one <id>.tml file per document in the folder named by --output (created \
            when missing), or standard output when exactly one document is read and no folder is named.
            """)

    @Argument(help: "Text, JSONL or CSV files, folders or globs; '-' reads standard input.")
    var paths: [String] = ["-"]

    @Option(name: .long, help: "The output format.")
    var format: AnnotationFormat = .jsonl

    @Option(name: [.short, .long], help: ArgumentHelp("With --format timeml: the folder for the <id>.tml files.", valueName: "DIR"))
    var output: String?

    func run() throws {
        throw ExitCode(CommandLineActions.annotate(paths: paths, format: format, outputFolder: output))
    }
}

extension AnnotationFormat: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a table of a workspace as JSON Lines, CSV or Parquet, for Spark SQL, DuckDB or pandas.",
        discussion: """
            The tables are the query language's sources: documents, sentences, entities, mentions, relations, times, \
            with every field each has (.fields TABLE in the shell). An entity reference also gives the entity's id \
            (entity_id, subject_id, object_id: the id column of entities), and a time range its first day and the \
            day after its last (range_start, range_end; time_start, time_end). csv is RFC 4180 with a header row; \
            parquet is written through Python's pyarrow ($DOSSIER_PYTHON, else python3; Scripts/spark-tools \
            installs it into the project's .venv).
            """)

    @Argument(help: "The workspace file.")
    var workspace: String

    @Argument(help: "The table: documents, sentences, entities, mentions, relations or times.")
    var table: String

    @Option(name: .long, help: "The output format.")
    var format: ExportFormat = .jsonl

    @Option(name: [.short, .long], help: ArgumentHelp("The file to write (default: standard output).", valueName: "FILE"))
    var output: String?

    func run() throws {
        throw ExitCode(CommandLineActions.export(workspace: workspace, table: table, format: format, output: output))
    }
}

extension ExportFormat: ExpressibleByArgument {}


/// `dossier notebook …`: Dossier in Jupyter, and notebooks run without it.
struct Notebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run notebooks of DQL cells, and the Jupyter kernel that runs them in JupyterLab, Notebook, VS Code and jupyter console.",
        subcommands: [RunNotebook.self, InstallKernel.self, KernelProcess.self])
}

struct RunNotebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Execute a notebook's cells in order and write their outputs (nbformat 4), without Jupyter.",
        discussion: """
            Cells run as in the Dossier kernel: one workspace, let names and parameters kept from cell to cell, \
            results as HTML tables, Vega-Lite charts with SVG pictures, and text. The run stops at the first cell \
            that fails (unless the cell is tagged raises-exception) and exits with status 1; the notebook is written \
            either way. Without -o the notebook is updated in place; -o - writes it to standard output.
            """)

    @Argument(help: "The notebook (.ipynb).")
    var notebook: String

    @Option(name: [.short, .long], help: "The workspace file (default: the bundled demo corpus).")
    var workspace: String?

    @OptionGroup var parameters: ParameterOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Where to write the executed notebook ('-': standard output; default: in place).",
                                                    valueName: "OUTPUT"))
    var output: String?

    func run() throws {
        throw ExitCode(NotebookCommands.run(notebook: notebook, workspace: workspace, parameters: parameters.parameters, output: output))
    }
}

struct InstallKernel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-kernel",
        abstract: "Install the Dossier kernel for Jupyter (a kernel specification for the current user).",
        discussion: """
            Writes kernels/NAME/kernel.json into Jupyter's data folder ($JUPYTER_DATA_DIR, else ~/.local/share/jupyter \
            or ~/Library/Jupyter), or under PREFIX/share/jupyter with --prefix (a virtual environment's folder). The \
            kernel starts this dossier executable.
            """)

    @Option(name: .long, help: "The kernel's name.")
    var name = "dossier"

    @Option(name: .long, help: "The name Jupyter shows (default: Dossier, with the workspace's file name when one is given).")
    var displayName: String?

    @Option(name: [.short, .long], help: "The workspace the kernel opens (default: the bundled demo corpus; .open switches).")
    var workspace: String?

    @Option(name: .long, help: "Install under PREFIX/share/jupyter instead of for the current user.")
    var prefix: String?

    func run() throws {
        throw ExitCode(NotebookCommands.installKernel(name: name, displayName: displayName, workspace: workspace, prefix: prefix))
    }
}

struct KernelProcess: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "The Jupyter kernel itself, as Jupyter starts it from the kernel specification.")

    @Option(name: [.customShort("f"), .long], help: "The connection file Jupyter wrote.")
    var connectionFile: String

    @Option(name: [.short, .long], help: "The workspace the kernel opens (default: the bundled demo corpus).")
    var workspace: String?

    func run() throws {
        throw ExitCode(NotebookCommands.kernel(connectionFile: connectionFile, workspace: workspace))
    }
}
