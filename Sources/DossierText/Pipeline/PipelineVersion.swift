extension Pipeline {
    /// The version of what the bundled extractors produce. Raise it with every change to their
    /// output (rules, lexicons, gazetteers), so workspaces built by an older Dossier — the cached
    /// demo workspace among them — are rebuilt rather than answering with stale annotations.
    public static let version = 20
}
