/// The identity of one row of a corpus index: an entity, a document, a mention, ….
///
/// `Record` says which kind of row it is, so an ``EntityID`` and a ``DocumentID`` never mix even
/// though both are positions in the index. An identity is valid for the index it came from (a
/// ``QuerySession``'s ``QuerySession/index``); a workspace loaded again after an ingest may number
/// its rows differently, so keep identities for the life of a session, and a document's
/// ``DocumentReference/identifier`` or an entity's name across sessions.
public struct RowIdentity<Record>: Hashable, Comparable, Sendable {
    /// The row's position in its column of the corpus index.
    package let row: Int32

    /// The identity of row `row`.
    package init(row: Int32) { self.row = row }

    /// Orders identities by row, which is the order the index holds them in.
    public static func < (lhs: RowIdentity, rhs: RowIdentity) -> Bool { lhs.row < rhs.row }
}

/// The identity of a document of the corpus.
public typealias DocumentID = RowIdentity<DocumentRecord>
/// The identity of an entity of the corpus: everything one canonical name stands for.
public typealias EntityID = RowIdentity<EntityRecord>
/// The identity of one mention of an entity in a document.
public typealias MentionID = RowIdentity<MentionRecord>
/// The identity of one sentence of a document.
public typealias SentenceID = RowIdentity<SentenceRecord>
/// The identity of one extracted relation.
public typealias RelationID = RowIdentity<RelationRecord>
/// The identity of one time expression found in a document.
public typealias TimeID = RowIdentity<TimeRecord>
