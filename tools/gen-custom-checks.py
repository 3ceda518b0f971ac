#!/usr/bin/env python3
"""Generates the clang-tidy 22 query-based custom checks (`CustomChecks:`)
that restate the simplest containers-* rules as AST matchers, for tools that
run clang-tidy's own checks but cannot load the plugin (clangd once it runs
custom checks; a clang-tidy built without plugin support).

The container types and the operations that invalidate a range-for loop's
iterator come from the one table, lib/ContainerModel.cpp (KnownTypes and the
per-family rules with LoopEffect::Always), so the snippet cannot drift from
the plugin: tools/run-tests.sh fails when docs/custom-checks.clang-tidy is
not what this script writes.

What a matcher cannot say, the snippet leaves out (so it reports a subset of
the plugin's warnings, never more): see docs/editors.md for the exact list.

Usage: tools/gen-custom-checks.py [--check FILE]
  writes the snippet to stdout; with --check, exits 1 when FILE differs."""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FAMILY_ENUM = {"Contiguous": "contiguous", "Deque": "deque", "NodeList": "node-list",
               "OrderedAssociative": "ordered", "UnorderedAssociative": "unordered",
               "OpenAddressing": "open-addressing"}
RULE_ARRAYS = {"ContiguousRules": "contiguous", "DequeRules": "deque",
               "NodeListRules": "node-list", "OrderedRules": "ordered",
               "UnorderedRules": "unordered", "OpenAddressingRules": "open-addressing"}
# Map families: operator[] exists and inserts (the others are sets/sequences).
MAP_FAMILIES = ("ordered", "unordered", "open-addressing")
# Calls that show the function manages the key's presence itself
# (containers-subscript-lookup's "managed keys" rule, widened to any key).
MANAGING = ("count", "contains", "find", "at", "try_emplace", "insert_or_assign",
            "emplace", "insert", "erase")


