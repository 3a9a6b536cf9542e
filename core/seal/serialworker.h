#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace dualrec::seal {

/// A thread of its own that runs the jobs it is given one at a time, in the order given: a
/// stage of the sealing pipeline (hashing the plaintext, hashing the ciphertext, writing the
/// package), so the stages run side by side on several cores.
///
/// Thread contract: submit() and wait() from one thread (the owner's); the jobs run in the
/// worker's thread. The destructor runs what is still queued, then joins.
class SerialWorker final
{
public:
    SerialWorker() : m_thread([this] { run(); }) {}
    ~SerialWorker()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_quit = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    SerialWorker(const SerialWorker &) = delete;
    SerialWorker &operator=(const SerialWorker &) = delete;

    void submit(std::function<void()> job)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_jobs.push_back(std::move(job));
        }
        m_wake.notify_one();
    }

    /// Until every job given so far has run.
    void wait()
    {
        std::unique_lock lock(m_mutex);
        m_idle.wait(lock, [this] { return m_jobs.empty() && !m_running; });
    }

private:
    void run()
    {
        std::unique_lock lock(m_mutex);
        while (true) {
            m_wake.wait(lock, [this] { return m_quit || !m_jobs.empty(); });
            if (m_jobs.empty())
                return; // quitting, and nothing left to run
            auto job = std::move(m_jobs.front());
            m_jobs.pop_front();
            m_running = true;
            lock.unlock();
            job();
            lock.lock();
            m_running = false;
            if (m_jobs.empty())
                m_idle.notify_all();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<std::function<void()>> m_jobs;
    bool m_running = false;
    bool m_quit = false;
    std::thread m_thread; ///< last: starts once the members above exist
};

} // namespace dualrec::seal
