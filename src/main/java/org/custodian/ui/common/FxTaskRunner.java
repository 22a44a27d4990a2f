package org.custodian.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The window's {@link TaskRunner}: JavaFX tasks on one daemon thread, so writes never race each other. */
public final class FxTaskRunner extends ObservableTaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "custodian-worker");
        t.setDaemon(true);
        return t;
    });
    // Reads of the store (WAL lets them run while the writer holds its transaction).
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "custodian-reader");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Task<?> current;
    private volatile boolean currentCancellable;

    @Override
    public <T> void run(String workTitle, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        submit(workTitle, false, work, onSuccess, onFailure);
    }

    @Override
    public <T> void runCancellable(String workTitle, Work<T> work, Consumer<T> onSuccess,
                                   Consumer<Throwable> onFailure) {
        submit(workTitle, true, work, onSuccess, onFailure);
    }

    private <T> void submit(String workTitle, boolean canCancel, Work<T> work, Consumer<T> onSuccess,
                            Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                Task<T> self = this;
                currentCancellable = canCancel; // set before current, so a click never sees a stale flag
                current = self;
                Platform.runLater(() -> {
                    title.set(workTitle);
                    cancellable.set(canCancel);
                    progress.unbind();
                    progress.bind(progressProperty());
                });
                return work.run(new Progress() {
                    @Override
                    public void update(long done, long total) {
                        updateProgress(done, total);
                    }

                    @Override
                    public void message(String text) {
                        updateMessage(text);
                    }

                    @Override
                    public boolean isCancelled() {
                        return self.isCancelled();
                    }
                });
            }
        };
        task.setOnSucceeded(e -> {
            finished();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished();
            LOG.warn("{} failed", workTitle, task.getException());
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> finished());
        pending.incrementAndGet();
        busy.set(true);
        executor.submit(task);
    }

    @Override
    public <T> void read(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.run(Progress.NONE);
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> {
            LOG.warn("A read failed", task.getException());
            onFailure.accept(task.getException());
        });
        reader.submit(task);
    }

    private void finished() {
        cancellable.set(false); // the next task, if any, says for itself
        if (pending.decrementAndGet() == 0) {
            busy.set(false);
            title.set("");
            cancellable.set(false);
            progress.unbind();
            progress.set(0);
        }
    }

    @Override
    public void cancelCurrent() {
        Task<?> t = current;
        if (t != null && currentCancellable && current == t) {
            t.cancel();
        }
    }

    @Override
    public void shutdown() {
        reader.shutdownNow();
        // Let a write in progress finish: stopping it half-way would only roll it back.
        executor.shutdown();
        try {
            if (!executor.awaitTermination(15, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("Background work still running at exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
