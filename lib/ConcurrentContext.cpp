//===- ConcurrentContext.cpp ----------------------------------------------===//

#include "lib/ConcurrentContext.h"
#include "lib/ContainerAccess.h"
#include "lib/ContainerModel.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/Support/Regex.h"

using namespace clang::ast_matchers;

namespace clang::tidy::containers {

// The thread classes, in the spelling hasAnyName() and qualifiedName() share
// (inline namespaces such as std::__1 are skipped by both).
static constexpr llvm::StringLiteral ThreadClasses[] = {"std::thread",
                                                        "std::jthread"};
// The members through which a container of threads constructs one from its
// arguments.
static constexpr llvm::StringLiteral ThreadEmplacers[] = {
    "emplace_back", "emplace_front", "emplace"};

static void splitNames(llvm::StringRef Spec, std::vector<std::string> &Names) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Spec.split(Parts, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts)
    if (!Part.trim().empty())
      Names.push_back(Part.trim().str());
}

ConcurrentContext::ConcurrentContext() {
  splitNames(DefaultExecutorFunctions, ExecutorNames);
}

bool ConcurrentContext::setExecutorFunctions(llvm::StringRef Spec,
                                             std::string &Error) {
  std::vector<std::string> Names;
  splitNames(Spec, Names);
  static const llvm::Regex Identifier(
      "^(::)?[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*$");
  for (const std::string &Name : Names)
    if (!Identifier.match(Name)) {
      Error = "'" + Name +
              "' is not a function name (expected a name such as 'post' or "
              "a qualified one such as 'boost::asio::post')";
      return false;
    }
  ExecutorNames = std::move(Names);
  return true;
}

std::vector<StatementMatcher> ConcurrentContext::starterMatchers() const {
  std::vector<llvm::StringRef> Threads(std::begin(ThreadClasses),
                                       std::end(ThreadClasses));
  std::vector<llvm::StringRef> Emplacers(std::begin(ThreadEmplacers),
                                         std::end(ThreadEmplacers));
  std::vector<llvm::StringRef> Functions(ExecutorNames.begin(),
                                         ExecutorNames.end());
  Functions.push_back("::std::async");
  return {cxxConstructExpr(
              hasDeclaration(cxxConstructorDecl(ofClass(hasAnyName(Threads)))),
              unless(isExpansionInSystemHeader()))
              .bind("concurrent-start"),
          callExpr(callee(functionDecl(hasAnyName(Functions))),
                   unless(isExpansionInSystemHeader()))
              .bind("concurrent-start"),
          cxxMemberCallExpr(callee(cxxMethodDecl(hasAnyName(Emplacers))),
                            unless(isExpansionInSystemHeader()))
              .bind("concurrent-start")};
}

StatementMatcher ConcurrentContext::starterMatcher() const {
  std::vector<StatementMatcher> Kinds = starterMatchers();
  return stmt(anyOf(Kinds[0], Kinds[1], Kinds[2]));
}

bool isCallableType(QualType T) {
  if (T.isNull() || T->isDependentType())
    return false;
  T = T.getNonReferenceType();
  if (T->isFunctionType() || T->isFunctionPointerType() ||
      T->isMemberFunctionPointerType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  if (RD->isLambda())
    return true;
  // A class with operator(), in itself or a base (std::function and its
  // library-internal bases).
  llvm::SmallVector<const CXXRecordDecl *, 4> Work{RD};
  for (unsigned Visited = 0; !Work.empty() && Visited < 8; ++Visited) {
    const CXXRecordDecl *Current = Work.pop_back_val()->getDefinition();
    if (!Current)
      continue;
    for (const CXXMethodDecl *Method : Current->methods())
      if (Method->getOverloadedOperator() == OO_Call)
        return true;
    for (const Decl *Member : Current->decls())
      if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Member);
          Template &&
          Template->getTemplatedDecl()->getOverloadedOperator() == OO_Call)
        return true;
    for (const CXXBaseSpecifier &Base : Current->bases())
      if (const CXXRecordDecl *BaseRD = Base.getType()->getAsCXXRecordDecl())
        Work.push_back(BaseRD);
  }
  return false;
}

/// The lambda \p Callable is, directly or through one local variable
/// initialised with it.
static const LambdaExpr *lambdaOf(const Expr *Callable) {
  if (const auto *Lambda = dyn_cast<LambdaExpr>(Callable))
    return Lambda;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Callable))
    if (const auto *Var = dyn_cast<VarDecl>(DRE->getDecl()))
      if (Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) && Var->getInit())
        return dyn_cast<LambdaExpr>(ignoreCopy(Var->getInit()));
  return nullptr;
}

