// A job queue drained by a worker. One loop re-queues failed jobs into the
// vector it is walking; the fixed version collects them first.
#include <string>
#include <vector>

struct Job {
  std::string name;
  int attempts = 0;
  bool run() { return ++attempts > 1; }
};

class Worker {
public:
  // Bug: push_back into the vector being walked may reallocate it.
  void drain() {
    for (Job &job : queue_)
      if (!job.run())
        queue_.push_back(job);
  }

  // Correct: retries go into a separate vector, appended after the loop.
  void drainFixed() {
    std::vector<Job> retry;
    for (Job &job : queue_)
      if (!job.run())
        retry.push_back(job);
    queue_.insert(queue_.end(), retry.begin(), retry.end());
  }

private:
  std::vector<Job> queue_;
};

int main() {
  Worker w;
  w.drain();
  w.drainFixed();
}
