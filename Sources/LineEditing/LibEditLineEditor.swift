import CLibEdit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A line editor on libedit: emacs keys, UTF-8 editing, persistent history and Tab completion.
public final class LibEditLineEditor: LineEditor {
    private let editor: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String?
    private var prompt: [CChar] = [0]
    private var completionProvider: ((String) -> CompletionMatches)?
    private var lastEntry: String?

    /// Opens an editor on the terminal, loading history from `historyPath` (and saving to it) when given.
    ///
    /// Returns `nil` when libedit cannot take the terminal.
    public init?(programName: String = "dossier", historyPath: String?) {
        Self.selectUTF8Locale()
        guard let editor = dossier_el_init_standard_streams(programName) else { return nil }
        guard let history = history_init() else {
            el_end(editor)
            return nil
        }
        self.editor = editor
        self.history = history
        self.historyPath = historyPath
        dossier_history_set_size(history, 2000)
        dossier_history_set_unique(history, 1)
        if let historyPath { dossier_history_load(history, historyPath) }
        dossier_el_set_editor(editor, "emacs")
        dossier_el_set_signal_handling(editor, 1)
        dossier_el_set_history(editor, history)
        dossier_el_set_client_data(editor, Unmanaged.passUnretained(self).toOpaque())
        dossier_el_set_prompt(editor) { editor in
            guard let editor, let data = dossier_el_get_client_data(editor) else { return nil }
            let lineEditor = Unmanaged<LibEditLineEditor>.fromOpaque(data).takeUnretainedValue()
            return lineEditor.prompt.withUnsafeMutableBufferPointer { $0.baseAddress }
        }
        dossier_el_add_function(editor, "dossier-complete", "Complete a word") { editor, _ in
            guard let editor, let data = dossier_el_get_client_data(editor) else { return UInt8(CC_ERROR) }
            return Unmanaged<LibEditLineEditor>.fromOpaque(data).takeUnretainedValue().complete()
        }
        dossier_el_bind(editor, "^I", "dossier-complete")
        el_source(editor, nil)  // the user's ~/.editrc, as other libedit programs read it
    }

    deinit {
        if let historyPath { dossier_history_save(history, historyPath) }
        history_end(history)
        el_end(editor)
    }

    /// Always `true`.
    public var isInteractive: Bool { true }

    /// Reads one edited line.
    public func readLine(prompt: String) -> LineInput {
        self.prompt = Array(prompt.utf8CString)
        var count: Int32 = 0
        Interrupts.clear()
        let line = el_gets(editor, &count)
        if Interrupts.clear() {
            el_reset(editor)
            return .interrupted
        }
        guard let line, count > 0 else { return .end }
        var text = String(cString: line)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return .line(text)
    }

    /// Adds `line` to the history and appends it to the history file, so a crash loses nothing.
    public func addToHistory(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace) else { return }
        dossier_history_enter(history, line)
        // The history keeps no entry twice in a row; neither does the file.
        if let historyPath, line != lastEntry { HistoryFile.append(line, to: historyPath) }
        lastEntry = line
    }

    /// Sets what Tab offers.
    public func setCompletionProvider(_ provider: @escaping (String) -> CompletionMatches) {
        completionProvider = provider
    }

    /// Whether the terminal has a line waiting to be read: the rest of a paste, or keys typed ahead.
    public var hasPendingInput: Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0
    }

    /// Completes the word before the cursor: replaces it by the one candidate, or by the candidates'
    /// common prefix when that says more, and lists them when there are several. It replaces rather
    /// than appends because a candidate may differ from what was typed in case or quoting
    /// (`@vla` → `@"Vladimir Putin"`).
    private func complete() -> UInt8 {
        guard let provider = completionProvider, let info = el_line(editor)?.pointee else { return UInt8(CC_ERROR) }
        let length = info.cursor - info.buffer
        let before = String(decoding: UnsafeBufferPointer(start: UnsafeRawPointer(info.buffer).assumingMemoryBound(to: UInt8.self), count: length), as: UTF8.self)
        let matches = provider(before)
        let (word, candidates) = (matches.word, matches.candidates)
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let common = Completion.commonPrefix(of: candidates)
        if candidates.count == 1 || common.count > word.count {
            el_deletestr(editor, Int32(word.unicodeScalars.count))
            // A folder is completed further inside it, so no space follows it.
            let only = candidates[0]
            el_insertstr(editor, candidates.count == 1 ? (only.hasSuffix("/") ? only : only + " ") : common)
            return UInt8(CC_REFRESH)
        }
        if candidates.count > 1 {
            print("\n" + candidates.sorted().joined(separator: "  "))
            return UInt8(CC_REDISPLAY)
        }
        return UInt8(CC_REFRESH)
    }

    /// libedit handles multibyte input only under a UTF-8 locale; pick the user's, or C.UTF-8.
    private static func selectUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: dossier_locale_codeset())
        if codeset.uppercased().filter({ $0 != "-" }) != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
