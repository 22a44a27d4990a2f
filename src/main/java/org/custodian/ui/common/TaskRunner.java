package org.custodian.ui.common;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * Runs work that touches the disk off the FX thread, one job at a time (a single writer thread), and hands the
 * result back on the FX thread. The status bar binds to its properties; an inline twin runs work directly in tests.
 */
public interface TaskRunner {

    /** Work that may report progress and should stop early when cancelled. */
    @FunctionalInterface
    interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /**
     * @param title what the status bar shows while the work runs
     * @param onSuccess called on the FX thread with the result
     * @param onFailure called on the FX thread with the failure (not called when cancelled)
     */
    <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * As {@link #run}, and the status bar offers to cancel: the work should check {@link Progress#isCancelled()}
     * and stop; neither callback runs once it is cancelled. Only for work that changes nothing (or rolls back).
     */
    <T> void runCancellable(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * A read that changes nothing (a page of a list, facet counts, a history): it runs on a reader thread beside
     * the writer, so lists answer while an import runs, and it does not show in the status bar.
     */
    <T> void read(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Whether the work running now may be cancelled. */
    ReadOnlyBooleanProperty cancellableProperty();

    ReadOnlyBooleanProperty busyProperty();

    ReadOnlyStringProperty titleProperty();

    /** -1 while the amount of work is unknown, else 0..1. */
    ReadOnlyDoubleProperty progressProperty();

    void cancelCurrent();

    void shutdown();
}
