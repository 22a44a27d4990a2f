package org.custodian.ui.sharing;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One covered dataset as the editor holds it: its code and the data items shared, comma-separated. */
final class DatasetRow {
    final StringProperty code = new SimpleStringProperty("");
    final StringProperty items = new SimpleStringProperty("");

    DatasetRow(String code, String items) {
        this.code.set(code == null ? "" : code);
        this.items.set(items == null ? "" : items);
    }

    javafx.beans.Observable[] observables() {
        return new javafx.beans.Observable[] {code, items};
    }
}
