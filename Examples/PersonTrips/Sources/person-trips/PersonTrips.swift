/// `person-trips`: one person's trips in a Dossier workspace, as a plain-text table.
///
/// A trip is a `visit` or `attend` relation whose subject is the person: where they went or what they
/// attended, when, whether it happened, was planned, canceled or only reported, whether the sentence
/// denies it, the document that reports it and its date, and the sentence that says so. The rows come from a typed query (``TripQuery``), not from
/// query text; a person the workspace does not know is the query's `Diagnostic`, shown with its place
/// in the query the tool built, and the exit status is 1.
///
/// ```
/// person-trips --workspace seeds.sqlite "Vladimir Putin"
/// ```
import ArgumentParser
import Dossier
import Foundation

/// The command: reads the options, opens the workspace, fetches the trips and prints them.
@main
struct PersonTrips: ParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "person-trips",
        abstract: "Print one person's trips (visit and attend relations) from a Dossier workspace, sorted by time.")

    /// The workspace to read, made by `dossier ingest`.
    @Option(name: [.short, .long], help: ArgumentHelp("The Dossier workspace to read (made by 'dossier ingest').", valueName: "PATH"))
    var workspace: String

    /// The person, by the canonical name the workspace gives them or a name they are known by.
    @Argument(help: "The person, as the workspace names them (\"Vladimir Putin\").")
    var person: String

    /// How many characters of each evidence sentence to show; 0 shows them whole.
    @Option(name: .long, help: ArgumentHelp("Characters of each evidence sentence to show; 0 shows them whole.", valueName: "N"))
    var evidenceWidth = 60

    /// Whether to print the typed query's text before the table.
    @Flag(name: .long, help: "Print the query the tool runs, as query text, before the table.")
    var showQuery = false

    /// Rejects a negative evidence width before anything is opened.
    func validate() throws {
        guard evidenceWidth >= 0 else { throw ValidationError("--evidence-width must be 0 or more, not \(evidenceWidth)") }
    }

    /// Prints the trips, or the diagnostic that stopped them on standard error with exit status 1.
    func run() throws {
        let query = TripQuery(person: person)
        if showQuery { print(query.rows.dqlText) }
        do {
            let session = try QuerySession(workspace: Workspace.open(at: workspace))
            let trips = try session.fetchAll(query.rows, sourceName: "<trips of \(person)>")
            print(TripTable(person: person, trips: trips, evidenceWidth: evidenceWidth).text, terminator: "")
        } catch {
            FileHandle.standardError.write(Data(DiagnosticFormatter().format(error, source: query.rows.dqlText).utf8))
            throw ExitCode.failure
        }
    }
}
