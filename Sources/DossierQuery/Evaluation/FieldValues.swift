import DossierCore
import DossierStore

extension CorpusIndex {
    /// The value of a document field.
    func value(of field: DocumentField, document row: Int) -> Value {
        switch field {
        case .id: .string(documents.ids[row])
        case .title: documents.titles[row].map(Value.string) ?? .null
        case .date: documents.dates[row].map(Value.date) ?? .null
        case .source: documents.sources[row].map(Value.string) ?? .null
        case .url: documents.urls[row].map(Value.string) ?? .null
        case .words: .int(documents.wordCounts[row])
        case .text: .string(documents.texts[row])
        }
    }

    /// The value of an entity field.
    func value(of field: EntityField, entity row: Int) -> Value {
        switch field {
        case .id: .int(row)
        case .name: .string(entities.names[row])
        case .kind: .kind(entities.kinds[row])
        case .aliases: .list(entities.aliases[row].map(Value.string))
        case .mentions: .int(entities.mentionCounts[row])
        case .documents: .int(entities.documentCounts[row])
        case .first: entities.firstDates[row].map(Value.date) ?? .null
        case .last: entities.lastDates[row].map(Value.date) ?? .null
        }
    }

    /// The value of a mention field.
    func value(of field: MentionField, mention row: Int) -> Value {
        switch field {
        case .entity:
            let entity = mentions.entities[row]
            return .entity(entity, name: entities.names[Int(entity)])
        case .document:
            let document = mentions.documents[row]
            return .document(document, id: documents.ids[Int(document)])
        case .sentence: return .int(Int(mentions.sentences[row]))
        case .text: return .string(mentions.texts[row])
        case .start: return .int(Int(mentions.starts[row]))
        case .end: return .int(Int(mentions.ends[row]))
        case .date: return documents.dates[Int(mentions.documents[row])].map(Value.date) ?? .null
        }
    }

    /// The value of a named field of a corpus row.
    func value(of field: String, in kind: RowKind, row: Int) -> Value {
        switch kind {
        case .documents: DocumentField(rawValue: field).map { value(of: $0, document: row) } ?? .null
        case .entities: EntityField(rawValue: field).map { value(of: $0, entity: row) } ?? .null
        case .mentions: MentionField(rawValue: field).map { value(of: $0, mention: row) } ?? .null
        case .sentences, .relations, .times: .null
        }
    }

    /// Whether entity `row` is called `name`, by its canonical name or an alias, ignoring case.
    func entity(_ row: Int32, isCalled name: String) -> Bool {
        let key = name.lowercased()
        if entities.names[Int(row)].lowercased() == key { return true }
        return entities.aliases[Int(row)].contains { $0.lowercased() == key }
    }
}
