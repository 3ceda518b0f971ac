//===- LockScope.cpp ------------------------------------------------------===//

#include "lib/LockScope.h"
#include "lib/ContainerModel.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::containers {

static bool parsePatterns(llvm::StringRef Spec, std::vector<llvm::Regex> &Out,
                          std::string &Error) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Spec.split(Parts, ';', -1, /*KeepEmpty=*/false);
  std::vector<llvm::Regex> Patterns;
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (Part.empty())
      continue;
    llvm::Regex Regex(("^(" + Part + ")$").str());
    std::string RegexError;
    if (!Regex.isValid(RegexError)) {
      Error = "'" + Part.str() + "' is not a valid regex: " + RegexError;
      return false;
    }
    Patterns.push_back(std::move(Regex));
  }
  if (Patterns.empty()) {
    Error = "the list of types is empty";
    return false;
  }
  Out = std::move(Patterns);
  return true;
}

LockVocabulary::LockVocabulary() {
  std::string Unused;
  parsePatterns(DefaultMutexTypes, MutexPatterns, Unused);
  parsePatterns(DefaultLockTypes, LockPatterns, Unused);
}

bool LockVocabulary::setMutexTypes(llvm::StringRef Spec, std::string &Error) {
  MutexCache.clear();
  return parsePatterns(Spec, MutexPatterns, Error);
}

bool LockVocabulary::setLockTypes(llvm::StringRef Spec, std::string &Error) {
  GuardCache.clear();
  return parsePatterns(Spec, LockPatterns, Error);
}

/// The name the patterns are matched against: `std::unique_lock` for
/// `std::__1::unique_lock<std::__1::mutex>`.
static std::string patternName(const CXXRecordDecl *RD) {
  const NamedDecl *Named = RD;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    Named = Spec->getSpecializedTemplate();
  return ContainerModel::qualifiedName(Named);
}

static bool matchesAny(const std::vector<llvm::Regex> &Patterns,
                       const std::string &Name) {
  for (const llvm::Regex &Pattern : Patterns)
    if (Pattern.match(Name))
      return true;
  return false;
}

static const CXXRecordDecl *recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T->getAsCXXRecordDecl();
}

bool LockVocabulary::isMutex(QualType T) const {
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD)
    return false;
  auto [It, Inserted] = MutexCache.try_emplace(RD->getCanonicalDecl(), false);
  if (!Inserted)
    return It->second;
  bool Result = false;
  // The class, or a base of it (a user mutex derived from std::mutex).
  llvm::SmallVector<const CXXRecordDecl *, 4> Work{RD};
  for (unsigned Visited = 0; !Work.empty() && Visited < 6 && !Result;
       ++Visited) {
    const CXXRecordDecl *Current = Work.pop_back_val();
    if (matchesAny(MutexPatterns, patternName(Current)) ||
        Current->hasAttr<CapabilityAttr>()) {
      Result = true;
      break;
    }
    if (const CXXRecordDecl *Def = Current->getDefinition())
      for (const CXXBaseSpecifier &Base : Def->bases())
        if (const CXXRecordDecl *BaseRD = Base.getType()->getAsCXXRecordDecl())
          Work.push_back(BaseRD);
  }
  MutexCache[RD->getCanonicalDecl()] = Result;
  return Result;
}

bool LockVocabulary::isGuard(QualType T, bool &Shared) const {
  Shared = false;
  if (T.isNull() || T->isPointerType())
    return false;
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return false;
  // 0: not a guard, 1: exclusive, 2: shared.
  auto [It, Inserted] = GuardCache.try_emplace(RD->getCanonicalDecl(), 0);
  if (Inserted) {
    std::string Name = patternName(RD);
    signed char Kind = 0;
    if (matchesAny(LockPatterns, Name) || RD->hasAttr<ScopedLockableAttr>())
      Kind = Name == "std::shared_lock" ? 2 : 1;
    It->second = Kind;
  }
  Shared = It->second == 2;
  return It->second != 0;
}

namespace {

bool startsWith(llvm::StringRef S, llvm::StringRef Prefix) {
  return S.substr(0, Prefix.size()) == Prefix;
}

/// Strips `&m` (a guard taking a pointer) down to `m`.
const Expr *stripAddressOf(const Expr *E) {
  E = ignoreWrappers(E);
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_AddrOf)
    return ignoreWrappers(U->getSubExpr());
  return E;
}

