import DossierCore
import DossierStore

extension CorpusIndex {
    /// The number of rows of a kind: documents, entities, ….
    public func rowCount(of kind: RowKind) -> Int {
        switch kind {
        case .documents: documents.count
        case .entities: entities.count
        case .mentions: mentions.count
        case .sentences: sentences.count
        case .relations: relations.count
        case .times: times.count
        }
    }

    /// The value that refers to entity `row`, with its name.
    func entityValue(_ row: Int32) -> Value { .entity(EntityID(row: row), name: entities.names[Int(row)]) }

    /// The value that refers to document `row`, with its identifier.
    func documentValue(_ row: Int32) -> Value { .document(DocumentID(row: row), id: documents.ids[Int(row)]) }

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
            return entityValue(mentions.entities[row])
        case .document:
            return documentValue(mentions.documents[row])
        case .sentence: return .int(Int(mentions.sentences[row]))
        case .text: return .string(mentions.texts[row])
        case .start: return .int(Int(mentions.starts[row]))
        case .end: return .int(Int(mentions.ends[row]))
        case .date: return documents.dates[Int(mentions.documents[row])].map(Value.date) ?? .null
        }
    }

    /// The value of a sentence field.
    func value(of field: SentenceField, sentence row: Int) -> Value {
        let document = sentences.documents[row]
        switch field {
        case .document: return documentValue(document)
        case .index: return .int(Int(sentences.positions[row]))
        case .text: return .string(text(ofSentence: row))
        case .date: return documents.dates[Int(document)].map(Value.date) ?? .null
        }
    }

    /// The value of a relation field.
    func value(of field: RelationField, relation row: Int) -> Value {
        switch field {
        case .subject:
            return entityValue(relations.subjects[row])
        case .object:
            return entityValue(relations.objects[row])
        case .predicate: return .predicate(relations.predicates[row])
        case .time: return relations.timeRanges[row].map(Value.timeRange) ?? .null
        case .negated: return .bool(relations.negations[row])
        case .modality: return .modality(relations.modalities[row])
        case .document:
            return documentValue(relations.documents[row])
        case .sentence: return .int(Int(relations.sentences[row]))
        case .evidence: return .string(evidence(ofRelation: row))
        case .date: return documents.dates[Int(relations.documents[row])].map(Value.date) ?? .null
        case .timex: return relations.times[row].map(Value.string) ?? .null
        case .cameo: return relations.predicates[row].cameoCode.map(Value.string) ?? .null
        }
    }

    /// A relation's own time, or else its document's date.
    func timeOrDate(ofRelation row: Int) -> Value {
        if let range = relations.timeRanges[row] { return .timeRange(range) }
        return documents.dates[Int(relations.documents[row])].map(Value.date) ?? .null
    }

    /// The value of a time-expression field.
    func value(of field: TimeField, time row: Int) -> Value {
        switch field {
        case .document:
            return documentValue(times.documents[row])
        case .sentence: return .int(Int(times.sentences[row]))
        case .text: return .string(times.texts[row])
        case .type: return .timexType(times.types[row])
        case .value: return .string(times.values[row])
        case .range: return times.ranges[row].map(Value.timeRange) ?? .null
        case .start: return .int(Int(times.starts[row]))
        case .end: return .int(Int(times.ends[row]))
        }
    }

    /// The value of a named field of a corpus row.
    func value(of field: String, in kind: RowKind, row: Int) -> Value {
        switch kind {
        case .documents: DocumentField(rawValue: field).map { value(of: $0, document: row) } ?? .null
        case .entities: EntityField(rawValue: field).map { value(of: $0, entity: row) } ?? .null
        case .mentions: MentionField(rawValue: field).map { value(of: $0, mention: row) } ?? .null
        case .sentences: SentenceField(rawValue: field).map { value(of: $0, sentence: row) } ?? .null
        case .relations: RelationField(rawValue: field).map { value(of: $0, relation: row) } ?? .null
        case .times: TimeField(rawValue: field).map { value(of: $0, time: row) } ?? .null
        }
    }

    /// Whether entity `row` is called `name`, by its canonical name or an alias, ignoring case.
    func entity(_ row: Int32, isCalled name: String) -> Bool {
        let key = name.lowercased()
        if entities.names[Int(row)].lowercased() == key { return true }
        return entities.aliases[Int(row)].contains { $0.lowercased() == key }
    }
}
