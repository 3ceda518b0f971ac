//===- SubscriptLookupCheck.cpp - containers-subscript-lookup -------------===//

#include "checks/SubscriptLookupCheck.h"
#include "lib/ContainerAccess.h"
#include "lib/LoopBody.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::containers {

SubscriptLookupCheck::SubscriptLookupCheck(llvm::StringRef Name,
                                           ClangTidyContext *Context)
    : ContainersCheck(Name, Context),
      IncludeLocalMaps(Options.get("IncludeLocalMaps", false)) {}

void SubscriptLookupCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ContainersCheck::storeOptions(Opts);
  Options.store(Opts, "IncludeLocalMaps", IncludeLocalMaps);
}

void SubscriptLookupCheck::registerMatchers(MatchFinder *Finder) {
  // Function definitions, to know which function the subscripts that follow
  // in the traversal belong to, without a parent-map walk.
  Finder->addMatcher(functionDecl(isDefinition()).bind("function"), this);
  // Every context is matched top-down with a cheap structural test; the
  // map's family and the semantic tests (constness, copy constructor,
  // parameter type) run in check() on the few subscripts that reach it.
  auto Subscript = cxxOperatorCallExpr(hasOverloadedOperatorName("[]"),
                                       argumentCountIs(2))
                       .bind("subscript");
  auto Bare = ignoringImplicit(Subscript);
  // Contexts where an exact fix-it exists come first: the traversal meets the
  // statement before the expression inside it.
  // One matcher per statement kind: a `stmt(anyOf(...))` would be tried on
  // every statement of the TU.
  Finder->addMatcher(ifStmt(hasCondition(Bare)).bind("condition"), this);
  Finder->addMatcher(whileStmt(hasCondition(Bare)).bind("condition"), this);
  Finder->addMatcher(forStmt(hasCondition(Bare)).bind("condition"), this);
  Finder->addMatcher(doStmt(hasCondition(Bare)).bind("condition"), this);
  Finder->addMatcher(conditionalOperator(hasCondition(Bare)).bind("condition"),
                     this);
  Finder->addMatcher(
      unaryOperator(hasOperatorName("!"), hasUnaryOperand(Bare)).bind("not"),
      this);
  // A scalar converted to a value.
  Finder->addMatcher(implicitCastExpr(hasCastKind(CK_LValueToRValue),
                                      hasSourceExpression(ignoringParens(Subscript))),
                     this);
  // A class value copied; a member called on it; bound to a reference;
  // passed as an argument. check() decides which of these only read.
  Finder->addMatcher(
      cxxConstructExpr(argumentCountIs(1), hasArgument(0, Bare)).bind("construct"),
      this);
  Finder->addMatcher(cxxMemberCallExpr(on(Bare)).bind("member"), this);
  Finder->addMatcher(varDecl(hasInitializer(Bare)).bind("var"), this);
  Finder->addMatcher(callExpr(hasAnyArgument(Bare)).bind("call"), this);
}

static bool isConstRef(QualType T) {
  return T->isLValueReferenceType() &&
         T.getNonReferenceType().isConstQualified();
}

/// Does the matched context only read \p Subscript?
static bool onlyReads(const MatchFinder::MatchResult &Result,
                      const Expr *Subscript) {
  const auto &Nodes = Result.Nodes;
  if (const auto *Construct = Nodes.getNodeAs<CXXConstructExpr>("construct"))
    return Construct->getConstructor()->isCopyConstructor();
  if (const auto *Member = Nodes.getNodeAs<CXXMemberCallExpr>("member"))
    return Member->getMethodDecl() && Member->getMethodDecl()->isConst();
  if (const auto *Var = Nodes.getNodeAs<VarDecl>("var"))
    return isConstRef(Var->getType());
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("call")) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return false;
    unsigned Offset =
        isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      if (Call->getArg(I)->IgnoreImplicit() != Subscript)
        continue;
      if (I < Offset) // the object of a member operator
        return cast<CXXMethodDecl>(Callee)->isConst();
      return I - Offset < Callee->getNumParams() &&
             isConstRef(Callee->getParamDecl(I - Offset)->getType());
    }
    return false;
  }
  return true; // a conversion to a value, a condition, `!`
}

void SubscriptLookupCheck::onEndOfTranslationUnit() {
  Flows.clear();
  Reported.clear();
  Seen.clear();
  CurrentFunction = nullptr;
}

bool SubscriptLookupCheck::keyIsManaged(const ContainerOperation &Op,
                                        ASTContext &Ctx) {
  const Expr *Key = Op.Args[0];
  // `for (auto &[k, v] : m) use(m[k]);` finds the visited element.
  if (const VarDecl *LoopVar = keyOfLoopVariable(Key))
    if (std::optional<ContainerRef> Walked = containerWalkedBy(LoopVar);
        Walked && *Walked == Op.Container)
      return true;
  // Any other access to the same key of the same map in the function (a
  // presence test, a lookup, an insertion, an erase, a write such as
  // `m[k] = m[k] + 1`): the code manages that key there, and reading a
  // default is intended.
  // The function the traversal is in, if the subscript lies in its body
  // (not, say, in a namespace-scope initialiser after it).
  const FunctionDecl *FD = CurrentFunction;
  const SourceManager &SM = Ctx.getSourceManager();
  if (FD && FD->getBody()) {
    SourceRange Body = FD->getBody()->getSourceRange();
    SourceLocation Loc = SM.getExpansionLoc(Op.Call->getBeginLoc());
    if (SM.isBeforeInTranslationUnit(Loc, SM.getExpansionLoc(Body.getBegin())) ||
        SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Body.getEnd()), Loc))
      FD = nullptr;
  }
  const FunctionFlow *Flow = FD ? Flows.get(FD, Ctx) : nullptr;
  if (!Flow)
    return true; // cannot tell: stay silent
  for (const ContainerOperation &Other : Flow->accesses()) {
    if (Other.Call == Op.Call || Other.Container != Op.Container ||
        Other.Args.empty() || !sameKey(Other.Args[0], Key))
      continue;
    // Another read through operator[] manages nothing; a write does.
    if (Other.Name != "operator[]" || Flow->isAssigned(Other.Call))
      return true;
  }
  return false;
}

