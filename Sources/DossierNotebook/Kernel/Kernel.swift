import DossierCore
import DossierQuery
import DossierShell
import Foundation
import LineEditing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Jupyter kernel for Dossier: the Jupyter messaging protocol 5.3, spoken natively over ZeroMQ's
/// wire protocol, so JupyterLab, Notebook, VS Code and `jupyter console` can run cells of DQL.
///
/// Cells run one at a time, in order, on the main thread, in one ``NotebookSession`` (one workspace,
/// its `let` names and parameters). A thread of its own reads the sockets, answers the heartbeat,
/// `kernel_info` and the control channel at once, and queues the rest, so an interrupt reaches a
/// running query: it raises SIGINT, which cancels the query as Ctrl-C does in the shell.
final class Kernel: @unchecked Sendable {
    private let signer: MessageSignature
    private let sessionIdentifier = UUID().uuidString.lowercased()
    private let shell: ZMTPEndpoint
    private let control: ZMTPEndpoint
    private let stdin: ZMTPEndpoint
    private let iopub: ZMTPEndpoint
    private let heartbeat: ZMTPEndpoint
    private let poller: ZMTPPoller
    private let workspace: String?
    private let log: @Sendable (String) -> Void

    /// Requests waiting for the main thread, in arrival order.
    private var queue: [(peer: ZMTPPeer, message: JupyterMessage)] = []
    private let queueCondition = NSCondition()
    private var executionCount = 0
    /// A problem opening the workspace at start, shown in the first cell run.
    private var startupProblem: Diagnostic?

    /// Binds the five channels the connection file names; `workspace` is opened at start (the demo
    /// corpus when `nil`).
    init(connection: ConnectionInfo, workspace: String?, log: @escaping @Sendable (String) -> Void) throws(Diagnostic) {
        signer = MessageSignature(key: connection.key)
        func endpoint(_ kind: ZMTPEndpoint.Kind, _ name: String, _ port: Int) throws(Diagnostic) -> ZMTPEndpoint {
            try ZMTPEndpoint(kind: kind, name: name, transport: connection.transport, address: connection.address, port: port)
        }
        shell = try endpoint(.router, "shell", connection.shellPort)
        control = try endpoint(.router, "control", connection.controlPort)
        stdin = try endpoint(.router, "stdin", connection.stdinPort)
        iopub = try endpoint(.publisher, "iopub", connection.iopubPort)
        heartbeat = try endpoint(.router, "heartbeat", connection.heartbeatPort)
        poller = ZMTPPoller(endpoints: [shell, control, stdin, iopub, heartbeat])
        self.workspace = workspace
        self.log = log
    }

    /// Serves until a shutdown request (or until the process that started it is gone); returns the exit status.
    func run() -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        Interrupts.install()
        heartbeat.onMessage = { peer, frames in peer.send(frames: frames) }
        control.onMessage = { [self] peer, frames in handleControl(peer, frames) }
        shell.onMessage = { [self] peer, frames in
            guard let message = read(frames) else { return }
            // kernel_info is answered at once, so a client learns the kernel is alive while a cell runs.
            if message.type == "kernel_info_request" { return answer(message, on: peer, busy: true) { kernelInfo } }
            queueCondition.withLock {
                queue.append((peer, message))
                queueCondition.signal()
            }
        }
        stdin.onMessage = { _, _ in }
        poller.start()

