"""Play and pause (plumbing, not lesson 8): a background thread that calls `tick()` up to `max_fps`
times a second until pause(), until tick() returns False, or until it raises.

Each tick runs under `lock` (an RLock shared with the playground), so every control stays
responsive between frames. `done(error)` is called when the loop ends, error None after a pause
or a normal stop, else the exception: a thread must never die silently.
"""
import threading
import time

from .settings import check_count


class Runner:
    def __init__(self, tick, done, lock, max_fps=25):
        self.tick, self.done, self.lock, self.max_fps = tick, done, lock, max_fps
        self.stop_event, self.thread = threading.Event(), None

    @property
    def running(self):
        return self.thread is not None and self.thread.is_alive()

    def play(self):
        """Start the thread (nothing happens if it runs already)."""
        if self.running:
            return
        self.stop_event.clear()
        self.thread = threading.Thread(target=self.loop, name="playground", daemon=True)
        self.thread.start()

    def pause(self, timeout=10.0):
        """Stop the thread and wait until it has finished its frame."""
        self.stop_event.set()
        thread = self.thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def loop(self):
        error = None
        try:
            while not self.stop_event.is_set():
                start = time.perf_counter()
                with self.lock:
                    go_on = self.tick()
                if not go_on:
                    break
                self.stop_event.wait(max(0.0, 1.0 / self.max_fps - (time.perf_counter() - start)))
        except Exception as e:  # shown by `done`, never lost in a thread
            error = e
        finally:
            self.stop_event.set()
            self.done(error)


def measure_fps(pg, frames=50):
    """Frames per second of a Playground for `frames` synchronous frames (train + redraw everything)."""
    frames = check_count(frames)
    start = time.perf_counter()
    for _ in range(frames):
        pg.step(1)
    return frames / (time.perf_counter() - start)
