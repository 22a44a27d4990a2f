package org.custodian.ui.common;

import java.util.function.Consumer;

/** Runs work at once on the calling thread: view-model tests need no waiting. */
public final class InlineTaskRunner extends ObservableTaskRunner {


    @Override
    public <T> void run(String workTitle, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.run(Progress.NONE);
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public <T> void runCancellable(String workTitle, Work<T> work, Consumer<T> onSuccess,
                                   Consumer<Throwable> onFailure) {
        run(workTitle, work, onSuccess, onFailure);
    }

    @Override
    public <T> void read(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        run("", work, onSuccess, onFailure);
    }

    @Override
    public void cancelCurrent() {
    }

    @Override
    public void shutdown() {
    }
}
