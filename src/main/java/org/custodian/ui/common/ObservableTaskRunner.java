package org.custodian.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The state every {@link TaskRunner} shows the status bar: busy, what is running, how far it is. */
abstract class ObservableTaskRunner implements TaskRunner {

    protected final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    protected final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    protected final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    protected final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper(false);

    @Override
    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
