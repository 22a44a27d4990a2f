package org.custodian.ui.sharing;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One covered dataset as the editor holds it: its code and the data items shared, comma-separated. */
final class DatasetRow {
    final StringProperty code = new SimpleStringProperty("");
    final StringProperty items = new SimpleStringProperty("");
    /** What the inventory says of the code as last looked up (level, personal data); null when unknown. */
    final javafx.beans.property.ObjectProperty<org.custodian.model.sharing.DatasetFacts> facts =
            new javafx.beans.property.SimpleObjectProperty<>();

    DatasetRow(String code, String items) {
        this.code.set(code == null ? "" : code);
        this.items.set(items == null ? "" : items);
    }

    javafx.beans.Observable[] observables() {
        return new javafx.beans.Observable[] {code, items};
    }
}
