//===- UnsynchronizedMutationCheck.h - containers-unsynchronized-mutation -===//

#ifndef CONTAINERS_TIDY_CHECKS_UNSYNCHRONIZEDMUTATIONCHECK_H
#define CONTAINERS_TIDY_CHECKS_UNSYNCHRONIZEDMUTATIONCHECK_H

#include "lib/Compat.h"
#include "lib/ConcurrentContext.h"
#include "lib/ContainersCheck.h"
#include "lib/FunctionFlow.h"
#include "lib/LockScope.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <vector>

namespace clang::tidy::containers {

/// A container mutated in code that runs concurrently, or outside the mutex
/// that guards it elsewhere in its class, without a lock held; map
/// `operator[]` counts as a write, also under a shared (reader) lock.
///
/// For the user-facing documentation see
/// docs/checks/containers-unsynchronized-mutation.md
class UnsynchronizedMutationCheck : public ContainersCheck {
public:
  UnsynchronizedMutationCheck(llvm::StringRef Name, ClangTidyContext *Context);
  ~UnsynchronizedMutationCheck() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerProgramMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// The members of a class with a mutex member, seen in this TU.
  struct ClassInfo {
    llvm::SetVector<const FunctionDecl *> Methods;
    llvm::SetVector<const LambdaExpr *> Lambdas;
  };
  /// An access to a member container in a member function (or a lambda in
  /// one), with its lock state.
  struct MemberAccess;
  class CreatorFacts;

  bool isMutexClass(const CXXRecordDecl *RD);
  bool isMutation(const ContainerOperation &Op) const;
  /// A container type named by ThreadSafeContainers, or (with
  /// \p OrAnnotated) a member marked `guarded_by`.
  bool isThreadSafe(const ContainerRef &Container,
                    bool OrAnnotated = true) const;
  bool hasLockedSuffix(const FunctionDecl *FD) const;

  void checkReaderLocks(const FunctionDecl *FD, unsigned Depth = 0);
  void checkClass(const CXXRecordDecl *RD, const ClassInfo &Info);
  void checkStart(const ConcurrentStart &Start);
  /// Reports once per operation, whichever rule sees it first.
  bool firstReport(const ContainerOperation &Op);

  std::string MutexTypesKey, LockTypesKey, ExecutorFunctionsKey;
  const std::string MutexTypes;
  const std::string LockTypes;
  const std::string LockedSuffixes;
  const std::string ThreadSafeContainers;
  const std::string ExecutorFunctions;
  const bool FlagUnlockedReads;
  llvm::SmallVector<std::string, 4> Suffixes;
  std::vector<llvm::Regex> ThreadSafePatterns;
  LockVocabulary Vocabulary;
  ConcurrentContext Concurrent;

  FunctionFlowCache Flows{Model};
  LockScopeCache Locks{Vocabulary};
  ReportOnce Reported;
  ASTContext *Context = nullptr;
  llvm::DenseMap<const CXXRecordDecl *, bool> MutexClasses;
  llvm::MapVector<const CXXRecordDecl *, ClassInfo> Classes;
  llvm::SetVector<const FunctionDecl *> LockingFunctions;
  std::vector<ConcurrentStart> Starts;
  llvm::DenseMap<const LambdaExpr *, unsigned> StartOfLambda;
  /// Calls of private member functions, by callee.
  llvm::DenseMap<const CXXMethodDecl *,
                 llvm::SmallVector<const CXXMemberCallExpr *, 2>>
      PrivateCalls;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<CreatorFacts>> Creators;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_CHECKS_UNSYNCHRONIZEDMUTATIONCHECK_H
