/// A Universal Dependencies relation between a word and its head, with the subtypes English
/// treebanks use ("nsubj:pass", "nmod:poss", "acl:relcl", "compound:prt", "obl:agent", …).
public enum DependencyRelation: UInt8, CaseIterable, Hashable, Sendable, Codable {
    case root, punct, `case`, nsubj, det, advmod, obj, amod, obl, conj, compound, mark, nmod, cc, aux, cop, advcl
    case nmodPoss, xcomp, ccomp, aclRelcl, flat, parataxis, nummod, appos, acl, auxPass, nsubjPass, oblUnmarked
    case nmodUnmarked, discourse, compoundPrt, iobj, list, expl, fixed, nmodDesc, oblAgent, csubj, nsubjOuter
    case detPredet, vocative, goeswith, advclRelcl, ccPreconj, reparandum, orphan, csubjPass, dislocated, dep
    case csubjOuter, oblTmod, nmodTmod, oblNpmod, nmodNpmod, flatForeign, detPoss, dislocatedFront

    /// The UD name, with its subtype ("nsubj:pass").
    public var name: String { Self.names[Int(rawValue)] }

    /// The universal part of the name, without the subtype ("nsubj" for "nsubj:pass").
    public var universalName: String { String(name.prefix { $0 != ":" }) }

    /// The relation named `name`; a subtype this enumeration does not know falls back to its
    /// universal relation ("obl:about" → `obl`), an unknown name to `dep`.
    public init(name: some StringProtocol) {
        if let index = Self.names.firstIndex(where: { $0 == name }) {
            self.init(rawValue: UInt8(index))!
        } else if let colon = name.firstIndex(of: ":"), let index = Self.names.firstIndex(where: { $0 == name[..<colon] }) {
            self.init(rawValue: UInt8(index))!
        } else {
            self = .dep
        }
    }

    private static let names = [
        "root", "punct", "case", "nsubj", "det", "advmod", "obj", "amod", "obl", "conj", "compound", "mark", "nmod", "cc",
        "aux", "cop", "advcl", "nmod:poss", "xcomp", "ccomp", "acl:relcl", "flat", "parataxis", "nummod", "appos", "acl",
        "aux:pass", "nsubj:pass", "obl:unmarked", "nmod:unmarked", "discourse", "compound:prt", "iobj", "list", "expl",
        "fixed", "nmod:desc", "obl:agent", "csubj", "nsubj:outer", "det:predet", "vocative", "goeswith", "advcl:relcl",
        "cc:preconj", "reparandum", "orphan", "csubj:pass", "dislocated", "dep", "csubj:outer", "obl:tmod", "nmod:tmod",
        "obl:npmod", "nmod:npmod", "flat:foreign", "det:poss", "dislocated:front",
    ]

    /// Whether the relation marks a subject (nominal or clausal, active or passive).
    public var isSubject: Bool {
        switch self {
        case .nsubj, .nsubjPass, .nsubjOuter, .csubj, .csubjPass, .csubjOuter: true
        default: false
        }
    }
}
