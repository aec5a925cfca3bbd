import Foundation

/// The built `dossier` in a pseudo-terminal, driven through tmux as a person at a keyboard would:
/// keys go in with `send-keys` (or a paste with `paste-buffer`), and the screen is read back with
/// `capture-pane`. Each session has its own tmux server (its own socket), killed when it closes.
final class TerminalSession {
    let dossier: DossierBinary
    private let socket = "dossier-e2e-" + UUID().uuidString.prefix(8)
    private let configuration: String

    /// Whether tmux can be run here.
    static var isAvailable: Bool { (try? tmux(["-V"]).status) == 0 }

    /// Starts `dossier ARGUMENTS` in a terminal `width` columns wide, in the folder of `dossier`,
    /// with its cache and home.
    init(_ dossier: DossierBinary, arguments: [String] = [], width: Int = 100, height: Int = 40,
         environment: [String: String] = [:]) throws {
        self.dossier = dossier
        configuration = dossier.path("tmux-\(socket).conf")
        try "set -g history-limit 50000\n".write(toFile: configuration, atomically: true, encoding: .utf8)
        var settings = ["DOSSIER_CACHE": dossier.cache, "HOME": dossier.folder, "DOSSIER_HISTORY": dossier.path("history"), "LANG": "C.UTF-8"]
        settings.merge(environment) { $1 }
        let command = ["env"] + settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            + [DossierBinary.executable.path] + arguments
        let started = try run(["new-session", "-d", "-s", "dossier", "-x", String(width), "-y", String(height), "-c", dossier.folder,
                               command.map(Self.quoted).joined(separator: " ")])
        guard started.status == 0 else { throw Failure.tmux(started.output) }
    }

    deinit { close() }

    /// Ends the terminal and its tmux server, and removes the server's socket.
    func close() {
        _ = try? run(["kill-server"])
        let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        try? FileManager.default.removeItem(atPath: "\(folder)/tmux-\(getuid())/\(socket)")
    }

    /// Presses keys: text is typed as it is; tmux key names (`Enter`, `Tab`, `Up`, `C-c`) are pressed.
    func press(_ keys: String...) throws {
        try run(["send-keys", "-t", "dossier"] + keys)
    }

    /// Types `text` literally, then presses Enter.
    func enter(_ text: String) throws {
        try run(["send-keys", "-t", "dossier", "-l", text])
        try press("Enter")
    }

    /// Pastes `text` at once, as a terminal does with the clipboard.
    func paste(_ text: String) throws {
        let file = dossier.path("paste-" + UUID().uuidString)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        try run(["load-buffer", "-b", "paste", file])
        try run(["paste-buffer", "-d", "-b", "paste", "-t", "dossier"])
    }

    /// Everything the terminal shows and has scrolled away, with trailing spaces removed.
    func screen() throws -> String {
        try run(["capture-pane", "-p", "-J", "-S", "-50000", "-t", "dossier"]).output
            .split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingSpacesAtEnd() }.joined(separator: "\n")
    }

    /// Waits until the screen holds `text` `count` times, and gives the screen.
    @discardableResult
    func waitFor(_ text: String, count: Int = 1, timeout: TimeInterval = 30) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let shown = try screen()
            if shown.components(separatedBy: text).count - 1 >= count { return shown }
            if Date() > deadline { throw Failure.timeout(waitingFor: text, screen: shown) }
            usleep(50_000)
        }
    }

    /// Waits until the shell is back at its prompt with nothing typed, after `count` prompts in all.
    @discardableResult
    func waitForPrompt(_ count: Int, timeout: TimeInterval = 30) throws -> String {
        try waitFor("dossier>", count: count, timeout: timeout)
    }

    enum Failure: Error, CustomStringConvertible {
        case tmux(String)
        case timeout(waitingFor: String, screen: String)

        var description: String {
            switch self {
            case .tmux(let output): "tmux failed: \(output)"
            case .timeout(let text, let screen): "timed out waiting for \(text.debugDescription); the screen shows:\n\(screen)"
            }
        }
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try Self.tmux(["-L", socket, "-f", configuration] + arguments)
    }

    /// Runs tmux and gives its status and output. tmux is started with posix_spawn and waited for
    /// with waitpid, its output going to a file: the server a first command starts inherits what
    /// the command had open, so neither a pipe nor Foundation's `Process` (which watches a socket
    /// the child inherits) would ever see the command end.
    @discardableResult
    private static func tmux(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let file = NSTemporaryDirectory() + "dossier-tmux-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: file) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // The test's threads block signals; the shell must get Ctrl-C and hang-ups as a terminal gives them.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), everySignal = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&everySignal)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let words = (["tmux"] + arguments).map { strdup($0) }
        defer { words.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, words + [nil], environ)
        guard spawned == 0 else { throw Failure.tmux("tmux could not be started (error \(spawned))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let data = FileManager.default.contents(atPath: file) ?? Data()
        return ((status >> 8) & 0xFF, String(decoding: data, as: UTF8.self))
    }

    /// A word quoted for the shell tmux runs the command with.
    private static func quoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

extension String {
    func trimmingSpacesAtEnd() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