struct Entry {
  HeldLock Lock;
  const VarDecl *Guard = nullptr; ///< null for a `lock()` region
  const Stmt *Scope = nullptr;    ///< a guard ends with this statement
  bool Active = true;

  bool sameAs(const Entry &Other) const {
    return Guard == Other.Guard && Lock.Mode == Other.Lock.Mode &&
           Lock.Mutex.has_value() == Other.Lock.Mutex.has_value() &&
           (!Lock.Mutex || *Lock.Mutex == *Other.Lock.Mutex);
  }
};
using State = llvm::SmallVector<Entry, 4>;

/// After two paths join: held on both → as it was; on one only → maybe.
State merge(const State &A, const State &B) {
  State Result;
  llvm::SmallVector<bool, 4> UsedB(B.size(), false);
  for (const Entry &EA : A) {
    Entry Merged = EA;
    bool Found = false;
    for (size_t I = 0; I < B.size(); ++I) {
      if (UsedB[I] || !EA.sameAs(B[I]))
        continue;
      UsedB[I] = Found = true;
      const Entry &EB = B[I];
      Merged.Active = EA.Active || EB.Active;
      Merged.Lock.Certain =
          EA.Active && EB.Active && EA.Lock.Certain && EB.Lock.Certain;
      break;
    }
    if (!Found)
      Merged.Lock.Certain = false;
    Result.push_back(Merged);
  }
  for (size_t I = 0; I < B.size(); ++I)
    if (!UsedB[I]) {
      Result.push_back(B[I]);
      Result.back().Lock.Certain = false;
    }
  return Result;
}

} // namespace

class LockWalker {
public:
  LockWalker(const LockVocabulary &Vocabulary, LockScope &Out)
      : Vocabulary(Vocabulary), Out(Out) {
    Out.Sets.emplace_back(); // the empty set
  }

  void run(const FunctionDecl *FD) {
    for (const auto *Attr : FD->specific_attrs<RequiresCapabilityAttr>())
      for (const Expr *Arg : Attr->args()) {
        Entry E;
        E.Lock.Mutex = ContainerRef::fromExpr(stripAddressOf(Arg));
        E.Lock.Mode = Attr->isShared() ? LockMode::Shared : LockMode::Exclusive;
        E.Lock.Loc = FD->getLocation();
        E.Lock.Assumed = true;
        Cur.push_back(E);
      }
    // A function handed a guard runs with its lock held.
    for (const ParmVarDecl *Param : FD->parameters()) {
      bool Shared;
      if (Vocabulary.isGuard(Param->getType(), Shared)) {
        Entry E;
        E.Lock.Loc = Param->getLocation();
        E.Lock.Assumed = true;
        Cur.push_back(E);
      }
    }
    walk(FD->getBody());
  }

private:
  void record(const Stmt *S) {
    if (Dirty) {
      LockSet Set;
      for (const Entry &E : Cur)
        if (E.Active)
          Set.push_back(E.Lock);
      if (Set.empty()) {
        CurSet = 0;
      } else {
        Out.Sets.push_back(std::move(Set));
        CurSet = Out.Sets.size() - 1;
      }
      Dirty = false;
    }
    Out.SetAt.try_emplace(S, CurSet);
  }

  void setState(State S) {
    Cur = std::move(S);
    Dirty = true;
  }

  void endScope(const Stmt *S) {
    size_t Before = Cur.size();
    llvm::erase_if(Cur,
                   [S](const Entry &E) { return E.Guard && E.Scope == S; });
    if (Cur.size() != Before)
      Dirty = true;
  }

  const Stmt *currentScope() const {
    return Scopes.empty() ? nullptr : Scopes.back();
  }

