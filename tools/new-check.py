#!/usr/bin/env python3
"""Starts a new check: tools/new-check.py containers-foo-bar

Writes checks/FooBarCheck.{h,cpp}, test/checks/containers-foo-bar.cpp,
docs/checks/containers-foo-bar.md, a row in checks/Checks.def, an #include in
checks/ContainersTidyModule.cpp and rows in the README.md and docs/index.md
tables. Every place that needs real content says "FIXME: placeholder"; the
test suite (tools/check-registry.py) fails while one is left."""
import os
import re
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if len(sys.argv) != 2 or not re.fullmatch(r"containers-[a-z0-9]+(-[a-z0-9]+)*", sys.argv[1]):
    sys.exit("usage: tools/new-check.py containers-<name> (lowercase words joined by '-')")
name = sys.argv[1]
cls = "".join(w.capitalize() for w in name.split("-")[1:]) + "Check"
guard = "CONTAINERS_TIDY_CHECKS_%s_H" % cls.upper()
summary = "FIXME: placeholder one-sentence summary of the code pattern"
files = {
    "checks/%s.h" % cls: f"""//===- {cls}.h - {name} ===//

#ifndef {guard}
#define {guard}

#include "lib/ContainersCheck.h"

namespace clang::tidy::containers {{

/// {summary}
///
/// For the user-facing documentation see docs/checks/{name}.md
class {cls} : public ContainersCheck {{
public:
  {cls}(llvm::StringRef Name, ClangTidyContext *Context)
      : ContainersCheck(Name, Context) {{}}
  void registerProgramMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
}};

}} // namespace clang::tidy::containers

#endif // {guard}
""",
    "checks/%s.cpp" % cls: f"""//===- {cls}.cpp - {name} ===//

#include "checks/{cls}.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::containers {{

void {cls}::registerProgramMatchers(MatchFinder *Finder) {{
  // FIXME: placeholder matcher, anchored on specific calls or types.
}}

void {cls}::check(const MatchFinder::MatchResult &Result) {{
  if (Result.Context->getDiagnostics().hasUncompilableErrorOccurred())
    return;
}}

}} // namespace clang::tidy::containers
""",
    "test/checks/%s.cpp" % name: f"""// FIXME: placeholder: positives with exact line:column and message, and
// their near-miss negatives.
// RUN: %clang_tidy -checks='-*,{name}' %s -- %mock_std \\
// RUN:   | FileCheck %s -allow-empty -implicit-check-not='{{{{warning|error}}}}:'
""",
    "docs/checks/%s.md" % name: f"""# {name}

{summary}

Maturity: FIXME: placeholder (stable / noisy / manual).

## Examples

## What counts as …

## Limitations and the false-positive picture

## Silencing

## Options
""",
}
for path, text in files.items():
    full = os.path.join(root, path)
    if os.path.exists(full):
        sys.exit("new-check.py: %s exists already" % path)
for path, text in files.items():
    with open(os.path.join(root, path), "w") as f:
        f.write(text)


def edit(path, old, new):
    full = os.path.join(root, path)
    text = open(full).read()
    if old not in text:
        sys.exit("new-check.py: cannot find where to add to %s" % path)
    open(full, "w").write(text.replace(old, new, 1))


edit("checks/Checks.def", "#undef CONTAINERS_CHECK",
     'CONTAINERS_CHECK("%s", %s, "stable",\n                 "%s")\n\n#undef CONTAINERS_CHECK' % (name, cls, summary))
edit("checks/ContainersTidyModule.cpp", '#include "lib/Compat.h"',
     '#include "checks/%s.h"\n#include "lib/Compat.h"' % cls)
row = "| [`%s`](%s) | stable | %s |\n"
edit("README.md", "\n\nOptions shared by all checks",
     "\n" + (row % (name, "docs/checks/%s.md" % name, summary)) + "\nOptions shared by all checks")
edit("docs/index.md", "\n\nMaturity:",
     "\n" + (row % (name, "checks/%s.md" % name, summary)) + "\nMaturity:")
print("created %s; now replace every 'FIXME: placeholder'" % ", ".join(files))
