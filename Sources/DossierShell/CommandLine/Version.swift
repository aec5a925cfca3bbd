import DossierStore
import DossierText

/// The version of Dossier, as `dossier --version` prints it.
public enum DossierVersion {
    /// The release.
    public static let number = "0.2.0"

    /// `0.2.0 (extraction 2, workspace schema 2)`: the release, and the versions of what it writes.
    public static var description: String {
        "\(number) (extraction \(Pipeline.version), workspace schema \(Workspace.schemaVersion))"
    }
}
