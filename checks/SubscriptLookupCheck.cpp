//===- SubscriptLookupCheck.cpp - containers-subscript-lookup -------------===//

#include "checks/SubscriptLookupCheck.h"
#include "lib/ContainerAccess.h"
#include "lib/LoopBody.h"
#include "lib/SharedOptions.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::containers {

SubscriptLookupCheck::SubscriptLookupCheck(llvm::StringRef Name,
                                           ClangTidyContext *Context)
    : ContainersCheck(Name, Context),
      IncludeLocalMaps(Options.get("IncludeLocalMaps", false)),
      MutationCheckEnabled(
          Context->isCheckEnabled("containers-unsynchronized-mutation")) {
  // The lock vocabulary of containers-unsynchronized-mutation, which
  // reports a bad value; here it is only used when that check is enabled.
  std::string Unused;
  Vocabulary.setMutexTypes(readSharedOption(*Context, Name, "MutexTypes",
                                            LockVocabulary::DefaultMutexTypes),
                           Unused);
  Vocabulary.setLockTypes(readSharedOption(*Context, Name, "LockTypes",
                                           LockVocabulary::DefaultLockTypes),
                          Unused);
}

void SubscriptLookupCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ContainersCheck::storeOptions(Opts);
  Options.store(Opts, "IncludeLocalMaps", IncludeLocalMaps);
}

void SubscriptLookupCheck::registerProgramMatchers(MatchFinder *Finder) {
  // Which function the subscripts belong to, without a parent-map walk
  // (lib/TraversalPosition). The standard library's code is not the
  // user's: its subscripts are not looked at.
  Position = TraversalPosition::shared(Finder);
  // The subscript alone: its context is read in check() from the parents in
  // its function body, indexed only for functions that contain a map
  // subscript. A matcher per context would be tried on every cast, call and
  // declaration of the translation unit.
  Finder->addMatcher(cxxOperatorCallExpr(hasOverloadedOperatorName("[]"),
                                         argumentCountIs(2),
                                         unless(isExpansionInSystemHeader()))
                         .bind("subscript"),
                     this);
}

static bool isConstRef(QualType T) {
  return T->isLValueReferenceType() &&
         T.getNonReferenceType().isConstQualified();
}

/// Nodes that do not change how a value is used: parens, implicit
/// conversions, temporaries and full-expression cleanups.
static bool isTransparent(const Stmt *S) {
  return isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
             CXXBindTemporaryExpr, FullExpr>(S);
}

static const Expr *conditionOf(const Stmt *S) {
  if (const auto *If = dyn_cast<IfStmt>(S))
    return If->getCond();
  if (const auto *While = dyn_cast<WhileStmt>(S))
    return While->getCond();
  if (const auto *For = dyn_cast<ForStmt>(S))
    return For->getCond();
  if (const auto *Do = dyn_cast<DoStmt>(S))
    return Do->getCond();
  if (const auto *Conditional = dyn_cast<ConditionalOperator>(S))
    return Conditional->getCond();
  return nullptr;
}

