import DossierCore
import DossierStore

/// Follows the row types through a pipeline before anything runs, resolving names and literals,
/// and reports the first problem with a diagnostic that points at it.
struct Checker {
    /// The corpus entity literals are resolved against.
    let index: CorpusIndex
    /// The types of the names bound by `let`.
    let bindings: [String: PipelineType]
    /// How deep ``bind(_:in:)`` has recursed: plans and the evaluator recurse as deep as the
    /// expressions they are made from, so the checker refuses a tree deeper than it can take.
    let depth = ExpressionDepth()

    /// The deepest expression tree the checker binds. The parser limits nesting to
    /// ``Parser/maximumNesting`` and keeps chains of `and`/`or` shallow, so parsed text meets this
    /// limit only with very long chains at many levels; it guards every stage after the parser.
    static let maximumDepth = 256

    /// Checks `pipeline` and gives the plan that runs it.
    func check(_ pipeline: QueryPipeline) throws(Diagnostic) -> Plan {
        var (source, type) = try checkSource(pipeline.source)
        var stages: [PlannedStage] = []
        var bound = TimeBound()
        for (position, stage) in pipeline.stages.enumerated() {
            if case .render(let word) = stage.kind {
                guard position == pipeline.stages.count - 1 else {
                    throw Diagnostic(.error, .stageInputMismatch, "'render' must be the last stage", range: stage.name.range,
                                     help: .init("move '| \(sliceName(stage))' to the end of the pipeline"))
                }
                return Plan(source: source, stages: stages, type: type, presentation: try presentation(word, of: stage, carrying: type),
                            presentationIsExplicit: true)
            }
            let (planned, next) = try checkStage(stage, carrying: type, within: bound)
            stages.append(contentsOf: planned)
            type = next
            bound = bound.after(stage)
        }
        return Plan(source: source, stages: stages, type: type)
    }
}

/// The depth of the expression being bound, shared by the checker's calls.
final class ExpressionDepth {
    private var level = 0

    func enter(_ expression: Expression) throws(Diagnostic) {
        level += 1
        guard level > Checker.maximumDepth else { return }
        throw Diagnostic(.error, .nestedTooDeeply, "the expression is nested too deeply", range: expression.range,
                         notes: ["an expression may be at most \(Checker.maximumDepth) levels deep"])
    }

    func leave() { level -= 1 }
}
