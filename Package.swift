// swift-tools-version:6.1
// Dossier: a typed analysis library for news corpora under a line-edited shell.
// Layers, top to bottom (arrows only point down; see ../shared/design/ARCHITECTURE.md):
//   dossier (thin executable) → DossierNotebook → DossierShell → DossierQuery → DossierStore → DossierText → DossierCore
import PackageDescription

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Dossier", targets: ["Dossier"]),
        .executable(name: "dossier", targets: ["dossier"]),
        .executable(name: "dossier-bench", targets: ["dossier-bench"]),
        .executable(name: "dossier-train", targets: ["dossier-train"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Value types shared by every layer: documents, spans, days and time ranges, diagnostics.
        .target(name: "DossierCore"),
        // Pure functions of text: tokenizer, sentence splitter, entity recognizer and resolver,
        // temporal tagger, with their gazetteers shipped as resources.
        .target(
            name: "DossierText",
            dependencies: ["DossierCore"],
            resources: [.copy("Resources/Gazetteers"), .copy("Resources/Relations"), .copy("Resources/Syntax")]),
        // Readers for text, JSONL and CSV; the SQLite workspace; in-memory column indexes.
        .target(
            name: "DossierStore",
            dependencies: ["DossierCore", "DossierText", .product(name: "GRDB", package: "GRDB.swift")]),
        // The query language: lexer, parser, type checker, evaluator.
        .target(name: "DossierQuery", dependencies: ["DossierCore", "DossierStore"]),
        // The one import for library users.
        .target(name: "Dossier", dependencies: ["DossierCore", "DossierText", "DossierStore", "DossierQuery"]),
        // The demo corpus that ships with the product (Wikinews 2019 and the two seed articles).
        .target(name: "DossierDemoCorpus", dependencies: ["DossierCore"], resources: [.copy("Resources/Corpus")]),
        // libedit, as the system provides it, with non-variadic C shims.
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]),
        // The line editor the shell talks to, and its libedit implementation.
        .target(name: "LineEditing", dependencies: ["CLibEdit"]),
        // The REPL, dot-commands, renderers and script runner. Targets name every module they
        // import, not only the umbrella `Dossier`: a build rebuilds a target when a module it
        // depends on directly changes, and a re-exporting umbrella can stay byte-identical while the
        // modules behind it change their layout.
        .target(
            name: "DossierShell",
            dependencies: ["DossierCore", "DossierText", "DossierStore", "DossierQuery", "LineEditing", "DossierDemoCorpus"]),
        // Notebooks: the Jupyter kernel (the messaging protocol over ZeroMQ's wire protocol), tables and
        // charts as notebook outputs, and running notebooks headless.
        .target(
            name: "DossierNotebook",
            dependencies: ["DossierCore", "DossierStore", "DossierQuery", "DossierShell", "LineEditing"]),
        // The thin command-line executable.
        .executableTarget(
            name: "dossier",
            dependencies: ["DossierShell", "DossierNotebook", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // A release `dossier` carries the Swift runtime and Foundation inside it: every command
            // starts about 10 ms sooner, as the dynamic loader no longer binds their symbols.
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-Xlinker", "--start-group", "-lFoundation", "-lFoundationInternationalization", "-lFoundationEssentials", "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections", "-Xlinker", "--end-group"], .when(platforms: [.linux], configuration: .release))]),
        // The query fuzzer: a seeded generator of hostile query texts and what every text must
        // come to; the test suite runs a slice of it (DossierTests' FuzzSliceTests).
        .target(
            name: "DossierFuzzing",
            dependencies: ["DossierCore", "DossierStore", "DossierQuery", "DossierShell", "DossierDemoCorpus"]),
        // Runs the fuzzer for as long as asked, or under libFuzzer (README: "Fuzzing the query front end").
        .executableTarget(name: "dossier-fuzz", dependencies: ["DossierFuzzing"]),
        // Benchmarks: annotation throughput, ingest, query latency.
        .executableTarget(
            name: "dossier-bench",
            dependencies: ["Dossier", "DossierCore", "DossierText", "DossierStore", "DossierQuery", "DossierShell", "LineEditing", "DossierDemoCorpus"]),

        // Training and scoring of the syntax model on Universal Dependencies treebanks.
        .target(name: "DossierTraining", dependencies: ["DossierText"]),
        // The thin executable that trains, runs and scores the syntax model (Scripts/train-parser).
        .executableTarget(
            name: "dossier-train",
            dependencies: ["DossierTraining", "DossierText", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        .testTarget(name: "DossierCoreTests", dependencies: ["DossierCore"]),
        .testTarget(name: "DossierTextTests", dependencies: ["DossierText", "DossierCore"]),
        .testTarget(name: "DossierTrainingTests", dependencies: ["DossierTraining", "DossierText"]),
        .testTarget(
            name: "DossierStoreTests",
            dependencies: ["DossierStore", "DossierCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "DossierQueryTests", dependencies: ["DossierQuery", "DossierCore", "DossierStore", "DossierFuzzing"]),
        .testTarget(
            name: "DossierShellTests",
            dependencies: ["DossierShell", "DossierCore", "DossierStore", "DossierQuery", "DossierDemoCorpus", "LineEditing"],
            resources: [.copy("Golden")]),
        .testTarget(
            name: "DossierTests",
            dependencies: ["Dossier", "DossierCore", "DossierText", "DossierStore", "DossierQuery", "DossierDemoCorpus", "DossierFuzzing"],
            // The relation development golds are read from the source tree, not bundled.
            exclude: ["RelationGold"]),
        .testTarget(
            name: "DossierNotebookTests",
            dependencies: ["DossierNotebook", "DossierShell", "DossierCore", "DossierQuery", "DossierStore", "DossierDemoCorpus"]),
        .testTarget(name: "EndToEndTests", dependencies: ["dossier"]),
    ],
    swiftLanguageModes: [.v6]
)
