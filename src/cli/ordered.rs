//! A parallel map whose results are handed over in input order, with bounded look-ahead:
//! `sunting check` streams each file's output as soon as it and every earlier file are
//! done, and never holds more than a few files per thread in memory.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError, mpsc};

/// How many items may be started ahead of the oldest one not yet handed over, per thread.
const AHEAD_PER_THREAD: usize = 4;

/// Run `work` on every item on the rayon pool and call `emit` with each result on the
/// calling thread, in input order. At most a small window of items (a few per thread) is
/// in flight or waiting to be emitted at any time, so memory stays bounded however many
/// items there are. `emit` may stop the run early by returning `Break` (a closed pipe);
/// items already started are finished and dropped. With one rayon thread everything runs
/// on the calling thread.
pub fn for_each_ordered<T, R, W, E>(items: &[T], work: W, emit: E)
where
    T: Sync,
    R: Send,
    W: Fn(usize, &T) -> R + Sync,
    E: FnMut(usize, R) -> ControlFlow<()>,
{
    with_threads(rayon::current_num_threads(), items, work, emit);
}

/// [`for_each_ordered`] with `threads` workers on the global rayon pool.
fn with_threads<T, R, W, E>(threads: usize, items: &[T], work: W, mut emit: E)
where
    T: Sync,
    R: Send,
    W: Fn(usize, &T) -> R + Sync,
    E: FnMut(usize, R) -> ControlFlow<()>,
{
    let threads = threads.max(1);
    if threads == 1 || items.len() < 2 {
        for (i, item) in items.iter().enumerate() {
            if emit(i, work(i, item)).is_break() {
                return;
            }
        }
        return;
    }
    let window = threads * AHEAD_PER_THREAD;
    let gate = Gate::default();
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|ts| {
        let (gate, next, work) = (&gate, &next, &work);
        ts.spawn(move || {
            rayon::scope(move |s| {
                for _ in 0..threads {
                    let tx = tx.clone();
                    s.spawn(move |_| {
                        // A panicking worker would leave its item missing forever: stop
                        // the others (and the consumer) instead of waiting on it.
                        let _stop = StopOnPanic(gate);
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            if i >= items.len() || !gate.wait_turn(i, window) {
                                break;
                            }
                            if tx.send((i, work(i, &items[i]))).is_err() {
                                break;
                            }
                        }
                    });
                }
                drop(tx);
            });
        });
        // Dropped in reverse order: first stop the workers (also when `emit` panics), then
        // close the channel so that no worker waits on a consumer that is gone.
        let rx = rx;
        let _stop = StopOnDrop(gate);
        let mut pending: BTreeMap<usize, R> = BTreeMap::new();
        let mut next_out = 0;
        for (i, r) in &rx {
            pending.insert(i, r);
            while let Some(r) = pending.remove(&next_out) {
                let flow = emit(next_out, r);
                next_out += 1;
                gate.advance(next_out);
                if flow.is_break() {
                    return;
                }
            }
        }
    });
}

/// How far the consumer has got, and whether the run is over.
#[derive(Default)]
struct Gate {
    state: Mutex<GateState>,
    turn: Condvar,
}

#[derive(Default)]
struct GateState {
    emitted: usize,
    stopped: bool,
}

impl Gate {
    /// Block until item `i` is within `window` of the oldest item not yet emitted.
    /// False when the run was stopped.
    fn wait_turn(&self, i: usize, window: usize) -> bool {
        let state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let state = self
            .turn
            .wait_while(state, |s| !s.stopped && i >= s.emitted + window)
            .unwrap_or_else(PoisonError::into_inner);
        !state.stopped
    }

    fn advance(&self, emitted: usize) {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .emitted = emitted;
        self.turn.notify_all();
    }

    fn stop(&self) {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .stopped = true;
        self.turn.notify_all();
    }
}

struct StopOnDrop<'a>(&'a Gate);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.stop();
    }
}

struct StopOnPanic<'a>(&'a Gate);

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `with_threads` over 0..n with uneven work (so that later items often finish
    /// first); returns what was emitted, in emit order, and how far ahead of the emitted
    /// item the workers had started at most.
    fn run(threads: usize, n: usize, stop_at: Option<usize>) -> (Vec<usize>, usize, usize) {
        let items: Vec<usize> = (0..n).collect();
        let started = AtomicUsize::new(0);
        let mut got = Vec::new();
        let mut max_ahead = 0;
        with_threads(
            threads,
            &items,
            |i, &x| {
                started.fetch_add(1, Ordering::SeqCst);
                if i % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_micros(200));
                }
                x * 2
            },
            |i, r| {
                max_ahead = max_ahead.max(started.load(Ordering::SeqCst) - i);
                got.push(r);
                if Some(i) == stop_at {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        (got, max_ahead, started.load(Ordering::SeqCst))
    }

    #[test]
    fn results_come_in_input_order_with_bounded_look_ahead() {
        for threads in [1, 2, 3] {
            let (got, max_ahead, started) = run(threads, 500, None);
            assert_eq!(got, (0..500).map(|x| x * 2).collect::<Vec<_>>());
            assert_eq!(started, 500);
            let window = threads * AHEAD_PER_THREAD;
            assert!(
                max_ahead <= window + 1,
                "{threads} threads: {max_ahead} ahead"
            );
        }
    }

    #[test]
    fn break_stops_early() {
        for threads in [1, 2] {
            let (got, _, started) = run(threads, 10_000, Some(20));
            assert_eq!(got.len(), 21);
            assert!(
                started <= 21 + threads * AHEAD_PER_THREAD,
                "{started} started"
            );
        }
    }
}
