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
import java.time.LocalDate;
import org.custodian.model.classification.DueReview;
import org.custodian.model.classification.ReviewKind;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.workbench.Access;
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
                    List<AccessReview> reviews, List<SourceDataset> sources, List<DueReview> due, LocalDate today) {
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
    final BooleanProperty writable = new SimpleBooleanProperty(false);
    /** The reviews due as the queue has them, and today (for the overdue badges). */
    final ObjectProperty<DueReview> classificationDue = new SimpleObjectProperty<>();
    final ObjectProperty<DueReview> accessDue = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> today = new SimpleObjectProperty<>(LocalDate.now());
    /** Set when the level is below a source's without an approved justification (derived data). */
    final StringProperty belowSources = new SimpleStringProperty("");

    private final PageContext context;
    private final I18n i18n;
    private final ReviewActions actions;
    private final Runnable levelChanged;
    private UUID datasetId;
    private UUID shownSources;
    private String datasetLabel;
    // What the sources field held when last loaded or saved: a reload keeps codes typed and not yet saved.
    private String loadedSources = "";

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
        writable.set(session.access() == Access.READ_WRITE);
        context.runner().read(progress -> {
            Classification c = session.classification();
            return new Snapshot(c.scheme(), c.context(id), c.decisions(id), c.accessReviews(id), c.sources(id),
                    c.reviewsDue(id), c.today());
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
            String codes = String.join("; ", s.sources().stream().map(SourceDataset::code).toList());
            if (sourcesText.get() == null || sourcesText.get().equals(loadedSources) || !id.equals(shownSources)) {
                sourcesText.set(codes);
                sourcesError.set("");
            }
            loadedSources = codes;
            shownSources = id;
            today.set(s.today());
            classificationDue.set(s.due().stream().filter(r -> r.kind() == ReviewKind.CLASSIFICATION).findFirst()
                    .orElse(null));
            accessDue.set(s.due().stream().filter(r -> r.kind() == ReviewKind.ACCESS).findFirst().orElse(null));
            ClassificationDecision now = current.get();
            ClassificationLevel source = s.context().highestSource();
            ClassificationLevel level = s.context().current();
            boolean below = source != null && level != null && level.rank() < source.rank()
                    && (now == null || now.approvedBy() == null);
            belowSources.set(below ? i18n.tr("sources.below", level.name(i18n.chinese()),
                    String.join(", ", s.context().sourceCodes()), source.name(i18n.chinese())) : "");
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
                        loadedSources = sourcesText.get();
                        context.dialogs().notify(i18n.tr("sources.saved"));
                        reload();
                    } else {
                        // The typed codes stay for the user to fix.
                        sourcesError.set(String.join(" ", outcome.problems().stream().map(i18n::problem).toList()));
                    }
                },
                failure -> {
                    busy.set(false);
                    context.dialogs().showError(i18n.tr("sources.failed.title"), i18n.tr("sources.failed"),
                            failure.getMessage());
                });
    }
}
