import DossierCore
import Foundation

/// The corpus Dossier ships and opens when no workspace is named: 171 Wikinews articles from 2019
/// (CC BY 2.5, Wikinews contributors; see NOTICE.md) and the two seed articles the project began with.
public enum DemoCorpus {
    /// The files of the corpus: the Wikinews CSV and the seed text files, in a fixed order.
    public static var files: [URL] {
        let folder = folderURL
        let seeds = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("seeds").path)) ?? []
        return [folder.appendingPathComponent("wikinews-2019.csv")]
            + seeds.filter { $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent("seeds").appendingPathComponent($0) }
    }

    /// A digest of the corpus files' bytes, so a cached workspace is rebuilt when they change.
    public static var fingerprint: String {
        var hash = ContentHash()
        for file in files {
            ((try? Data(contentsOf: file)) ?? Data()).withUnsafeBytes { hash.combine($0) }
        }
        return hash.hexDigits
    }

    private static var folderURL: URL { Bundle.module.resourceURL!.appendingPathComponent("Corpus") }
}
