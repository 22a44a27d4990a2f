package org.custodian.ui.common;

/** What background work reports while it runs, and how it learns it was cancelled. */
public interface Progress extends org.custodian.logic.io.WorkProgress {

    @Override
    void update(long done, long total);

    void message(String text);

    @Override
    boolean isCancelled();

    /** A progress that reports nowhere, for work run inline. */
    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total) {
        }

        @Override
        public void message(String text) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