SubscriptLookupCheck::SubscriptUse
SubscriptLookupCheck::useOf(const CXXOperatorCallExpr *Subscript) const {
  SubscriptUse Use;
  // Climb the wrappers to the node that uses the value.
  const Stmt *Child = Subscript;
  const Stmt *Parent = Parents.parentOf(Child);
  bool ConvertedToValue = false;
  while (Parent && isTransparent(Parent)) {
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Parent);
        Cast && Cast->getCastKind() == CK_LValueToRValue)
      ConvertedToValue = true;
    Child = Parent;
    Parent = Parents.parentOf(Child);
  }
  if (!Parent)
    return Use;
  // A truth test: the only contexts with an exact fix-it.
  if (conditionOf(Parent) == Child) {
    Use.Reads = Use.InCondition = true;
    return Use;
  }
  if (const auto *Not = dyn_cast<UnaryOperator>(Parent);
      Not && Not->getOpcode() == UO_LNot) {
    Use.Reads = Use.Negated = true;
    return Use;
  }
  // A scalar converted to a value.
  if (ConvertedToValue) {
    Use.Reads = true;
    return Use;
  }
  // A class value copied.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Parent)) {
    Use.Reads = Construct->getNumArgs() == 1 &&
                Construct->getConstructor()->isCopyConstructor();
    return Use;
  }
  // A member called on it: `m[k].size()`.
  if (const auto *Member = dyn_cast<MemberExpr>(Parent)) {
    const Stmt *Call = Parents.parentOf(Member);
    while (Call && isa<ParenExpr>(Call))
      Call = Parents.parentOf(Call);
    if (const auto *MemberCall = dyn_cast_or_null<CXXMemberCallExpr>(Call);
        MemberCall && MemberCall->getCallee()->IgnoreParens() == Member)
      Use.Reads =
          MemberCall->getMethodDecl() && MemberCall->getMethodDecl()->isConst();
    return Use;
  }
  // Bound to a reference: only a const one reads.
  if (const auto *Declaration = dyn_cast<DeclStmt>(Parent)) {
    for (const Decl *D : Declaration->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D);
          Var && Var->getInit() == Child)
        Use.Reads = isConstRef(Var->getType());
    return Use;
  }
  // Passed as an argument: by value or const reference reads; the object of
  // a member operator reads when the operator is const.
  if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return Use;
    unsigned Offset =
        isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      if (Call->getArg(I) != Child)
        continue;
      if (I < Offset)
        Use.Reads = cast<CXXMethodDecl>(Callee)->isConst();
      else
        Use.Reads = I - Offset < Callee->getNumParams() &&
                    isConstRef(Callee->getParamDecl(I - Offset)->getType());
      return Use;
    }
  }
  return Use;
}

void SubscriptLookupCheck::onEndOfTranslationUnit() {
  Flows.clear();
  Locks.clear();
  Reported.clear();
  Seen.clear();
  Parents.build(nullptr);
}

const FunctionDecl *
SubscriptLookupCheck::enclosingFunction(const Expr *E,
                                        const ASTContext &Ctx) const {
  // The function the traversal is in, if the expression lies in its body
  // (not, say, in a namespace-scope initialiser after it).
  return Position->functionContaining(E, Ctx.getSourceManager());
}

bool SubscriptLookupCheck::keyIsManaged(const ContainerOperation &Op,
                                        const FunctionDecl *FD,
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
  const FunctionFlow *Flow = Flows.get(FD, Ctx);
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
  return Lexer::getSourceText(
      CharSourceRange::getTokenRange(E->getSourceRange()),
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
  const auto *Subscript =
      Result.Nodes.getNodeAs<CXXOperatorCallExpr>("subscript");
  if (!Subscript || Seen.contains(Subscript))
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
  const FunctionDecl *FD = enclosingFunction(Subscript, Ctx);
  if (!FD)
    return; // cannot tell the context or the key's other uses: stay silent
  if (Parents.body() != FD->getBody())
    Parents.build(FD->getBody());
  const SubscriptUse Use = useOf(Subscript);
  if (!Use.Reads || keyIsManaged(*Op, FD, Ctx))
    return;
  // Under a shared lock `m[k]` is a write racing with the other readers:
  // containers-unsynchronized-mutation reports it, with the lock; one
  // warning per expression.
  if (MutationCheckEnabled && !Op->Container.isLocalObject())
    if (const LockScope *Scope = Locks.containing(FD, Subscript);
        Scope && Scope->onlySharedAt(Subscript))
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
  const bool InCondition = Use.InCondition;
  const bool Negated = Use.Negated;
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
    diag(Loc,
         "look the key up without inserting: 'find', 'count', "
         "'contains' (C++20) or 'at'",
         DiagnosticIDs::Note);
}

} // namespace clang::tidy::containers
