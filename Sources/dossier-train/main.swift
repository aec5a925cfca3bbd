import ArgumentParser
import DossierText
import DossierTraining
import Foundation

/// Trains, runs and scores Dossier's syntax model on Universal Dependencies treebanks, and builds
/// the other derived resources the package ships.
@main
struct DossierTrain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier-train",
        abstract: "Train, run and score Dossier's part-of-speech tagger, lemmatizer and dependency parser; build the gazetteer snapshot.",
        subcommands: [Train.self, Parse.self, Score.self, Evaluate.self, GazetteerSnapshotCommand.self])
}

struct GazetteerSnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer-snapshot",
        abstract: "Build a gazetteer from the tables in a directory and write its snapshot there (gazetteer.snapshot).")

    @Argument(help: "The gazetteer directory (Sources/DossierText/Resources/Gazetteers).") var directory: String

    func run() throws {
        let folder = URL(fileURLWithPath: directory)
        let tables = try Gazetteer.tables(in: folder)
        guard !tables.isEmpty else { throw ValidationError("\(directory) holds no gazetteer tables (<name>.tsv)") }
        let output = folder.appendingPathComponent(GazetteerSnapshot.fileName)
        let data = GazetteerSnapshot.data(of: Gazetteer(tables: tables), tables: tables)
        try data.write(to: output, options: .atomic)
        log("wrote \(output.path) (\(data.count) bytes) from \(tables.count) tables")
    }
}

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Train a syntax model on a CoNLL-U treebank; print its scores on a development file.")

    @Option(help: "The training file (CoNLL-U).") var train: String
    @Option(help: "A development file to score the model on (CoNLL-U).") var dev: String?
    @Option(help: "Where to write the model.") var output: String
    @Option(help: "Tagger iterations.") var taggerIterations = 10
    @Option(help: "Parser iterations.") var parserIterations = 15
    @Option(help: "Folds for jackknifed training tags (1: gold tags).") var folds = 10
    @Option(help: "Occurrences a tagger feature needs to get weights.") var taggerMinimumCount = 2
    @Option(help: "Occurrences a parser feature needs to get weights.") var parserMinimumCount = 3

    func run() throws {
        let start = Date()
        let sentences = try CoNLLUReader.sentences(atPath: train)
        log("read \(sentences.count) training sentences")
        var training = SyntaxTraining()
        training.tagger.iterations = taggerIterations
        training.parser.iterations = parserIterations
        training.folds = folds
        training.tagger.minimumFeatureCount = taggerMinimumCount
        training.parser.minimumFeatureCount = parserMinimumCount
        let parser = training.train(sentences, progress: log)
        let description = "Dossier syntax model: UD English EWT (CC BY-SA 4.0), \(URL(fileURLWithPath: train).lastPathComponent), "
            + "\(sentences.count) sentences; tagger \(taggerIterations) iterations, parser \(parserIterations) iterations, \(folds) jackknife folds, "
            + "features seen at least \(taggerMinimumCount) (tagger) and \(parserMinimumCount) (parser) times"
        // Atomically: a running Dossier maps the model while it loads it.
        try SyntaxModelFile.data(of: parser, description: description).write(to: URL(fileURLWithPath: output), options: .atomic)
        log("wrote \(output) in \(Int(Date().timeIntervalSince(start))) s")
        if let dev {
            let gold = try CoNLLUReader.sentences(atPath: dev)
            log("dev: " + String(describing: try AttachmentScore(gold: gold, system: gold.map(parser.parsed))))
        }
    }
}

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Parse the words of a CoNLL-U file (gold tokenization) and write CoNLL-U.")

    @Option(help: "The model file.") var model: String
    @Argument(help: "The CoNLL-U file whose words to parse.") var input: String

    func run() throws {
        let parser = try PerceptronParser(contentsOf: URL(fileURLWithPath: model))
        var output = ""
        for sentence in try CoNLLUReader.sentences(atPath: input) {
            let parsed = parser.parsed(sentence)
            var comments: [(key: String, value: String)] = []
            if let identifier = sentence.identifier { comments.append(("sent_id", identifier)) }
            if let text = sentence.text { comments.append(("text", text)) }
            output += CoNLLUWriter.sentence(parsed.parse, comments: comments, misc: sentence.spaceAfter.map { $0 ? "" : "SpaceAfter=No" })
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Score a system CoNLL-U file against a gold one (UPOS, lemmas, UAS, LAS as CoNLL 2018 counts them).")

    @Argument(help: "The gold file.") var gold: String
    @Argument(help: "The system file.") var system: String

    func run() throws {
        print(try AttachmentScore(gold: CoNLLUReader.sentences(atPath: gold), system: CoNLLUReader.sentences(atPath: system)))
    }
}

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Parse a CoNLL-U file's words with a model and score the result against the file.")

    @Option(help: "The model file.") var model: String
    @Argument(help: "The gold CoNLL-U file.") var gold: String

    func run() throws {
        let parser = try PerceptronParser(contentsOf: URL(fileURLWithPath: model))
        let sentences = try CoNLLUReader.sentences(atPath: gold)
        let start = Date()
        let parsed = sentences.map(parser.parsed)
        let seconds = Date().timeIntervalSince(start)
        print(try AttachmentScore(gold: sentences, system: parsed))
        let words = sentences.reduce(0) { $0 + $1.count }
        log("parsed \(words) words in \(String(format: "%.2f", seconds)) s (\(Int(Double(words) / max(seconds, 1e-9))) words/s, one core)")
    }
}

func log(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
