// The engine's helper threads: awake for a moment between pieces of work, so a training step that
// hands the second core a hundred pieces does not wait for a sleeping thread to wake up each time
// (25–40 µs on a virtual machine whose idle cores halt; Docs/performance.md measures it).
//
// One job at a time: the caller publishes (body, context, count) under a new generation number, takes
// items itself from a shared counter, and waits until every item is done. A helper that finds no new
// generation polls for a while (`spinNanoseconds`), giving its core away (sched_yield) on every poll so
// that another runnable program on that core goes first, then sleeps on a condition variable. A caller
// that finds the pool busy (a job inside a job, or a second caller thread) gets 0 back and runs its
// items elsewhere. Which thread computes an item never changes what it computes.
//
// ALIGNFUSE_POOL_TRACE=FILE records when each job was handed out, when the caller's and the helpers'
// shares started and ended and when the caller went on, and writes them to FILE as the program exits
// (Tools/Benchmark/pool_trace.py reads it: where a two-thread step's time goes). Without it, a job
// pays three untaken branches.
#define _GNU_SOURCE
#include "MatmulFMA.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

enum { MAX_HELPERS = 15 };

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static pthread_once_t started = PTHREAD_ONCE_INIT;
static int helperCount = 0;
static long long spinNanoseconds = 50000;       // ALIGNFUSE_POOL_SPIN_NS; 0 never polls

static atomic_int busy;                  // 1 while a caller owns the pool
static atomic_long generation;           // bumped once per job, after its fields are written
static atomic_int sleepers;              // helpers waiting on `wake`
static _Atomic(alignfuse_pool_body) jobBody;
static _Atomic(void *) jobContext;
static atomic_long jobCount;
// The job's next item, tagged with its generation: (generation << 32) | item. A helper still
// leaving an earlier job finds another generation here and claims nothing.
static _Atomic(unsigned long long) claim;
static atomic_long finished;             // items done in the current job

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

// The trace (ALIGNFUSE_POOL_TRACE): one record per job, or per mark (count −1) between a caller's steps.
typedef struct {
    long long published, callerDone, finished, helperStart, helperEnd;
    long count;
} job_record;
enum { traceCapacity = 1 << 20 };
static const char *tracePath;
static job_record *trace;
static long traceCount;
// The helpers' earliest start and latest end in the current job (0: no helper took an item).
static atomic_llong helperStart, helperEnd;

static void trace_write(void) {
    char temporary[4096];
    snprintf(temporary, sizeof temporary, "%s.part", tracePath);
    FILE *file = fopen(temporary, "w");
    if (!file) {
        fprintf(stderr, "ALIGNFUSE_POOL_TRACE: cannot write '%s'\n", tracePath);
        return;
    }
    fprintf(file, "# published caller_done finished helper_start helper_end count (ns; count -1 marks a step)\n");
    for (long i = 0; i < traceCount; i++) {
        const job_record *r = &trace[i];
        fprintf(file, "%lld %lld %lld %lld %lld %ld\n", r->published, r->callerDone, r->finished, r->helperStart,
                r->helperEnd, r->count);
    }
    if (fclose(file) != 0 || rename(temporary, tracePath) != 0) {
        fprintf(stderr, "ALIGNFUSE_POOL_TRACE: cannot write '%s'\n", tracePath);
        remove(temporary);
    }
}

static void trace_helper_span(long long start, long long end) {
    long long seen = atomic_load(&helperStart);
    while ((seen == 0 || start < seen) && !atomic_compare_exchange_weak(&helperStart, &seen, start)) {}
    seen = atomic_load(&helperEnd);
    while (end > seen && !atomic_compare_exchange_weak(&helperEnd, &seen, end)) {}
}

static void run_items(long job, alignfuse_pool_body body, void *context, long count, int helper) {
    unsigned long long tag = (unsigned long long)(job & 0xffffffffL) << 32;
    long long start = trace && helper ? now_ns() : 0;
    long done = 0;
    for (;;) {
        unsigned long long word = atomic_load(&claim);
        if ((word & 0xffffffff00000000ULL) != tag) break;
        long item = (long)(word & 0xffffffffULL);
        if (item >= count) break;
        if (!atomic_compare_exchange_weak(&claim, &word, word + 1)) continue;
        body(context, item);
        done += 1;
    }
    if (start && done > 0) trace_helper_span(start, now_ns());   // before the caller can see them done
    if (done > 0) atomic_fetch_add(&finished, done);
}

