package org.custodian.ui.sharing;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.custodian.model.sharing.PartyRole;

/** One party as the editor holds it: the organisation as typed or picked, its role, who signed and when. */
final class PartyRow {
    final StringProperty organisation = new SimpleStringProperty("");
    final ObjectProperty<PartyRole> role = new SimpleObjectProperty<>(PartyRole.RECIPIENT);
    final StringProperty signatory = new SimpleStringProperty("");
    final StringProperty signedOn = new SimpleStringProperty("");
    /** The code and name the row was loaded with: while the name shown is unchanged, the code is the party. */
    String loadedCode;
    String loadedName;

    PartyRow(String organisation, PartyRole role, String signatory, String signedOn) {
        this.organisation.set(organisation == null ? "" : organisation);
        this.role.set(role);
        this.signatory.set(signatory == null ? "" : signatory);
        this.signedOn.set(signedOn == null ? "" : signedOn);
    }

    javafx.beans.Observable[] observables() {
        return new javafx.beans.Observable[] {organisation, role, signatory, signedOn};
    }
}
