package org.custodian.ui.classification;

import java.util.List;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.custodian.logic.classification.Classification;
import org.custodian.logic.classification.Outcome;
import org.custodian.logic.workbench.WorkbenchSession;
import org.custodian.model.classification.AccessReview;
import org.custodian.model.classification.ClassificationDecision;
import org.custodian.model.classification.ClassificationScheme;
import org.custodian.model.classification.DecisionContext;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.classification.SourceDataset;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.PageContext;

/**
 * The classification panel of one dataset: its level and handling rules, the decisions as a timeline, access
 * reviews and the datasets it is derived from, all read in the background; the actions go through
 * {@link ReviewActions}.
 */
public final class ClassificationPanelModel {

    /** Everything the panel shows, read in one background task. */
    record Snapshot(ClassificationScheme scheme, DecisionContext context, List<ClassificationDecision> decisions,
                    List<AccessReview> reviews, List<SourceDataset> sources) {
    }

    final ObjectProperty<ClassificationLevel> level = new SimpleObjectProperty<>();
    final ObjectProperty<ClassificationDecision> current = new SimpleObjectProperty<>();
    final ObjectProperty<ClassificationScheme> scheme = new SimpleObjectProperty<>();
    final ObjectProperty<AccessReview> lastAccessReview = new SimpleObjectProperty<>();
    final ObservableList<ClassificationDecision> decisions = FXCollections.observableArrayList();
    final ObservableList<AccessReview> reviews = FXCollections.observableArrayList();
    final ObservableList<SourceDataset> sources = FXCollections.observableArrayList();
    final StringProperty sourcesText = new SimpleStringProperty("");
    final StringProperty sourcesError = new SimpleStringProperty("");
    final BooleanProperty loaded = new SimpleBooleanProperty(false);
    final BooleanProperty busy = new SimpleBooleanProperty(false);

    private final PageContext context;
    private final I18n i18n;
    private final ReviewActions actions;
    private final Runnable levelChanged;
    private UUID datasetId;
    private String datasetLabel;

    /** @param levelChanged runs after a decision, so the dataset's editor can show the new level */
    public ClassificationPanelModel(PageContext context, Runnable levelChanged) {
        this.context = context;
        this.i18n = context.i18n();
        this.actions = new ReviewActions(context);
        this.levelChanged = levelChanged;
    }

    /** Shows the dataset (null clears the panel). */
    public void show(UUID id, String label) {
        this.datasetId = id;
        this.datasetLabel = label;
        reload();
    }

    void reload() {
        WorkbenchSession session = context.sessionProperty().get();
        UUID id = datasetId;
        if (session == null || id == null) {
            loaded.set(false);
            decisions.clear();
            reviews.clear();
            sources.clear();
            return;
        }
        context.runner().read(progress -> {
            Classification c = session.classification();
            return new Snapshot(c.scheme(), c.context(id), c.decisions(id), c.accessReviews(id), c.sources(id));
        }, s -> {
            if (!id.equals(datasetId)) {
                return; // the user opened another dataset meanwhile
            }
            scheme.set(s.scheme());
            level.set(s.context().current());
            decisions.setAll(s.decisions());
            current.set(s.decisions().stream().filter(ClassificationDecision::confirmed).findFirst().orElse(null));
            reviews.setAll(s.reviews());
            lastAccessReview.set(s.reviews().isEmpty() ? null : s.reviews().get(0));
            sources.setAll(s.sources());
            sourcesText.set(String.join("; ", s.sources().stream().map(SourceDataset::code).toList()));
            sourcesError.set("");
            loaded.set(true);
        }, failure -> context.dialogs().notify(i18n.tr("classify.loadFailed")));
    }

    void reclassify() {
        if (datasetId != null) {
            actions.reclassify(datasetId, datasetLabel, false, this::afterDecision);
        }
    }

    void reviewLevel() {
        if (datasetId != null) {
            actions.reclassify(datasetId, datasetLabel, true, this::afterDecision);
        }
    }

    void confirm(ClassificationDecision proposal) {
        if (datasetId != null) {
            actions.confirmProposal(datasetId, datasetLabel, proposal, this::afterDecision);
        }
    }

    /** Whether a proposal still awaits its decision: no confirmed decision was recorded after it. */
    boolean pending(ClassificationDecision proposal) {
        return !proposal.confirmed() && decisions.stream().noneMatch(d -> d.confirmed()
                && d.recordedAt().isAfter(proposal.recordedAt()));
    }

    void recordAccessReview() {
        if (datasetId != null) {
            actions.recordAccessReview(datasetId, datasetLabel, this::reload);
        }
    }

    private void afterDecision() {
        reload();
        levelChanged.run();
    }

    /** Saves the sources typed as codes separated by ';' or ','. */
    void saveSources() {
        WorkbenchSession session = context.sessionProperty().get();
        UUID id = datasetId;
        if (session == null || id == null || busy.get()) {
            return;
        }
        List<String> codes = List.of(sourcesText.get() == null ? new String[0] : sourcesText.get().split("[;,]"));
        busy.set(true);
        context.runner().run(i18n.tr("task.savingSources"),
                progress -> session.classification().setSources(id, codes, null),
                (Outcome<List<SourceDataset>> outcome) -> {
                    busy.set(false);
                    if (outcome.isDone()) {
                        sourcesError.set("");
                        context.dialogs().notify(i18n.tr("sources.saved"));
                        reload();
                    } else {
                        // The typed codes stay for the user to fix.
                        sourcesError.set(String.join(" ", outcome.problems().stream().map(i18n::problem).toList()));
                    }
                },
                failure -> {
                    busy.set(false);
                    sourcesError.set(failure.getMessage());
                });
    }
}
