import DossierCore
import Foundation

/// Regression checks for saved analyses: a script's transcript, compared with the file that holds
/// the transcript it should give. This is what `dossier run S.dq --expect S.expected` does
/// (`--update-expected` writes the file), and what the project's golden tests do.
///
/// A transcript is the script as the shell would show it typed: each statement or command after
/// the prompt (`dossier> `, continuation lines after `   ...> `), then what it printed, results and
/// messages in the order they came, errors included; a script that stops at an error ends with
/// its `stopped at …` line. Comments and blank lines between statements are not shown.
public enum ExpectedOutput {
    /// What recording a script gave: its transcript and its exit status.
    public struct Recording: Hashable, Sendable {
        /// The transcript.
        public var transcript: String
        /// 0 when every statement ran, 1 when one failed.
        public var status: Int32
    }

    /// How a transcript compares with the expected file.
    public enum Comparison: Hashable, Sendable {
        /// The same, line for line.
        case matches
        /// Different: a unified diff from the expected file to the transcript.
        case differs(diff: String)
        /// There is no expected file.
        case missing
    }

    /// Runs `text` (named `sourceName`) in a new session and records its transcript. `open` opens
    /// the workspace, and what it reports — as the problems with `parameters` — goes to `messages`,
    /// not to the transcript; when either fails, the result is `nil`.
    public static func record(_ text: String, sourceName: String, parameters: ParameterArguments = ParameterArguments([]),
                              format: OutputFormat = .table, messages: @escaping (String) -> Void,
                              open: (ShellSession) -> Bool) -> Recording? {
        let recorder = Recorder(passingOn: messages)
        let session = ShellSession(format: format, output: recorder.take, messages: recorder.take)
        guard open(session), parameters.apply(to: session, script: text, sourceName: sourceName) else { return nil }
        recorder.isRecording = true
        session.echoesInput = true
        let status = ScriptRunner(session: session).run(text: text, sourceName: sourceName)
        return Recording(transcript: recorder.text, status: status)
    }

    /// Compares `transcript` with the file at `path`.
    public static func compare(_ transcript: String, withFileAt path: String) -> Comparison {
        guard let data = FileManager.default.contents(atPath: path) else { return .missing }
        let expected = String(decoding: data, as: UTF8.self)
        if expected == transcript { return .matches }
        let diff = LineDiff.unified(from: expected, to: transcript, oldName: path, newName: "the output of this run")
        return .differs(diff: diff.isEmpty ? "the texts differ only in their line endings or final line break\n" : diff)
    }

    /// Writes `transcript` as the expected output at `path`.
    public static func update(_ path: String, with transcript: String) throws(Diagnostic) {
        do {
            try transcript.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw Diagnostic(.error, .fileUnwritable, "the expected output cannot be written: \(error.localizedDescription)", sourceName: path)
        }
    }

    /// Collects what a session prints once recording starts; before, passes it on.
    private final class Recorder {
        var text = ""
        var isRecording = false
        private let passingOn: (String) -> Void

        init(passingOn: @escaping (String) -> Void) { self.passingOn = passingOn }

        func take(_ piece: String) {
            if isRecording { text += piece } else { passingOn(piece) }
        }
    }
}