  void addGuard(const VarDecl *Var) {
    bool Shared;
    if (!Var->hasLocalStorage() || !Vocabulary.isGuard(Var->getType(), Shared))
      return;
    Entry Base;
    Base.Guard = Var;
    Base.Scope = currentScope();
    Base.Lock.Loc = Var->getLocation();
    const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(
        Var->getInit() ? ignoreWrappers(Var->getInit()) : nullptr);
    if (!Construct) {
      // A guard from a factory or a move: held, mutex unknown.
      Cur.push_back(Base);
      Dirty = true;
      return;
    }
    if (const CXXConstructorDecl *Ctor = Construct->getConstructor())
      for (const auto *Attr : Ctor->specific_attrs<AcquireCapabilityAttr>())
        Shared |= Attr->isShared();
    Base.Lock.Mode = Shared ? LockMode::Shared : LockMode::Exclusive;
    bool Deferred = false, Try = false;
    llvm::SmallVector<std::optional<ContainerRef>, 2> Mutexes;
    for (const Expr *Arg : Construct->arguments()) {
      if (isa<CXXDefaultArgExpr>(Arg))
        continue;
      QualType T = Arg->getType();
      if (const CXXRecordDecl *RD =
              T.getNonReferenceType()->getAsCXXRecordDecl()) {
        std::string Name = ContainerModel::qualifiedName(RD);
        if (Name == "std::defer_lock_t") {
          Deferred = true;
          continue;
        }
        if (Name == "std::try_to_lock_t") {
          Try = true;
          continue;
        }
      }
      if (Vocabulary.isMutex(T))
        Mutexes.push_back(ContainerRef::fromExpr(stripAddressOf(Arg)));
    }
    if (Construct->getNumArgs() == 0) {
      // Default-constructed: it may be assigned a lock later; maybe held.
      Base.Lock.Certain = false;
      Cur.push_back(Base);
      Dirty = true;
      return;
    }
    if (Mutexes.empty())
      Mutexes.push_back(std::nullopt);
    for (const std::optional<ContainerRef> &Mutex : Mutexes) {
      Entry E = Base;
      E.Lock.Mutex = Mutex;
      E.Lock.Certain = !Try;
      E.Active = !Deferred;
      Cur.push_back(E);
    }
    Dirty = true;
  }

