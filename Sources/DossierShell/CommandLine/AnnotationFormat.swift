/// The formats `dossier annotate` writes.
public enum AnnotationFormat: String, CaseIterable, Sendable {
    /// Annotation JSONL: one object per document with its entities, times and relations, on standard output.
    case jsonl
    /// TimeML with TIMEX3 tags: one `<id>.tml` file per document in a folder, or standard output for one document.
    case timeml
    /// CoNLL-U: each sentence's words with their part of speech, lemma, head and dependency relation, on standard output.
    case conllu
}
