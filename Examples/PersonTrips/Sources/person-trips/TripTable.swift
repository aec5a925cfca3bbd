import Dossier
import Foundation

/// One person's trips as a plain-text table: a heading line, then one row per trip with its time,
/// predicate, object, modality, negation, the document that reports it and that document's date, and
/// the evidence sentence, columns padded to their widest cell.
struct TripTable {
    /// The person, as the command was given them.
    let person: String
    /// The trips, in the order to print.
    let trips: [RelationRecord]
    /// The most characters of evidence to show per row; 0 shows the whole sentence.
    let evidenceWidth: Int

    /// The table's text, ending with a line break.
    var text: String {
        guard !trips.isEmpty else { return "\(person): no trips (visit or attend relations with \(person) as subject)\n" }
        let name = trips[0].subject.name
        let heading = "\(name): \(trips.count) \(trips.count == 1 ? "trip" : "trips")\n\n"
        let header = ["time", "predicate", "object", "modality", "negated", "document", "reported", "evidence"]
        let rows = trips.map { trip in
            [
                trip.timeRange?.description ?? trip.time ?? "-",
                trip.predicate.rawValue,
                trip.object.name,
                trip.modality.rawValue,
                trip.isNegated ? "yes" : "no",
                trip.document.identifier,
                // Trips without a time of their own are placed by this date.
                trip.date?.description ?? "-",
                Self.shortened(trip.evidence, to: evidenceWidth),
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let lines = [header, widths.map { String(repeating: "-", count: $0) }] + rows
        let documents = Set(trips.map(\.document.identifier)).count
        return heading + lines.map { cells in Self.line(cells, widths: widths) }.joined()
            + "\nfrom \(documents) \(documents == 1 ? "document" : "documents")\n"
    }

    /// `cells` padded to `widths` and separated by two spaces, without trailing spaces.
    static func line(_ cells: [String], widths: [Int]) -> String {
        let padded = zip(cells, widths).map { cell, width in cell + String(repeating: " ", count: width - cell.count) }
        var text = padded.joined(separator: "  ")
        while text.last == " " { text.removeLast() }
        return text + "\n"
    }

    /// `sentence` on one line (runs of white space as one space), cut at the last word boundary within
    /// `width` characters with an ellipsis when it is longer; whole when `width` is 0.
    static func shortened(_ sentence: String, to width: Int) -> String {
        let flat = sentence.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard width > 0, flat.count > width else { return flat }
        let cut = flat.prefix(width - 1)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        // A cut word boundary far from the end would waste the column: cut mid-word then.
        let kept = atWord.count >= (width * 2) / 3 ? atWord : cut
        return kept.trimmingCharacters(in: .whitespaces) + "…"
    }
}
