package org.custodian.logic.io;

/** What long work reports as it goes, and how it learns to stop (cooperatively: it rolls back and returns). */
public interface WorkProgress {

    void update(long done, long total);

    boolean isCancelled();

    WorkProgress NONE = new WorkProgress() {
        @Override
        public void update(long done, long total) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