  /// Lock effects of a call, applied after its arguments are evaluated.
  void applyCall(const CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return;
    llvm::StringRef Name =
        Callee->getIdentifier() ? Callee->getName() : llvm::StringRef();
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
      const Expr *Object = MC->getImplicitObjectArgument();
      if (!Object)
        return;
      Object = ignoreWrappers(Object);
      // `lk.unlock()` / `lk.lock()` on a guard of this function.
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Object)) {
        bool Found = false;
        for (Entry &E : Cur) {
          if (E.Guard != Ref->getDecl())
            continue;
          Found = true;
          if (Name == "unlock") {
            E.Active = false;
          } else if (Name == "lock") {
            E.Active = true;
            E.Lock.Certain = true;
          } else if (startsWith(Name, "try_lock")) {
            E.Active = true;
            E.Lock.Certain = false;
          }
        }
        if (Found) {
          Dirty = true;
          return;
        }
      }
      if (!Vocabulary.isMutex(Object->getType()))
        return;
      bool Acquire = false, Release = false, Shared = false, Try = false;
      if (Name == "lock" || Name == "lock_shared") {
        Acquire = true;
        Shared = Name == "lock_shared";
      } else if (startsWith(Name, "try_lock")) {
        Acquire = Try = true;
        Shared = startsWith(Name, "try_lock_shared");
      } else if (Name == "unlock" || Name == "unlock_shared") {
        Release = true;
      }
      for (const auto *Attr : Callee->specific_attrs<AcquireCapabilityAttr>())
        if (Attr->args_size() == 0) {
          Acquire = true;
          Shared = Attr->isShared();
        }
      for (const auto *Attr :
           Callee->specific_attrs<TryAcquireCapabilityAttr>())
        if (Attr->args_size() == 0) {
          Acquire = Try = true;
          Shared = Attr->isShared();
        }
      for (const auto *Attr : Callee->specific_attrs<ReleaseCapabilityAttr>())
        if (Attr->args_size() == 0)
          Release = true;
      std::optional<ContainerRef> Mutex = ContainerRef::fromExpr(Object);
      if (Acquire)
        acquire(Mutex, Shared, Try, Call->getBeginLoc());
      else if (Release)
        release(Mutex);
      return;
    }
    // `std::lock(a, b)` takes every argument.
    if (Callee->isInStdNamespace() && Name == "lock")
      for (const Expr *Arg : Call->arguments())
        if (Vocabulary.isMutex(Arg->getType()))
          acquire(ContainerRef::fromExpr(stripAddressOf(Arg)), false, false,
                  Call->getBeginLoc());
  }

  void acquire(const std::optional<ContainerRef> &Mutex, bool Shared, bool Try,
               SourceLocation Loc) {
    Entry E;
    E.Lock.Mutex = Mutex;
    E.Lock.Mode = Shared ? LockMode::Shared : LockMode::Exclusive;
    E.Lock.Loc = Loc;
    E.Lock.Certain = !Try;
    Cur.push_back(E);
    Dirty = true;
  }

  void release(const std::optional<ContainerRef> &Mutex) {
    if (!Mutex) {
      // An unknown mutex released: forget every region, to be safe the
      // other way round nothing is reported as surely shared.
      llvm::erase_if(Cur, [](const Entry &E) { return !E.Guard; });
    } else {
      llvm::erase_if(Cur, [&](const Entry &E) {
        return !E.Guard && E.Lock.Mutex && *E.Lock.Mutex == *Mutex;
      });
    }
    Dirty = true;
  }

  bool isNoReturnCall(const Stmt *S) {
    const auto *Call = dyn_cast<CallExpr>(S);
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(S))
      Call = dyn_cast<CallExpr>(Cleanups->getSubExpr());
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    return Callee && Callee->isNoReturn();
  }

  /// Walks \p S; returns true when the path ends in it (return, throw,
  /// break, continue, a call that does not return).
  bool walk(const Stmt *S) {
    if (!S)
      return false;
    record(S);
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      Out.Lambdas.push_back(Lambda);
      return false; // a separate function
    }
    if (isa<BlockExpr>(S))
      return false;
    if (isa<ReturnStmt>(S)) {
      walkChildren(S);
      return true;
    }
    if (isa<BreakStmt, ContinueStmt, GotoStmt>(S))
      return true;
    if (const auto *Throw = dyn_cast<CXXThrowExpr>(S)) {
      walkChildren(Throw);
      return true;
    }
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(S))
      return walk(Cleanups->getSubExpr());
    if (const auto *Compound = dyn_cast<CompoundStmt>(S))
      return walkCompound(Compound);
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D)) {
          walk(Var->getInit());
          addGuard(Var);
        }
      return false;
    }
    if (const auto *If = dyn_cast<IfStmt>(S))
      return walkIf(If);
    if (isa<WhileStmt, ForStmt, CXXForRangeStmt, DoStmt, SwitchStmt>(S))
      return walkLoopOrSwitch(S);
    if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
      bool Ends = walk(Try->getTryBlock());
      State After = Cur;
      for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
        walk(Try->getHandler(I));
        setState(After);
      }
      return Ends;
    }
    walkChildren(S);
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      applyCall(Call);
      return isNoReturnCall(Call);
    }
    return false;
  }

  void walkChildren(const Stmt *S) {
    for (const Stmt *Child : S->children())
      walk(Child);
  }

  bool walkCompound(const CompoundStmt *Compound) {
    Scopes.push_back(Compound);
    bool Ended = false;
    for (const Stmt *Child : Compound->body()) {
      if (Ended) {
        // A case label or a label is reached from elsewhere; anything else
        // after a return is unreachable (and left unknown).
        if (isa<SwitchCase>(Child) && !SwitchEntries.empty()) {
          setState(SwitchEntries.back());
          Ended = false;
        } else if (isa<LabelStmt>(Child)) {
          Ended = false;
        } else {
          continue;
        }
      }
      Ended = walk(Child);
    }
    endScope(Compound);
    Scopes.pop_back();
    return Ended;
  }

  bool walkIf(const IfStmt *If) {
    Scopes.push_back(If);
    walk(If->getInit());
    if (const DeclStmt *CondVar = If->getConditionVariableDeclStmt())
      walk(CondVar);
    else
      walk(If->getCond());
    State Before = Cur;
    bool ThenEnds = walk(If->getThen());
    State AfterThen = Cur;
    setState(Before);
    bool ElseEnds = walk(If->getElse());
    if (ThenEnds && !ElseEnds)
      ; // Cur is the state after the else branch
    else if (ElseEnds && !ThenEnds)
      setState(AfterThen);
    else if (!ThenEnds && !ElseEnds)
      setState(merge(AfterThen, Cur));
    endScope(If);
    Scopes.pop_back();
    return ThenEnds && ElseEnds;
  }

  bool walkLoopOrSwitch(const Stmt *S) {
    Scopes.push_back(S);
    const Stmt *Body = nullptr;
    const bool IsSwitch = isa<SwitchStmt>(S);
    if (const auto *While = dyn_cast<WhileStmt>(S)) {
      if (const DeclStmt *CondVar = While->getConditionVariableDeclStmt())
        walk(CondVar);
      else
        walk(While->getCond());
      Body = While->getBody();
    } else if (const auto *For = dyn_cast<ForStmt>(S)) {
      walk(For->getInit());
      if (const DeclStmt *CondVar = For->getConditionVariableDeclStmt())
        walk(CondVar);
      else
        walk(For->getCond());
      Body = For->getBody();
    } else if (const auto *Range = dyn_cast<CXXForRangeStmt>(S)) {
      walk(Range->getInit());
      walk(Range->getRangeInit());
      Body = Range->getBody();
    } else if (const auto *Do = dyn_cast<DoStmt>(S)) {
      Body = Do->getBody();
    } else if (const auto *Switch = dyn_cast<SwitchStmt>(S)) {
      walk(Switch->getInit());
      if (const DeclStmt *CondVar = Switch->getConditionVariableDeclStmt())
        walk(CondVar);
      else
        walk(Switch->getCond());
      Body = Switch->getBody();
    }
    State Before = Cur;
    if (IsSwitch)
      SwitchEntries.push_back(Before);
    bool BodyEnds = walk(Body);
    if (IsSwitch)
      SwitchEntries.pop_back();
    if (const auto *For = dyn_cast<ForStmt>(S))
      walk(For->getInc());
    if (const auto *Do = dyn_cast<DoStmt>(S))
      walk(Do->getCond());
    // The body may run zero times (and may leave early).
    if (!isa<DoStmt>(S) || BodyEnds)
      setState(BodyEnds ? Before : merge(Before, Cur));
    endScope(S);
    Scopes.pop_back();
    return false;
  }

  const LockVocabulary &Vocabulary;
  LockScope &Out;
  State Cur;
  unsigned CurSet = 0;
  bool Dirty = true;
  llvm::SmallVector<const Stmt *, 16> Scopes;
  llvm::SmallVector<State, 2> SwitchEntries;
};

