// containers-subscript-lookup and containers-unsynchronized-mutation never
// both warn on one `m[k]`: under a shared (reader) lock, a read through
// operator[] is a write racing with the other readers, which
// containers-unsynchronized-mutation reports; containers-subscript-lookup
// stays silent there when that check is enabled, and reports it otherwise.
// RUN: %clang_tidy -checks='-*,containers-subscript-lookup,containers-unsynchronized-mutation' %s -- %mock_std \
// RUN:   | FileCheck %s -check-prefixes=BOTH,CHECK -implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy -checks='-*,containers-subscript-lookup' %s -- %mock_std \
// RUN:   | FileCheck %s -check-prefixes=ALONE,CHECK -implicit-check-not='{{warning|error}}:'

#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>

class Config {
public:
  int underReaderLock(const std::string &k) {
    std::shared_lock<std::shared_mutex> r(mu_);
    return values_[k];
    // BOTH: :[[@LINE-1]]:12: warning: 'values_' is modified by 'operator[]', which inserts a missing key, while only a shared lock on 'mu_' is held; other readers race with the write [containers-unsynchronized-mutation]
    // BOTH: :[[@LINE-3]]:41: note: the shared lock on 'mu_' is taken here
    // ALONE: :[[@LINE-3]]:12: warning: 'values_[k]' is only read here; operator[] inserts a default value when 'k' is missing [containers-subscript-lookup]
    // ALONE: :[[@LINE-4]]:12: note: look the key up without inserting
  }
  int underWriterLock(const std::string &k) {
    std::unique_lock<std::shared_mutex> w(mu_);
    return values_[k];
    // CHECK: :[[@LINE-1]]:12: warning: 'values_[k]' is only read here; operator[] inserts a default value when 'k' is missing [containers-subscript-lookup]
    // CHECK: :[[@LINE-2]]:12: note: look the key up without inserting
  }
  int inLambda(const std::string &k) {
    auto f = [&] {
      std::shared_lock<std::shared_mutex> r(mu_);
      return values_[k];
      // BOTH: :[[@LINE-1]]:14: warning: 'values_' is modified by 'operator[]', which inserts a missing key, while only a shared lock on 'mu_' is held
      // BOTH: :[[@LINE-3]]:43: note: the shared lock on 'mu_' is taken here
      // ALONE: :[[@LINE-3]]:14: warning: 'values_[k]' is only read here; operator[] inserts a default value when 'k' is missing [containers-subscript-lookup]
      // ALONE: :[[@LINE-4]]:14: note: look the key up without inserting
    };
    return f();
  }

private:
  std::shared_mutex mu_;
  std::map<std::string, int> values_;
};
