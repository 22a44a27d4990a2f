package org.custodian.ui.common;

import javafx.scene.Node;

/** A page of the window: its node, and where Ctrl+F goes on it. */
public interface PageView {

    Node node();

    /** Puts the keyboard focus in the page's search field, if it has one. */
    default void focusSearch() {
    }

    /** The page is being replaced (a language switch): stop listening and drop late results. */
    default void dispose() {
    }

    /** Closes the page's detail drawer, if one is open (Esc). */
    default void closeDrawer() {
    }

    /** Whether the page holds typed changes that are not saved yet (the window asks before it closes). */
    default boolean hasUnsavedChanges() {
        return false;
    }

    /** The record commands a page may offer; the window's menu and shortcuts reach the current page's. */
    enum Command { NEW, SAVE, IMPORT, EXPORT, REPORT }

    default boolean supports(Command command) {
        return false;
    }

    default void run(Command command) {
    }
}
