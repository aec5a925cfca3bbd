import DossierText
import Foundation
import Testing

/// The gazetteer snapshot shipped beside the tables: it must be what the tables and the code give
/// today, load into the same gazetteer, and never be used for other tables.
@Suite("Gazetteer snapshot")
struct GazetteerSnapshotTests {
    /// The gazetteer tables in the source tree (the bundle holds a copy of them).
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/DossierText/Resources/Gazetteers")

    @Test func theCommittedSnapshotIsWhatTheTablesGive() throws {
        let tables = try Gazetteer.tables(in: Self.directory)
        let built = GazetteerSnapshot.data(of: Gazetteer(tables: tables), tables: tables)
        let committed = try Data(contentsOf: Self.directory.appendingPathComponent(GazetteerSnapshot.fileName))
        #expect(committed == built, "the gazetteer snapshot is out of date: run Scripts/build-gazetteer-snapshot and commit it")
        // And it loads, rather than being passed over for the tables (which would only be slower).
        _ = try GazetteerSnapshot.gazetteer(from: committed, tables: tables)
    }

    @Test func theSnapshotLoadsTheGazetteerTheTablesBuild() throws {
        let tables = try Gazetteer.tables(in: Self.directory)
        let built = Gazetteer(tables: tables)
        let loaded = try Gazetteer(directory: Self.directory)
        // Every array the snapshot holds is the same…
        #expect(GazetteerSnapshot.data(of: loaded, tables: tables) == GazetteerSnapshot.data(of: built, tables: tables))
        // (The bundled gazetteer trusts its snapshot without hashing the tables: the test above keeps them in step.)
        #expect(GazetteerSnapshot.data(of: .bundled, tables: tables) == GazetteerSnapshot.data(of: built, tables: tables))
        // …and so is what the snapshot leaves out and rebuilds: the calendar words and the tokenizer.
        for id in 0..<Int32(built.vocabulary.count) {
            #expect(loaded.calendarWord(id) == built.calendarWord(id))
        }
        for phrase in ["Vladimir Putin", "U.S. Secretary of State", "next Tuesday", "Dr. Smith of St. Louis", "WHO"] {
            #expect(loaded.entries(for: phrase) == built.entries(for: phrase))
            #expect(loaded.lookUpWordIDs(of: phrase) == built.lookUpWordIDs(of: phrase))
        }
    }

    @Test func aSnapshotOfOtherTablesIsNotUsed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "Freedonia\tFreedonian Republic\n".write(to: folder.appendingPathComponent("countries.tsv"), atomically: true, encoding: .utf8)
        let original = try Gazetteer.tables(in: folder)
        try GazetteerSnapshot.data(of: Gazetteer(tables: original), tables: original)
            .write(to: folder.appendingPathComponent(GazetteerSnapshot.fileName))
        #expect(try Gazetteer(directory: folder).entries(for: "Freedonian Republic").first?.canonical == "Freedonia")
        // The table changes and the snapshot does not: the table wins.
        try "Sylvania\tSylvanian Republic\n".write(to: folder.appendingPathComponent("countries.tsv"), atomically: true, encoding: .utf8)
        let edited = try Gazetteer(directory: folder)
        #expect(edited.entries(for: "Sylvanian Republic").first?.canonical == "Sylvania")
        #expect(edited.entries(for: "Freedonian Republic").isEmpty)
        // A damaged snapshot is ignored too.
        try Data("DOSSGAZ1 and then nonsense".utf8).write(to: folder.appendingPathComponent(GazetteerSnapshot.fileName))
        #expect(try Gazetteer(directory: folder).entries(for: "Sylvanian Republic").first?.canonical == "Sylvania")
    }
}