/// The function \p Callable names, with the arguments passed after it
/// (\p After): `f`, `&f`, `&C::run` directly or as the first argument of a
/// `bind` call; sets Start.Function and Start.OnThis.
static void namedFunction(const Expr *Callable,
                          llvm::ArrayRef<const Expr *> After,
                          ConcurrentStart &Start) {
  const Expr *E = ignoreWrappers(Callable);
  llvm::SmallVector<const Expr *, 4> BoundArgs;
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !Callee->getIdentifier() || Callee->getName() != "bind" ||
        Call->getNumArgs() == 0)
      return;
    std::string Name = ContainerModel::qualifiedName(Callee);
    if (Name != "std::bind" && Name.compare(0, 7, "boost::") != 0)
      return;
    E = ignoreWrappers(Call->getArg(0));
    for (unsigned I = 1; I < Call->getNumArgs(); ++I)
      BoundArgs.push_back(Call->getArg(I));
    After = BoundArgs;
  }
  if (const auto *AddrOf = dyn_cast<UnaryOperator>(E);
      AddrOf && AddrOf->getOpcode() == UO_AddrOf)
    E = AddrOf->getSubExpr()->IgnoreParenImpCasts();
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *FD = Ref ? dyn_cast<FunctionDecl>(Ref->getDecl()) : nullptr;
  if (!FD)
    return;
  Start.Function = FD;
  const auto *Method = dyn_cast<CXXMethodDecl>(FD);
  Start.OnThis = Method && Method->isInstance() && !After.empty() &&
                 isa<CXXThisExpr>(ignoreWrappers(After.front()));
}

static bool isThreadClass(const CXXRecordDecl *RD) {
  if (!RD)
    return false;
  std::string Name = ContainerModel::qualifiedName(RD);
  return llvm::is_contained(ThreadClasses, Name);
}

/// Is \p E a constant `std::launch` value that is exactly `deferred`? A
/// policy that is not a constant may be deferred too: it is treated the
/// same, so only policies that surely may run on another thread start one.
static bool mayBeDeferredOnly(const Expr *Policy, const ASTContext &Ctx) {
  const auto *Enum = Policy->getType()->getAs<EnumType>();
  if (!Enum)
    return true;
  Expr::EvalResult Value;
  if (Policy->isValueDependent() || !Policy->EvaluateAsInt(Value, Ctx))
    return true;
  for (const EnumConstantDecl *Constant : Enum->getDecl()->enumerators())
    if (Constant->getName() == "deferred")
      return Value.Val.getInt() == Constant->getInitVal();
  return true;
}

std::optional<ConcurrentStart> ConcurrentContext::match(const Expr *E) const {
  ConcurrentStart Start;
  Start.Starter = E;
  Start.Loc = E->getBeginLoc();
  const Expr *Callable = nullptr;
  // The arguments passed after the callable, for a member function's object.
  llvm::SmallVector<const Expr *, 4> After;
  auto ArgumentsAfter = [&](auto Arguments, unsigned Index) {
    unsigned I = 0;
    for (const Expr *Arg : Arguments)
      if (I++ > Index)
        After.push_back(Arg);
  };

  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    const CXXRecordDecl *RD = Construct->getConstructor()->getParent();
    if (!isThreadClass(RD) || Construct->getNumArgs() == 0)
      return std::nullopt;
    Start.Kind = StartKind::Thread;
    Start.Name = ContainerModel::qualifiedName(RD);
    Callable = Construct->getArg(0);
    ArgumentsAfter(Construct->arguments(), 0);
  } else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E);
             Member && Member->getMethodDecl() &&
             llvm::is_contained(ThreadEmplacers,
                                operationName(Member->getMethodDecl()))) {
    // `workers.emplace_back(f)` on a container whose elements are threads.
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(
        Member->getMethodDecl()->getParent());
    if (!Spec || Spec->getTemplateArgs().size() == 0 ||
        Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
      return std::nullopt;
    const CXXRecordDecl *Element =
        Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
    if (!isThreadClass(Element))
      return std::nullopt;
    // emplace(pos, f...) takes the position first; emplace on a set or map
    // of threads does not exist.
    unsigned First = operationName(Member->getMethodDecl()) == "emplace";
    if (Member->getNumArgs() <= First)
      return std::nullopt;
    Start.Kind = StartKind::Thread;
    Start.Name = ContainerModel::qualifiedName(Element);
    Callable = Member->getArg(First);
    ArgumentsAfter(Member->arguments(), First);
  } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return std::nullopt;
    if (Callee->isInStdNamespace() && Callee->getName() == "async") {
      if (Call->getNumArgs() == 0)
        return std::nullopt;
      unsigned First = 0;
      if (ignoreWrappers(Call->getArg(0))->getType()->isEnumeralType()) {
        if (mayBeDeferredOnly(ignoreWrappers(Call->getArg(0)),
                              Callee->getASTContext()) ||
            Call->getNumArgs() < 2)
          return std::nullopt;
        First = 1;
      }
      Start.Kind = StartKind::Async;
      Start.Name = "std::async";
      Callable = Call->getArg(First);
      ArgumentsAfter(Call->arguments(), First);
    } else {
      // An executor: the matcher checked the name; the callable is the
      // first argument that can be called.
      for (const Expr *Arg : Call->arguments())
        if (isCallableType(ignoreWrappers(Arg)->getType())) {
          Callable = Arg;
          break;
        }
      if (!Callable)
        return std::nullopt;
      Start.Kind = StartKind::Executor;
      Start.Name = Callee->getName().str();
    }
  } else {
    return std::nullopt;
  }

  if (!Callable || !isCallableType(ignoreWrappers(Callable)->getType()))
    return std::nullopt;
  Start.Callable = ignoreCopy(Callable);
  Start.Lambda = lambdaOf(Start.Callable);
  if (!Start.Lambda)
    namedFunction(Start.Callable, After, Start);
  return Start;
}

} // namespace clang::tidy::containers
