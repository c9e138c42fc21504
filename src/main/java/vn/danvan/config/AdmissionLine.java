package vn.danvan.config;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed number of places, handed out in two lanes, each first come first served: whoever waits
 * in the counter's lane gets the next free place before anyone waiting in the other lane, but never
 * more than {@value #COUNTER_STREAK} places in a row while the other lane waits, so that a burst of
 * counter requests cannot shut the back office out. A place given back goes straight to the next
 * in line, so nobody who arrives later overtakes a waiter of their own lane.
 */
final class AdmissionLine {

  /** How many places in a row the counter's lane takes while the other lane waits. */
  static final int COUNTER_STREAK = 3;

  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<Waiter> counter = new ArrayDeque<>();
  private final ArrayDeque<Waiter> others = new ArrayDeque<>();
  private int free;
  /** Places given to the counter's lane in a row while the other lane waited. */
  private int streak;

  AdmissionLine(int places) {
    if (places <= 0) {
      throw new IllegalArgumentException("places must be positive, not " + places);
    }
    this.free = places;
  }

  /**
   * Takes a place, waiting at most {@code waitNanos} for one.
   *
   * @return whether a place was taken (then {@link #leave} must follow)
   */
  boolean enter(boolean atTheCounter, long waitNanos) throws InterruptedException {
    ArrayDeque<Waiter> lane = atTheCounter ? counter : others;
    lock.lock();
    try {
      if (free > 0 && counter.isEmpty() && (atTheCounter || others.isEmpty())) {
        free--;
        return true;
      }
      Waiter me = new Waiter(lock.newCondition());
      lane.addLast(me);
      long left = waitNanos;
      try {
        while (!me.admitted) {
          if (left <= 0) {
            lane.remove(me);
            return false;
          }
          left = me.turn.awaitNanos(left);
        }
      } catch (InterruptedException e) {
        if (me.admitted) {
          handOn(); // the place given to us goes to the next
        } else {
          lane.remove(me);
        }
        throw e;
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Gives a place back: to the next waiter of the counter's lane, else of the other lane. */
  void leave() {
    lock.lock();
    try {
      handOn();
    } finally {
      lock.unlock();
    }
  }

  /** How many wait in each lane (for the log and the tests). */
  int[] waiting() {
    lock.lock();
    try {
      return new int[] {counter.size(), others.size()};
    } finally {
      lock.unlock();
    }
  }

  private void handOn() {
    Waiter next;
    if (!counter.isEmpty() && (others.isEmpty() || streak < COUNTER_STREAK)) {
      next = counter.pollFirst();
      streak = others.isEmpty() ? 0 : streak + 1;
    } else {
      next = others.pollFirst();
      streak = 0;
    }
    if (next == null) {
      free++;
      return;
    }
    next.admitted = true;
    next.turn.signal();
  }

  private static final class Waiter {
    final Condition turn;
    boolean admitted;

    Waiter(Condition turn) {
      this.turn = turn;
    }
  }
}
