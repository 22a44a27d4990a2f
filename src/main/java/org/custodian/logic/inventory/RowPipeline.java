package org.custodian.logic.inventory;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads and prepares rows on a second thread while the caller consumes them in order: an import parses and
 * checks the next rows while the writer stores this one. A failure while reading (a bad byte, a broken quote)
 * reaches the consumer as the same exception, at the row where it happened; closing stops the reader.
 */
final class RowPipeline<T> implements Iterable<T>, AutoCloseable {

    private static final int CAPACITY = 512;

    /** What travels on the queue: a prepared row, the end, or the reader's failure. */
    private record Item<T>(T value, RuntimeException failure, boolean end) {
    }

    private final BlockingQueue<Item<T>> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread reader;
    private volatile boolean closed;

    <S> RowPipeline(Iterable<S> source, Function<S, T> prepare) {
        reader = new Thread(() -> {
            try {
                for (S s : source) {
                    if (!put(new Item<>(prepare.apply(s), null, false))) {
                        return;
                    }
                }
                put(new Item<>(null, null, true));
            } catch (RuntimeException e) {
                put(new Item<>(null, e, true));
            } catch (Error e) {
                // Out of memory on a giant cell, say: the writer must not wait for ever inside its transaction.
                put(new Item<>(null, new IllegalStateException("reading the input failed: " + e, e), true));
            }
        }, "import-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private boolean put(Item<T> item) {
        try {
            while (!closed) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Item<T> next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = queue.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while reading rows", e);
                    }
                    if (next.failure() != null) {
                        throw next.failure();
                    }
                }
                return !next.end();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T value = next.value();
                next = null;
                return value;
            }
        };
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