std::unique_ptr<LockScope> LockScope::build(const FunctionDecl *FD,
                                            const LockVocabulary &Vocabulary) {
  if (!FD || !FD->getBody())
    return nullptr;
  auto Scope = std::unique_ptr<LockScope>(new LockScope());
  Scope->Annotated = FD->hasAttr<RequiresCapabilityAttr>() ||
                     FD->hasAttr<AcquireCapabilityAttr>() ||
                     FD->hasAttr<ReleaseCapabilityAttr>() ||
                     FD->hasAttr<TryAcquireCapabilityAttr>() ||
                     FD->hasAttr<AssertCapabilityAttr>() ||
                     FD->hasAttr<NoThreadSafetyAnalysisAttr>();
  LockWalker(Vocabulary, *Scope).run(FD);
  return Scope;
}

const LockSet *LockScope::heldAt(const Stmt *S) const {
  auto It = SetAt.find(S);
  if (It == SetAt.end())
    return nullptr;
  return &Sets[It->second];
}

bool LockScope::anyHeldAt(const Stmt *S) const {
  const LockSet *Set = heldAt(S);
  return Set && !Set->empty();
}

const HeldLock *LockScope::onlySharedAt(const Stmt *S) const {
  const LockSet *Set = heldAt(S);
  if (!Set)
    return nullptr;
  const HeldLock *Shared = nullptr;
  for (const HeldLock &Lock : *Set) {
    if (Lock.Mode == LockMode::Exclusive)
      return nullptr;
    if (!Shared && Lock.Certain && Lock.Mutex)
      Shared = &Lock;
  }
  return Shared;
}

const LockScope *LockScopeCache::containing(const FunctionDecl *FD,
                                            const Stmt *S, unsigned Depth) {
  const LockScope *Scope = get(FD);
  if (!Scope || Depth > 8)
    return nullptr;
  if (Scope->heldAt(S))
    return Scope;
  for (const LambdaExpr *Lambda : Scope->lambdas())
    if (const LockScope *Inner =
            containing(Lambda->getCallOperator(), S, Depth + 1))
      return Inner;
  return nullptr;
}

const LockScope *LockScopeCache::get(const FunctionDecl *FD) {
  auto [It, Inserted] = Scopes.try_emplace(FD);
  if (Inserted)
    It->second = LockScope::build(FD, Vocabulary);
  return It->second.get();
}

} // namespace clang::tidy::containers
