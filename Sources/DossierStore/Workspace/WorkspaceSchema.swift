import DossierCore
import Foundation
import GRDB

/// The workspace's SQLite schema and its migrations.
///
/// Every change to the schema is a new migration appended here, never an edit of an old one, so a
/// workspace made by an older Dossier opens in a newer one.
enum WorkspaceSchema {
    /// The name written into every workspace, so Dossier can tell its files from other SQLite files.
    static let format = "dossier-workspace"

    /// The number of migrations: a workspace made with more cannot be opened by this Dossier.
    static var version: Int { 4 }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1: documents, sentences, entities, mentions, times") { db in
            try db.execute(sql: """
                CREATE TABLE workspace_info (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);

                CREATE TABLE documents (
                    number INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    title TEXT,
                    date TEXT,
                    source TEXT,
                    url TEXT,
                    words INTEGER NOT NULL,
                    content_hash TEXT NOT NULL,
                    text TEXT NOT NULL
                );
                CREATE INDEX documents_by_content_hash ON documents(content_hash);

                CREATE TABLE sentences (
                    number INTEGER PRIMARY KEY,
                    document INTEGER NOT NULL REFERENCES documents(number) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    start INTEGER NOT NULL,
                    end INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    UNIQUE (document, position)
                );
                CREATE VIRTUAL TABLE sentence_search USING fts5(text, content='sentences', content_rowid='number');

                CREATE TABLE entities (
                    number INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    UNIQUE (name, kind)
                );
                CREATE TABLE entity_aliases (
                    entity INTEGER NOT NULL REFERENCES entities(number) ON DELETE CASCADE,
                    alias TEXT NOT NULL,
                    PRIMARY KEY (entity, alias)
                ) WITHOUT ROWID;

                CREATE TABLE mentions (
                    number INTEGER PRIMARY KEY,
                    entity INTEGER NOT NULL REFERENCES entities(number),
                    document INTEGER NOT NULL REFERENCES documents(number) ON DELETE CASCADE,
                    sentence INTEGER NOT NULL,
                    start INTEGER NOT NULL,
                    end INTEGER NOT NULL,
                    text TEXT NOT NULL
                );
                CREATE INDEX mentions_by_document ON mentions(document);
                CREATE INDEX mentions_by_entity ON mentions(entity);

                CREATE TABLE times (
                    number INTEGER PRIMARY KEY,
                    document INTEGER NOT NULL REFERENCES documents(number) ON DELETE CASCADE,
                    sentence INTEGER NOT NULL,
                    start INTEGER NOT NULL,
                    end INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    type TEXT NOT NULL,
                    value TEXT NOT NULL,
                    range_start TEXT,
                    range_end TEXT,
                    granularity TEXT
                );
                CREATE INDEX times_by_document ON times(document);
                """)
            try db.execute(sql: "INSERT INTO workspace_info (key, value) VALUES ('format', ?)", arguments: [format])
        }
        migrator.registerMigration("2: relations") { db in
            // Arguments are entities (upserted like mentions' entities); the evidence is the span of
            // the sentence that shows the relation; the time's range is ISO days like `times`.
            try db.execute(sql: """
                CREATE TABLE relations (
                    number INTEGER PRIMARY KEY,
                    document INTEGER NOT NULL REFERENCES documents(number) ON DELETE CASCADE,
                    sentence INTEGER NOT NULL,
                    evidence_start INTEGER NOT NULL,
                    evidence_end INTEGER NOT NULL,
                    subject INTEGER NOT NULL REFERENCES entities(number),
                    subject_start INTEGER NOT NULL,
                    subject_end INTEGER NOT NULL,
                    predicate TEXT NOT NULL,
                    object INTEGER NOT NULL REFERENCES entities(number),
                    object_start INTEGER NOT NULL,
                    object_end INTEGER NOT NULL,
                    time TEXT,
                    range_start TEXT,
                    range_end TEXT,
                    granularity TEXT,
                    modality TEXT NOT NULL,
                    negated INTEGER NOT NULL
                );
                CREATE INDEX relations_by_document ON relations(document);
                CREATE INDEX relations_by_subject ON relations(subject);
                CREATE INDEX relations_by_object ON relations(object);

                -- What a one-word entity may be short for: the surname and one-word aliases of each
                -- person of several words, the initials and acronym aliases of each such organization
                -- (CorpusEntityResolver), so resolving a batch looks up keys instead of scanning.
                CREATE TABLE entity_keys (
                    key TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    entity INTEGER NOT NULL REFERENCES entities(number) ON DELETE CASCADE,
                    by_alias INTEGER NOT NULL,
                    PRIMARY KEY (key, kind, entity)
                ) WITHOUT ROWID;
                CREATE INDEX entity_keys_by_entity ON entity_keys(entity);
                CREATE INDEX entities_by_folded_name ON entities(lower(name), kind);
                """)
            // Workspaces made before cross-document resolution get their keys, and are resolved once.
            try CorpusEntityResolver.resolveAll(in: db)
        }
        migrator.registerMigration("3: unique texts") { db in
            // The SHA-256 of each text, in a unique index: the last word on "the workspace has this
            // text already", which two ingests writing at once cannot both get past. A text that an
            // earlier document already has (two ingests raced before this index existed) keeps no
            // digest: the document stays, and NULLs do not collide in a unique index.
            try db.execute(sql: "ALTER TABLE documents ADD COLUMN text_sha256 TEXT")
            let numbers = try Int64.fetchAll(db, sql: "SELECT number FROM documents ORDER BY number")
            let update = try db.makeStatement(sql: "UPDATE documents SET text_sha256 = ? WHERE number = ?")
            var seen = Set<String>()
            for number in numbers {
                let text = try String.fetchOne(db, sql: "SELECT text FROM documents WHERE number = ?", arguments: [number]) ?? ""
                let digest = TextDigest.of(text)
                guard seen.insert(digest).inserted else { continue }
                try update.execute(arguments: [digest, number])
            }
            try db.execute(sql: "CREATE UNIQUE INDEX documents_by_text_sha256 ON documents(text_sha256)")
        }
        migrator.registerMigration("4: identity and generation") { db in
            // What the column file beside the workspace is stamped with: which workspace (a copy
            // keeps it) and how many write transactions it had committed.
            try db.execute(sql: "INSERT INTO workspace_info (key, value) VALUES ('identity', ?), ('generation', '0')",
                           arguments: [UUID().uuidString])
        }
        return migrator
    }
}
