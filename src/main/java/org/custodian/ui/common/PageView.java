package org.custodian.ui.common;

import javafx.scene.Node;

/** A page of the window: its node, and where Ctrl+F goes on it. */
public interface PageView {

    Node node();

    /** Puts the keyboard focus in the page's search field, if it has one. */
    default void focusSearch() {
    }

    /** Closes the page's detail drawer, if one is open (Esc). */
    default void closeDrawer() {
    }
}
