import Foundation

/// A gazetteer as the arrays it is made of, so that loading it is reading them rather than
/// building it from its tables (which took most of a command's start-up).
///
/// `Scripts/build-gazetteer-snapshot` writes `Resources/Gazetteers/gazetteer.snapshot` from the
/// tables beside it; a test fails when the committed snapshot differs from what the tables and
/// the code give. The snapshot records a hash of the tables' texts, of the calendar words and of
/// the ``version`` it was built with, and ``Gazetteer/init(directory:)`` uses it only when that
/// hash matches, so an edited table is never shadowed by an old snapshot.
///
/// Layout (little-endian, written with `BinaryModelWriter`): the magic `DOSSGAZ1`, a byte-order
/// mark, the source hash; the vocabulary (its words' bytes and where each ends); each word's
/// features; the name and title tables (edge keys and children, by key; value offsets; values);
/// the entries (categories, acronym flags, canonical-name offsets and bytes). The hash tables
/// over words and edges are rebuilt on loading, which keeps the file small.
package enum GazetteerSnapshot {
    /// The snapshot's file name in a gazetteer directory.
    package static let fileName = "gazetteer.snapshot"
    static let magic = Array("DOSSGAZ1".utf8)
    static let byteOrderMark: UInt32 = 0x0102_0304
    /// The version of what a snapshot holds and of the code that builds a gazetteer from tables;
    /// part of the source hash. Raise it when that code changes, so that snapshots built by
    /// another version (in a user's gazetteer directory) are not used: the test of the bundled
    /// snapshot catches the change for the bundled one.
    static let version = 1

    /// Why a snapshot is not used.
    enum Failure: Error {
        /// It was built from other tables or other calendar words.
        case stale
    }

    /// The hash of what a gazetteer is built from: every table's text (or its absence) and the
    /// calendar lexicon's words (FNV-1a, 64 bits).
    package static func sourceHash(of tables: [String: String]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ text: String) {
            var text = text
            // Over the string's own buffer: the tables are most of a megabyte, read at every start.
            text.withUTF8 { bytes in
                for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            }
            hash = (hash ^ 0xFF) &* 0x100_0000_01b3
        }
        add("version \(version)")
        for name in Gazetteer.tableNames {
            add(name)
            if let table = tables[name] {
                add("present\n" + table)
            } else {
                add("missing")
            }
        }
        for word in CalendarLexicon.entries.map(\.0) + CalendarLexicon.futureMarkers + CalendarLexicon.countNouns
            + CalendarLexicon.connectors + CalendarLexicon.nameParticles + CalendarLexicon.temporalPrepositions {
            add(word)
        }
        return hash
    }

    /// The snapshot of `gazetteer`, built from `tables`.
    package static func data(of gazetteer: Gazetteer, tables: [String: String]) -> Data {
        var writer = BinaryModelWriter()
        writer.append(array: magic)
        writer.append(byteOrderMark)
        writer.append(sourceHash(of: tables))
        let vocabulary = gazetteer.vocabulary.storage
        writer.append(UInt32(vocabulary.arena.count))
        writer.append(array: vocabulary.arena)
        writer.append(UInt32(vocabulary.offsets.count))
        writer.append(array: vocabulary.offsets)
        writer.append(UInt32(gazetteer.featureTable.count))
        writer.append(array: gazetteer.featureTable.map(\.rawValue))
        for table in [gazetteer.names, gazetteer.titles] {
            let edges = table.edges
            writer.append(UInt32(edges.keys.count))
            writer.append(array: edges.keys)
            writer.append(array: edges.children)
            writer.append(UInt32(table.valueOffsets.count))
            writer.append(array: table.valueOffsets)
            writer.append(UInt32(table.valueList.count))
            writer.append(array: table.valueList)
        }
        let entries = gazetteer.entries
        writer.append(UInt32(entries.count))
        writer.append(array: entries.map { UInt8(GazetteerCategory.allCases.firstIndex(of: $0.category)!) })
        writer.append(array: entries.map { UInt8($0.matchesOnlyInCapitals ? 1 : 0) })
        var offsets: [UInt32] = [0]
        var bytes: [UInt8] = []
        for entry in entries {
            bytes += entry.canonical.utf8
            offsets.append(UInt32(bytes.count))
        }
        writer.append(array: offsets)
        writer.append(UInt32(bytes.count))
        writer.append(array: bytes)
        return writer.data
    }

    /// The gazetteer a snapshot holds, when it was built from exactly `tables`. Without
    /// `checkingSourceHash` (for the bundled snapshot, which a test keeps in step with its tables)
    /// only the `abbreviations` table is read from `tables`.
    /// - Throws: `Failure.stale` for a snapshot of other tables, `BinaryModelReader.Failure` for a
    ///   damaged one.
    package static func gazetteer(from data: Data, tables: [String: String], checkingSourceHash: Bool = true) throws -> Gazetteer {
        var reader = BinaryModelReader(data)
        guard try reader.readArray(UInt8.self, count: magic.count) == magic, try reader.read(UInt32.self) == byteOrderMark else {
            throw BinaryModelReader.Failure.malformed("not a Dossier gazetteer snapshot")
        }
        let storedHash = try reader.read(UInt64.self)
        if checkingSourceHash, storedHash != sourceHash(of: tables) { throw Failure.stale }
        func array<T: BitwiseCopyable>(_ type: T.Type) throws -> [T] {
            try reader.readArray(type, count: Int(try reader.read(UInt32.self)))
        }
        let arena = try array(UInt8.self), offsets = try array(Int32.self)
        guard let vocabulary = Vocabulary(arena: arena, offsets: offsets) else {
            throw BinaryModelReader.Failure.malformed("vocabulary")
        }
        let features = try array(UInt32.self).map(WordFeatures.init(rawValue:))
        guard features.count == vocabulary.count else { throw BinaryModelReader.Failure.malformed("word features") }
        func phraseTable() throws -> PhraseTable {
            let edgeCount = Int(try reader.read(UInt32.self))
            let keys = try reader.readArray(UInt64.self, count: edgeCount), children = try reader.readArray(Int32.self, count: edgeCount)
            let valueOffsets = try array(Int32.self), values = try array(Int32.self)
            guard let table = PhraseTable(edgeKeys: keys, edgeChildren: children, valueOffsets: valueOffsets, valueList: values) else {
                throw BinaryModelReader.Failure.malformed("phrase table")
            }
            return table
        }
        let names = try phraseTable(), titles = try phraseTable()
        let entryCount = Int(try reader.read(UInt32.self))
        let categories = try reader.readArray(UInt8.self, count: entryCount)
        let acronyms = try reader.readArray(UInt8.self, count: entryCount)
        let nameOffsets = try reader.readArray(UInt32.self, count: entryCount + 1)
        let nameBytes = try array(UInt8.self)
        guard reader.isAtEnd, nameOffsets.first == 0, nameOffsets.last.map(Int.init) == nameBytes.count,
              zip(nameOffsets, nameOffsets.dropFirst()).allSatisfy({ $0 <= $1 }),
              categories.allSatisfy({ Int($0) < GazetteerCategory.allCases.count }),
              names.valueList.allSatisfy({ $0 >= 0 && Int($0) < entryCount }) else {
            throw BinaryModelReader.Failure.malformed("entries")
        }
        let entries = nameBytes.withUnsafeBufferPointer { bytes in
            (0..<entryCount).map { index in
                GazetteerEntry(canonical: String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(nameOffsets[index])..<Int(nameOffsets[index + 1])]),
                                                 as: UTF8.self),
                               category: GazetteerCategory.allCases[Int(categories[index])], matchesOnlyInCapitals: acronyms[index] != 0)
            }
        }
        return Gazetteer(tokenizer: Gazetteer.tokenizer(abbreviations: tables["abbreviations"] ?? ""), vocabulary: vocabulary,
                         featureTable: features, names: names, titles: titles, entries: entries)
    }
}