        let session = NotebookSession(log: log)
        startupProblem = session.open(workspace: workspace)
        let parent = getppid()
        let watchesParent = ProcessInfo.processInfo.environment["JPY_PARENT_PID"] != nil
        while true {
            guard let (peer, message) = nextRequest(whileParentIs: watchesParent ? parent : nil) else { break }
            if message.type == "shutdown_request" {
                shutDown(message, on: peer)
                break
            }
            handleShell(message, on: peer, session: session)
        }
        poller.stop()
        return 0
    }

    // MARK: Requests

    private func read(_ frames: [[UInt8]]) -> JupyterMessage? {
        do {
            return try JupyterMessage(frames: frames, signer: signer)
        } catch {
            log("dossier kernel: ignored a message: \(error == .badSignature ? "its signature does not match the key" : "\(error)")\n")
            return nil
        }
    }

    /// The next queued request; `nil` once the process that started the kernel (`parent`) has gone.
    private func nextRequest(whileParentIs parent: pid_t?) -> (ZMTPPeer, JupyterMessage)? {
        queueCondition.lock()
        defer { queueCondition.unlock() }
        while queue.isEmpty {
            _ = queueCondition.wait(until: Date().addingTimeInterval(1))
            if let parent, getppid() != parent { return nil }
        }
        return queue.removeFirst()
    }

    private func handleShell(_ message: JupyterMessage, on peer: ZMTPPeer, session: NotebookSession) {
        switch message.type {
        case "execute_request":
            execute(message, on: peer, session: session)
        case "complete_request":
            answer(message, on: peer, busy: true) { complete(message.content, session: session) }
        case "inspect_request":
            answer(message, on: peer, busy: true) { inspect(message.content, session: session) }
        case "is_complete_request":
            answer(message, on: peer, busy: true) {
                let code = message.content["code"]?.string ?? ""
                return QuerySession.needsContinuation(code)
                    ? .object([("status", .string("incomplete")), ("indent", .string(""))])
                    : .object([("status", .string("complete"))])
            }
        case "history_request":
            answer(message, on: peer, busy: true) { .object([("status", .string("ok")), ("history", .array([]))]) }
        case "comm_info_request":
            answer(message, on: peer, busy: true) { .object([("status", .string("ok")), ("comms", .object([]))]) }
        case "comm_open":
            // No comms (widgets) here: say so, as kernels without a target do.
            let identifier = message.content["comm_id"] ?? .string("")
            publish("comm_close", .object([("comm_id", identifier), ("data", .object([]))]), parent: message)
        default:
            log("dossier kernel: ignored a \(message.type) request\n")
        }
    }

    private func handleControl(_ peer: ZMTPPeer, _ frames: [[UInt8]]) {
        guard let message = read(frames) else { return }
        switch message.type {
        case "kernel_info_request":
            answer(message, on: peer, busy: false) { kernelInfo }
        case "interrupt_request":
            // The same flag Ctrl-C sets: the running query stops with "cancelled".
            kill(getpid(), SIGINT)
            answer(message, on: peer, busy: false) { .object([("status", .string("ok"))]) }
        case "shutdown_request":
            shutDown(message, on: peer)
            poller.stop()
            exit(0)
        default:
            answer(message, on: peer, busy: false) {
                .object([("status", .string("error")), ("ename", .string("UnknownRequest")),
                         ("evalue", .string("the Dossier kernel does not handle \(message.type)")), ("traceback", .array([]))])
            }
        }
    }

    private func shutDown(_ message: JupyterMessage, on peer: ZMTPPeer) {
        let restart = message.content["restart"] ?? .boolean(false)
        let content: JSONValue = .object([("status", .string("ok")), ("restart", restart)])
        reply(message, on: peer, content: content)
        publish("shutdown_reply", content, parent: message)
    }

    /// Replies to `request` with what `content` gives, between busy and idle on iopub when `busy`.
    private func answer(_ request: JupyterMessage, on peer: ZMTPPeer, busy: Bool, content: () -> JSONValue) {
        if busy { publish("status", .object([("execution_state", .string("busy"))]), parent: request) }
        reply(request, on: peer, content: content())
        if busy { publish("status", .object([("execution_state", .string("idle"))]), parent: request) }
    }

    private func reply(_ request: JupyterMessage, on peer: ZMTPPeer, content: JSONValue) {
        let type = request.type.replacingOccurrences(of: "_request", with: "_reply")
        let message = JupyterMessage(type: type, content: content, parent: request, session: sessionIdentifier, identities: request.identities)
        peer.send(frames: message.frames(signer: signer))
    }

    private func publish(_ type: String, _ content: JSONValue, parent: JupyterMessage?) {
        let topic = Array("kernel.\(sessionIdentifier).\(type)".utf8)
        let message = JupyterMessage(type: type, content: content, parent: parent, session: sessionIdentifier, identities: [topic])
        iopub.publish(message.frames(signer: signer))
    }

    // MARK: Execution

    private func execute(_ request: JupyterMessage, on peer: ZMTPPeer, session: NotebookSession) {
        let content = request.content
        let code = content["code"]?.string ?? ""
        let silent = content["silent"]?.boolean ?? false
        let storesHistory = (content["store_history"]?.boolean ?? true) && !silent
        publish("status", .object([("execution_state", .string("busy"))]), parent: request)
        if storesHistory { executionCount += 1 }
        let count = max(executionCount, 1)
        if !silent {
            publish("execute_input", .object([("code", .string(code)), ("execution_count", .integer(count))]), parent: request)
        }
        let emit: (CellOutput) -> Void = { [self] output in
            guard !silent else { return }
            switch output {
            case .stream(let name, let text):
                publish("stream", .object([("name", .string(name)), ("text", .string(text))]), parent: request)
            case .display(let bundle):
                publish("display_data", .object([("data", bundle.json), ("metadata", .object([])), ("transient", .object([]))]), parent: request)
            case .result(let bundle):
                publish("execute_result", .object([("execution_count", .integer(count)), ("data", bundle.json), ("metadata", .object([]))]),
                        parent: request)
            case .error(let name, let value, let traceback):
                publish("error", .object([("ename", .string(name)), ("evalue", .string(value)),
                                          ("traceback", .array(traceback.map(JSONValue.string)))]), parent: request)
            }
        }
        if let problem = startupProblem {
            emit(.stream(name: "stderr", text: DiagnosticFormatter().format(problem, source: nil)))
            startupProblem = nil
        }
        let outcome = session.execute(code, count: count, emit: emit)
        var reply: [(key: String, value: JSONValue)] = [("execution_count", .integer(count))]
        switch outcome {
        case .success:
            reply = [("status", .string("ok"))] + reply + [("user_expressions", .object([])), ("payload", .array([]))]
        case .failure(let name, let value, let traceback):
            reply = [("status", .string("error"))] + reply
                + [("ename", .string(name)), ("evalue", .string(value)), ("traceback", .array(traceback.map(JSONValue.string)))]
        }
        // After an error, the cells queued behind it (Run All) are not run; a request sent once the
        // client has the error reply is a new one, so the queue is taken before the reply goes out.
        var aborted: [(peer: ZMTPPeer, message: JupyterMessage)] = []
        if case .failure = outcome, content["stop_on_error"]?.boolean ?? true { aborted = takeQueuedExecutions() }
        self.reply(request, on: peer, content: .object(reply))
        publish("status", .object([("execution_state", .string("idle"))]), parent: request)
        abort(aborted)
    }

    /// The execute requests waiting in the queue, taken out of it.
    private func takeQueuedExecutions() -> [(peer: ZMTPPeer, message: JupyterMessage)] {
        queueCondition.withLock {
            let executions = queue.filter { $0.message.type == "execute_request" }
            queue.removeAll { $0.message.type == "execute_request" }
            return executions
        }
    }

    /// Tells each of `requests` that it was not run.
    private func abort(_ requests: [(peer: ZMTPPeer, message: JupyterMessage)]) {
        for (peer, request) in requests {
            answer(request, on: peer, busy: true) {
                .object([("status", .string("aborted")), ("execution_count", .null)])
            }
        }
    }

    // MARK: Completion and inspection

    private func complete(_ content: JSONValue, session: NotebookSession) -> JSONValue {
        let code = content["code"]?.string ?? ""
        let cursor = content["cursor_pos"]?.integer ?? code.unicodeScalars.count
        let matches = session.shell.completions(for: NotebookCells.statementPrefix(of: code, cursor: cursor))
        return .object([
            ("status", .string("ok")), ("matches", .array(matches.candidates.map(JSONValue.string))),
            ("cursor_start", .integer(cursor - matches.word.unicodeScalars.count)), ("cursor_end", .integer(cursor)),
            ("metadata", .object([])),
        ])
    }

    private func inspect(_ content: JSONValue, session: NotebookSession) -> JSONValue {
        let code = content["code"]?.string ?? ""
        let cursor = content["cursor_pos"]?.integer ?? code.unicodeScalars.count
        guard let word = NotebookCells.word(in: code, at: cursor), let help = session.shell.help(for: word) else {
            return .object([("status", .string("ok")), ("found", .boolean(false)), ("data", .object([])), ("metadata", .object([]))])
        }
        return .object([("status", .string("ok")), ("found", .boolean(true)), ("data", .object([("text/plain", .string(help))])),
                        ("metadata", .object([]))])
    }

    private var kernelInfo: JSONValue {
        .object([
            ("status", .string("ok")), ("protocol_version", .string(JupyterMessage.protocolVersion)),
            ("implementation", .string("dossier")), ("implementation_version", .string(DossierVersion.number)),
            ("language_info", KernelSpecification.languageInfo),
            ("banner", .string("Dossier \(DossierVersion.description): DQL queries and dot-commands, as in the shell. .help lists them.")),
            ("help_links", .array([])),
        ])
    }
}