/// Polls for a generation after `seen` for up to `spinNanoseconds`; returns the generation it saw last.
static long poll_for_job(long seen) {
    long current = atomic_load_explicit(&generation, memory_order_acquire);
    if (current != seen || spinNanoseconds <= 0) return current;
    long long deadline = now_ns() + spinNanoseconds;
    while (current == seen && now_ns() < deadline) {
        sched_yield();
        current = atomic_load_explicit(&generation, memory_order_acquire);
    }
    return current;
}

static void *helper_main(void *unused) {
    (void)unused;
    long seen = atomic_load_explicit(&generation, memory_order_acquire);
    for (;;) {
        long current = poll_for_job(seen);
        if (current == seen) {
            pthread_mutex_lock(&lock);
            atomic_fetch_add(&sleepers, 1);
            while ((current = atomic_load(&generation)) == seen) pthread_cond_wait(&wake, &lock);
            atomic_fetch_sub(&sleepers, 1);
            pthread_mutex_unlock(&lock);
        }
        seen = current;
        run_items(seen, atomic_load(&jobBody), atomic_load(&jobContext), atomic_load(&jobCount), 1);
    }
    return NULL;
}

static void start_helpers(void) {
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    const char *threads = getenv("ALIGNFUSE_THREADS");
    if (threads && atol(threads) > 0) cores = atol(threads);
    const char *spin = getenv("ALIGNFUSE_POOL_SPIN_NS");
    if (spin) spinNanoseconds = atoll(spin);
    tracePath = getenv("ALIGNFUSE_POOL_TRACE");
    if (tracePath && *tracePath) {
        // A trace that could not be written at the end would be work lost: find out now.
        char temporary[4096];
        snprintf(temporary, sizeof temporary, "%s.part", tracePath);
        FILE *file = fopen(temporary, "w");
        if (!file || !(trace = malloc(traceCapacity * sizeof(job_record)))) {
            fprintf(stderr, "ALIGNFUSE_POOL_TRACE: cannot write '%s'\n", tracePath);
            exit(2);
        }
        fclose(file);
        remove(temporary);
        atexit(trace_write);
    }
    long wanted = cores - 1;
    if (wanted > MAX_HELPERS) wanted = MAX_HELPERS;
    for (long i = 0; i < wanted; i++) {
        pthread_t thread;
        pthread_attr_t attributes;
        pthread_attr_init(&attributes);
        pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
        if (pthread_create(&thread, &attributes, helper_main, NULL) == 0) helperCount += 1;
        pthread_attr_destroy(&attributes);
    }
}

int alignfuse_pool_run(long count, alignfuse_pool_body body, void *context) {
    pthread_once(&started, start_helpers);
    if (helperCount == 0 || count < 2) return 0;
    int expected = 0;
    if (!atomic_compare_exchange_strong(&busy, &expected, 1)) return 0;
    long job = atomic_load(&generation) + 1;
    // First the claim word, so a helper still in an earlier job claims nothing of this one.
    atomic_store(&claim, (unsigned long long)(job & 0xffffffffL) << 32);
    atomic_store(&finished, 0);
    atomic_store(&jobBody, body);
    atomic_store(&jobContext, context);
    atomic_store(&jobCount, count);
    long long published = 0;
    if (trace) {
        atomic_store(&helperStart, 0);
        atomic_store(&helperEnd, 0);
        published = now_ns();
    }
    atomic_store(&generation, job);                       // publishes the fields above
    if (atomic_load(&sleepers) > 0) {
        pthread_mutex_lock(&lock);
        pthread_cond_broadcast(&wake);
        pthread_mutex_unlock(&lock);
    }
    run_items(job, body, context, count, 0);
    long long callerDone = trace ? now_ns() : 0;
    while (atomic_load_explicit(&finished, memory_order_acquire) < count) sched_yield();
    if (trace && traceCount < traceCapacity) {
        trace[traceCount++] = (job_record){published, callerDone, now_ns(), atomic_load(&helperStart),
                                           atomic_load(&helperEnd), count};
    }
    atomic_store(&busy, 0);
    return 1;
}

void alignfuse_pool_mark(void) {
    pthread_once(&started, start_helpers);
    int expected = 0;
    if (!trace || !atomic_compare_exchange_strong(&busy, &expected, 1)) return;
    if (traceCount < traceCapacity) {
        long long now = now_ns();
        trace[traceCount++] = (job_record){now, now, now, 0, 0, -1};
    }
    atomic_store(&busy, 0);
}