/// Text of \p E as written, or empty when it is not plain source (macros).
static llvm::StringRef sourceText(const Expr *E, const ASTContext &Ctx) {
  if (E->getBeginLoc().isMacroID() || E->getEndLoc().isMacroID())
    return "";
  return Lexer::getSourceText(CharSourceRange::getTokenRange(E->getSourceRange()),
                              Ctx.getSourceManager(), Ctx.getLangOpts());
}

/// Can \p E be evaluated twice with no change in meaning: a variable, a
/// member of one, a literal?
static bool isRepeatable(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (isa<DeclRefExpr, IntegerLiteral, StringLiteral, CharacterLiteral,
          CXXBoolLiteralExpr, CXXThisExpr>(E))
    return true;
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return isRepeatable(ME->getBase());
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getNumArgs() == 1 && isRepeatable(Construct->getArg(0));
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
    return isRepeatable(Temp->getSubExpr());
  return false;
}

void SubscriptLookupCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  if (Ctx.getDiagnostics().hasUncompilableErrorOccurred())
    return;
  if (const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("function")) {
    CurrentFunction = FD;
    return;
  }
  const auto *Subscript =
      Result.Nodes.getNodeAs<CXXOperatorCallExpr>("subscript");
  if (!Subscript || Seen.contains(Subscript) || !onlyReads(Result, Subscript))
    return;
  std::optional<ContainerOperation> Op =
      ContainerOperation::match(Subscript, Model);
  // Maps only: operator[] of a vector or a string never inserts.
  if (!Op || Op->Name != "operator[]" || Op->Args.size() != 1 ||
      Op->Family == ContainerFamily::Contiguous ||
      Op->Family == ContainerFamily::Deque)
    return;
  // A const operator[] cannot insert: a map class that hides the standard
  // one with a read-only lookup (boost::program_options::variables_map).
  if (const auto *Method =
          dyn_cast_or_null<CXXMethodDecl>(Subscript->getDirectCallee());
      !Method || Method->isConst())
    return;
  // A local map lives as long as the function: a default inserted on a read
  // dies with it. The check is about maps that outlive the call (members,
  // globals, maps passed by reference), unless IncludeLocalMaps is set.
  if (const auto *Root = dyn_cast_or_null<VarDecl>(Op->Container.root());
      !IncludeLocalMaps && Root && Op->Container.decl() == Root &&
      Root->hasLocalStorage() && !isa<ParmVarDecl>(Root) &&
      !Root->getType()->isReferenceType() && !Root->getType()->isPointerType())
    return;
  if (keyIsManaged(*Op, Ctx))
    return;
  Seen.insert(Subscript);
  SourceLocation Loc = Subscript->getBeginLoc();
  if (!Reported.first(Loc, Subscript->getOperatorLoc()))
    return;

  const Expr *Object = Subscript->getArg(0);
  const Expr *Key = Op->Args[0];
  llvm::StringRef ObjectText = sourceText(Object, Ctx);
  llvm::StringRef KeyText = sourceText(Key, Ctx);
  std::string Shown = ObjectText.empty() || KeyText.empty()
                          ? Op->Container.name() + "[...]"
                          : (ObjectText + "[" + KeyText + "]").str();

  // Exact fix-it: a truth test of a value whose default is false/0/null.
  // `m.count(k) && m.at(k)` is the same truth value without the insertion.
  llvm::SmallVector<FixItHint, 1> Fixes;
  const bool InCondition = Result.Nodes.getNodeAs<Stmt>("condition");
  const bool Negated = Result.Nodes.getNodeAs<UnaryOperator>("not");
  QualType Mapped = Subscript->getType().getNonReferenceType();
  const std::string Qualified =
      Mapped.isNull() || !Object->getType()->getAsCXXRecordDecl()
          ? ""
          : ContainerModel::qualifiedName(
                Object->getType()->getAsCXXRecordDecl());
  if ((InCondition || Negated) && !ObjectText.empty() && !KeyText.empty() &&
      Qualified.rfind("std::", 0) == 0 &&
      (Mapped->isBooleanType() || Mapped->isIntegerType() ||
       Mapped->isPointerType()) &&
      isRepeatable(Object) && isRepeatable(Key)) {
    std::string Lookup = (ObjectText + ".count(" + KeyText + ") && " +
                          ObjectText + ".at(" + KeyText + ")")
                             .str();
    Fixes.push_back(FixItHint::CreateReplacement(
        Subscript->getSourceRange(), Negated ? "(" + Lookup + ")" : Lookup));
  }
  diag(Loc, "'%0' is only read here; operator[] inserts a default value "
            "when '%1' is missing")
      << Shown << (KeyText.empty() ? llvm::StringRef("the key") : KeyText)
      << Fixes;
  if (Fixes.empty())
    diag(Loc, "look the key up without inserting: 'find', 'count', "
              "'contains' (C++20) or 'at'",
         DiagnosticIDs::Note);
}

} // namespace clang::tidy::containers
