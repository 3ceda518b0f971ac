//===- UnsynchronizedMutationCheck.h - containers-unsynchronized-mutation -===//

#ifndef CONTAINERS_TIDY_CHECKS_UNSYNCHRONIZEDMUTATIONCHECK_H
#define CONTAINERS_TIDY_CHECKS_UNSYNCHRONIZEDMUTATIONCHECK_H

#include "lib/ClassGuards.h"
#include "lib/Compat.h"
#include "lib/ConcurrentContext.h"
#include "lib/ContainersCheck.h"
#include "lib/FunctionFlow.h"
#include "lib/LockScope.h"
#include "lib/StartOverlap.h"
#include "lib/TraversalPosition.h"
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
  /// A concurrent start whose callable rule 1 can follow: a lambda, or a
  /// function defined in this TU.
  struct StartedCallable {
    ConcurrentStart Start;
    /// The function whose body has the start (for a lambda, the one that
    /// creates it).
    const FunctionDecl *Creator = nullptr;
    /// What runs: the lambda's call operator or the function's definition.
    const FunctionDecl *Body = nullptr;
    /// The same callable started twice has the same identity.
    const Decl *Identity = nullptr;
  };

  bool isMutation(const ContainerOperation &Op) const;
  /// A container type named by ThreadSafeContainers, or (with
  /// \p OrAnnotated) a member marked `guarded_by`.
  bool isThreadSafe(const ContainerRef &Container,
                    bool OrAnnotated = true) const;
  bool hasLockedSuffix(const FunctionDecl *FD) const;

  void checkReaderLocks(const FunctionDecl *FD, unsigned Depth = 0);
  void checkClassGuards();
  void checkStart(const StartedCallable &Started);
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
  ClassGuards Guards{Flows, Locks, Vocabulary};
  StartOverlap Overlap{Flows};
  ReportOnce Reported;
  std::shared_ptr<TraversalPosition> Position;
  ASTContext *Context = nullptr;
  llvm::SetVector<const FunctionDecl *> LockingFunctions;
  std::vector<StartedCallable> Starts;
};

} // namespace clang::tidy::containers

#endif // CONTAINERS_TIDY_CHECKS_UNSYNCHRONIZEDMUTATIONCHECK_H