def read_model(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    known = re.search(r"KnownTypes\[\] = \{(.*?)\n\};", text, re.S).group(1)
    types = {}
    for name, fam in re.findall(r'\{"([\w:]+)",\s*F::(\w+)\}', known):
        types.setdefault(FAMILY_ENUM[fam], []).append(name)
    macro = re.search(r"#define FREE_ERASURE_RULES(.*?)\n\n", text, re.S).group(1)
    free_always = re.findall(r'\{"([\w:]+)",\s*L::Always', macro)
    always = {}
    for array, fam in RULE_ARRAYS.items():
        body = re.search(r"constexpr OperationRule %s\[\] = \{(.*?)\n\};" % array, text, re.S).group(1)
        ops = re.findall(r'\{"([\w\[\]=+]+)",\s*L::Always', body)
        always[fam] = [op for op in ops if not op.startswith("std::")]
        if "FREE_ERASURE_RULES" in body:
            always[fam] += free_always
    return types, always


def any_name(names):
    return "hasAnyName(%s)" % ", ".join('"::%s"' % n if "::" in n else '"%s"' % n for n in names)


def container_type(names):
    return ("hasCanonicalType(hasDeclaration(cxxRecordDecl(isSameOrDerivedFrom(%s))))" %
            any_name(names))


def loop_check(family, types, ops):
    members = [op for op in ops if not op.startswith("operator") and "::" not in op]
    operators = [op[len("operator"):] for op in ops if op.startswith("operator")]
    free = [op for op in ops if "::" in op]
    modify = ["cxxMemberCallExpr(on(ignoringParenImpCasts(Same)), "
              "callee(cxxMethodDecl(%s)))" % any_name(members)]
    for op in operators:
        modify.append('cxxOperatorCallExpr(hasOverloadedOperatorName("%s"), '
                      "hasArgument(0, ignoringParenImpCasts(Same)))" % op)
    if free:
        modify.append("callExpr(callee(functionDecl(%s)), "
                      "hasArgument(0, ignoringParenImpCasts(Same)))" % any_name(free))
    lines = [
        "let Walked anyOf(declRefExpr(to(varDecl().bind(\"c\"))), "
        "memberExpr(hasObjectExpression(cxxThisExpr()), member(fieldDecl().bind(\"c\"))))",
        "let Same anyOf(declRefExpr(to(decl(equalsBoundNode(\"c\")))), "
        "memberExpr(hasObjectExpression(cxxThisExpr()), member(decl(equalsBoundNode(\"c\")))))",
        "let Modify expr(anyOf(%s), unless(hasAncestor(lambdaExpr()))).bind(\"call\")" %
        ", ".join(modify),
        "let Call stmt(anyOf(Modify, exprWithCleanups(has(Modify))))",
        "let Exit stmt(anyOf(breakStmt(), returnStmt(), gotoStmt(), cxxThrowExpr(), "
        "exprWithCleanups(has(cxxThrowExpr())), coreturnStmt(), "
        "callExpr(callee(functionDecl(isNoReturn())))))",
        "let Block compoundStmt(has(Call), unless(has(Exit)))",
        "let InIf ifStmt(anyOf(hasThen(Call), hasElse(Call), hasThen(Block), hasElse(Block)))",
        "let Body anyOf(Call, InIf, Block, compoundStmt(has(InIf), unless(has(Exit))))",
        "match cxxForRangeStmt(hasRangeInit(ignoringParenImpCasts(expr(Walked, hasType(%s)))), "
        "hasBody(Body), unless(isInTemplateInstantiation())).bind(\"loop\")" % container_type(types),
    ]
    return {
        "Name": "containers-loop-modification-" + family,
        "Query": "\n".join(lines),
        "Diagnostic": [
            ("call", "Warning",
             "the container a range-based for loop walks is modified here; the loop's "
             "iterator is invalidated (a subset of containers-iterator-invalidation)"),
            ("loop", "Note", "the range-based for loop iterates the container here"),
        ],
    }


def subscript_check(map_types):
    lines = [
        "let Map %s" % container_type(map_types),
        "let Outliving anyOf(declRefExpr(to(varDecl(anyOf(parmVarDecl(), "
        "allOf(hasGlobalStorage(), unless(isStaticLocal()))))"
        ".bind(\"map\"))), memberExpr(member(fieldDecl().bind(\"map\"))))",
        "let SameMap anyOf(declRefExpr(to(decl(equalsBoundNode(\"map\")))), "
        "memberExpr(member(decl(equalsBoundNode(\"map\")))))",
        "let Sub cxxOperatorCallExpr(hasOverloadedOperatorName(\"[]\"), "
        "callee(cxxMethodDecl(unless(isConst()))), "
        "hasArgument(0, ignoringParenImpCasts(expr(hasType(Map), Outliving)))).bind(\"sub\")",
        "let Test ignoringParenImpCasts(Sub)",
        "let Managed anyOf(cxxMemberCallExpr(on(ignoringParenImpCasts(SameMap)), "
        "callee(cxxMethodDecl(%s))), " % any_name(MANAGING) +
        "cxxOperatorCallExpr(isAssignmentOperator(), hasArgument(0, ignoringParenImpCasts("
        "cxxOperatorCallExpr(hasOverloadedOperatorName(\"[]\"), "
        "hasArgument(0, ignoringParenImpCasts(SameMap)))))), "
        "binaryOperator(isAssignmentOperator(), hasLHS(ignoringParenImpCasts("
        "cxxOperatorCallExpr(hasOverloadedOperatorName(\"[]\"), "
        "hasArgument(0, ignoringParenImpCasts(SameMap)))))))",
        "match stmt(anyOf(ifStmt(hasCondition(Test)), whileStmt(hasCondition(Test)), "
        "doStmt(hasCondition(Test)), forStmt(hasCondition(Test)), "
        "conditionalOperator(hasCondition(Test)), "
        "unaryOperator(hasOperatorName(\"!\"), hasUnaryOperand(Test))), "
        "unless(isInTemplateInstantiation()), "
        "unless(hasAncestor(functionDecl(hasDescendant(expr(Managed))))), "
        "unless(hasAncestor(cxxForRangeStmt(hasRangeInit(ignoringParenImpCasts(SameMap))))))",
    ]
    return {
        "Name": "containers-subscript-truth-test",
        "Query": "\n".join(lines),
        "Diagnostic": [
            ("sub", "Warning",
             "map operator[] used only as a truth test; it inserts a default value when the "
             "key is missing (a subset of containers-subscript-lookup)"),
        ],
    }


def render(checks):
    out = [
        "# Generated by tools/gen-custom-checks.py from lib/ContainerModel.cpp; do not edit.",
        "# clang-tidy 22 query-based custom checks restating the simplest containers-*",
        "# rules, for tools that cannot load the plugin. They report a subset of the",
        "# plugin's warnings (docs/editors.md says which). Run them with",
        "#   clang-tidy-22 --experimental-custom-checks --config-file=THIS_FILE ...",
        "# or merge CustomChecks into your .clang-tidy and enable 'custom-containers-*'.",
        "Checks: '-*,custom-containers-*'",
        "CustomChecks:",
    ]
    for c in checks:
        out.append("  - Name: %s" % c["Name"])
        out.append("    Query: |")
        for line in c["Query"].split("\n"):
            out.append("      " + line)
        out.append("    Diagnostic:")
        for bind, level, msg in c["Diagnostic"]:
            out.append("      - BindName: %s" % bind)
            out.append("        Level: %s" % level)
            out.append("        Message: \"%s\"" % msg.replace("\\", "\\\\").replace('"', '\\"'))
    return "\n".join(out) + "\n"


def generate():
    types, always = read_model(os.path.join(ROOT, "lib", "ContainerModel.cpp"))
    checks = []
    for family in ("contiguous", "deque", "node-list", "ordered", "unordered", "open-addressing"):
        if types.get(family) and always.get(family):
            checks.append(loop_check(family, types[family], always[family]))
    maps = [t for fam in MAP_FAMILIES for t in types.get(fam, [])
            if re.search(r"map|Map", t) and "multimap" not in t]
    checks.append(subscript_check(maps))
    return render(checks)


def main(argv):
    text = generate()
    if argv[:1] == ["--check"]:
        with open(argv[1], encoding="utf-8") as f:
            if f.read() != text:
                print("%s is out of date: run tools/gen-custom-checks.py > %s" % (argv[1], argv[1]))
                return 1
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
