// A small session table of the kind services keep: sessions by id, an
// expiry sweep, and a few helpers. Two of the loops below have the bug
// containers-iterator-invalidation exists for; the others are the correct
// versions of the same code.
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

struct Session {
  std::string user;
  std::chrono::steady_clock::time_point lastSeen;
  std::vector<std::string> pendingMessages;
};

class SessionTable {
public:
  // Bug: erasing the visited session invalidates the range-for iterator.
  void expireIdle(std::chrono::steady_clock::time_point now) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto &[id, session] : sessions_)
      if (now - session.lastSeen > std::chrono::minutes(30))
        sessions_.erase(id);
  }

  // Correct: the iterator loop takes the next position from erase().
  void expireIdleFixed(std::chrono::steady_clock::time_point now) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = sessions_.begin(); it != sessions_.end();) {
      if (now - it->second.lastSeen > std::chrono::minutes(30))
        it = sessions_.erase(it);
      else
        ++it;
    }
  }

  // Bug: the reference into the vector dangles once push_back reallocates.
  void broadcast(const std::string &text) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto &[id, session] : sessions_) {
      std::string &first = session.pendingMessages.front();
      session.pendingMessages.push_back(text);
      if (first.empty())
        first = "(empty)";
    }
  }

  // Correct: std::map insertion keeps the loop's iterator valid.
  void mirrorUsers(std::map<std::string, int> &byUser) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto &[id, session] : sessions_)
      byUser.emplace(session.user, id);
  }

private:
  std::mutex mutex_;
  std::unordered_map<int, Session> sessions_;
};

int main() {
  SessionTable table;
  table.expireIdle(std::chrono::steady_clock::now());
  table.expireIdleFixed(std::chrono::steady_clock::now());
  table.broadcast("hello");
  std::map<std::string, int> byUser;
  table.mirrorUsers(byUser);
}
