package org.custodian.ui.classification;

import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.custodian.model.classification.AccessReview;
import org.custodian.model.classification.ClassificationDecision;
import org.custodian.model.classification.Criterion;
import org.custodian.model.inventory.ClassificationLevel;
import org.custodian.model.classification.SourceDataset;
import org.custodian.ui.common.FormLayout;
import org.custodian.ui.common.DueBadge;
import org.custodian.ui.common.I18n;
import org.custodian.ui.common.LevelChip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * Lays out a dataset's classification panel: the level with its handling rules and review dates, the actions,
 * the datasets it is derived from, the decisions as a timeline and the access reviews. Binds to
 * {@link ClassificationPanelModel}.
 */
public final class ClassificationPanel extends ScrollPane {

    private final ClassificationPanelModel model;
    private final I18n i18n;
    private final LevelChip chip = new LevelChip();
    private final Label since = new Label();
    private final Label reviewDue = new Label();
    private final DueBadge reviewBadge = new DueBadge();
    private final Label accessLine = new Label();
    private final Label accessDue = new Label();
    private final DueBadge accessBadge = new DueBadge();
    private final VBox rules = new VBox(2);
    private final FlowPane sourceChips = new FlowPane(6, 4);
    private final VBox timeline = new VBox(6);
    private final Label pendingText = new Label();
    private final LevelChip pendingChip = new LevelChip();
    private final Button confirm = new Button();
    private final VBox pendingBox = new VBox(6);
    private ClassificationDecision pending;
    private final VBox accessReviews = new VBox(6);

    public ClassificationPanel(ClassificationPanelModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        setId("classification-panel");
        chip.getStyleClass().add("level-chip-large");
        since.setWrapText(true);
        since.getStyleClass().add(Styles.TEXT_MUTED);
        accessLine.setWrapText(true);

        Button reclassify = new Button(i18n.tr("classify.action"), new FontIcon(Material2OutlinedMZ.SECURITY));
        reclassify.setId("classify-button");
        reclassify.getStyleClass().add(Styles.ACCENT);
        reclassify.setOnAction(e -> model.reclassify());
        reclassify.disableProperty().bind(model.writable.not());
        Button review = new Button(i18n.tr("classify.review.action"), new FontIcon(Material2OutlinedAL.EVENT_AVAILABLE));
        review.setId("review-level-button");
        review.disableProperty().bind(model.level.isNull().or(model.writable.not()));
        review.setOnAction(e -> model.reviewLevel());
        Button access = new Button(i18n.tr("access.action"), new FontIcon(Material2OutlinedAL.LOCK));
        access.setId("access-review-button");
        access.disableProperty().bind(model.level.isNull().or(model.writable.not()));
        access.setOnAction(e -> model.recordAccessReview());
        FlowPane buttons = new FlowPane(8, 8, reclassify, review, access);

        reviewDue.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        accessDue.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox reviewRow = new HBox(8, reviewDue, reviewBadge);
        reviewRow.setAlignment(Pos.CENTER_LEFT);
        HBox accessRow = new HBox(8, accessDue, accessBadge);
        accessRow.setAlignment(Pos.CENTER_LEFT);
        // A proposal waiting for its decider shows where the decider looks first, with the way to confirm it.
        confirm.setText(i18n.tr("classify.confirmProposal"));
        confirm.setGraphic(new FontIcon(Material2OutlinedAL.DONE));
        confirm.setId("confirm-proposal");
        confirm.disableProperty().bind(model.writable.not());
        confirm.setOnAction(e -> {
            if (pending != null) {
                model.confirm(pending);
            }
        });
        pendingText.setWrapText(true);
        HBox pendingHead = new HBox(6, new Label(i18n.tr("classify.pending")), pendingChip);
        pendingHead.setAlignment(Pos.CENTER_LEFT);
        pendingBox.getChildren().addAll(pendingHead, pendingText, confirm);
        pendingBox.getStyleClass().add("pending-proposal");
        pendingBox.setVisible(false);
        pendingBox.managedProperty().bind(pendingBox.visibleProperty());
        VBox levelCard = card(new Label(i18n.tr("classify.current")), new HBox(chip), since, reviewRow, accessLine,
                accessRow, buttons, pendingBox);

        VBox rulesCard = card(new Label(i18n.tr("classify.handling")), rules);

        TextField codes = FormLayout.text(model.sourcesText);
        codes.setPromptText(i18n.tr("sources.prompt"));
        codes.setId("sources-field");
        codes.setOnAction(e -> model.saveSources());
        Button saveSources = new Button(i18n.tr("sources.save"));
        saveSources.disableProperty().bind(model.busy.or(model.writable.not()));
        codes.editableProperty().bind(model.writable);
        saveSources.setOnAction(e -> model.saveSources());
        HBox.setHgrow(codes, Priority.ALWAYS);
        Label sourcesError = new Label();
        sourcesError.getStyleClass().add("field-error");
        sourcesError.setWrapText(true);
        sourcesError.textProperty().bind(model.sourcesError);
        sourcesError.visibleProperty().bind(model.sourcesError.isNotEmpty());
        sourcesError.managedProperty().bind(sourcesError.visibleProperty());
        Label sourcesHint = new Label(i18n.tr("sources.hint"));
        sourcesHint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        sourcesHint.setWrapText(true);
        Label below = new Label();
        below.getStyleClass().add(Styles.WARNING);
        below.setWrapText(true);
        below.textProperty().bind(model.belowSources);
        below.visibleProperty().bind(model.belowSources.isNotEmpty());
        below.managedProperty().bind(below.visibleProperty());
        below.setId("sources-below");
        VBox sourcesCard = card(new Label(i18n.tr("sources.title")), sourcesHint, new HBox(8, codes, saveSources),
                sourcesError, sourceChips, below);

        Label history = FormLayout.section(i18n.tr("classify.history"));
        Label accessTitle = FormLayout.section(i18n.tr("access.history"));
        VBox content = new VBox(10, levelCard, rulesCard, sourcesCard, history, timeline, accessTitle, accessReviews);
        content.setPadding(new Insets(8, 16, 16, 16));
        setContent(content);
        setFitToWidth(true);
        getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);

        model.level.addListener((o, a, b) -> refreshLevel());
        model.current.addListener((o, a, b) -> refreshLevel());
        model.lastAccessReview.addListener((o, a, b) -> refreshLevel());
        model.classificationDue.addListener((o, a, b) -> refreshLevel());
        model.accessDue.addListener((o, a, b) -> refreshLevel());
        model.loaded.addListener((o, a, b) -> refreshLevel());
        model.decisions.addListener((ListChangeListener<ClassificationDecision>) c -> refreshTimeline());
        model.reviews.addListener((ListChangeListener<AccessReview>) c -> refreshReviews());
        model.sources.addListener((ListChangeListener<SourceDataset>) c -> refreshSources());
        content.disableProperty().bind(Bindings.not(model.loaded));
    }

    private static VBox card(Label title, Node... children) {
        title.getStyleClass().add(Styles.TEXT_BOLD);
        VBox box = new VBox(6, title);
        box.getChildren().addAll(children);
        box.getStyleClass().add("panel-card");
        return box;
    }

    private void refreshLevel() {
        ClassificationLevel l = model.level.get();
        ClassificationDecision d = model.current.get();
        chip.show(l, l == null ? null : l.code(), i18n.chinese());
        if (l == null) {
            chip.setVisible(true);
            chip.setText(i18n.tr("dataset.level.none"));
            chip.setStyle("-fx-background-color: -color-neutral-emphasis;");
        }
        since.setText(d == null ? i18n.tr("classify.never") : i18n.tr("classify.since", d.effectiveFrom().toString(),
                d.decidedBy()));
        // The dates the queue has, so the panel and the queue never disagree.
        LocalDate today = model.today.get();
        var levelDue = model.classificationDue.get();
        reviewDue.setText(levelDue == null ? "" : i18n.tr("classify.reviewDueOn", levelDue.dueOn().toString()));
        reviewBadge.show(levelDue == null ? null : levelDue.dueOn(), today, i18n);
        rules.getChildren().clear();
        if (l != null) {
            for (String line : HandlingText.lines(l, i18n)) {
                Label rule = new Label("•  " + line);
                rule.setWrapText(true);
                rules.getChildren().add(rule);
            }
        } else {
            rules.getChildren().add(new Label(i18n.tr("classify.noRules")));
        }
        AccessReview last = model.lastAccessReview.get();
        var access = model.accessDue.get();
        LocalDate due = access == null ? null : access.dueOn();
        if (l == null || l.rules().accessReview() == null) {
            accessLine.setText(i18n.tr("access.notRequired"));
        } else if (last == null) {
            accessLine.setText(i18n.tr("access.never"));
        } else {
            accessLine.setText(i18n.tr("access.last", last.reviewedOn().toString(), last.reviewer()));
        }
        accessDue.setText(due == null ? "" : i18n.tr("access.dueOn", due.toString()));
        accessDue.setManaged(due != null);
        accessBadge.show(due, today, i18n);
    }

    private void refreshSources() {
        sourceChips.getChildren().clear();
        var scheme = model.scheme.get();
        for (SourceDataset s : model.sources) {
            LevelChip c = new LevelChip();
            ClassificationLevel level = scheme == null ? null : scheme.level(s.level()).orElse(null);
            c.show(level, s.level(), i18n.chinese());
            Label code = new Label(s.code());
            code.setTooltip(new javafx.scene.control.Tooltip(s.title()));
            HBox one = new HBox(4, code, c);
            one.setAlignment(Pos.CENTER_LEFT);
            sourceChips.getChildren().add(one);
        }
    }

    private void refreshTimeline() {
        pending = model.decisions.stream().filter(model::pending).findFirst().orElse(null);
        pendingBox.setVisible(pending != null);
        if (pending != null) {
            var scheme = model.scheme.get();
            pendingChip.show(scheme == null ? null : scheme.level(pending.level()).orElse(null), pending.level(),
                    i18n.chinese());
            pendingText.setText(i18n.tr("classify.pendingBy", pending.proposedBy(), pending.rationale()));
        }
        timeline.getChildren().clear();
        if (model.decisions.isEmpty()) {
            timeline.getChildren().add(muted(i18n.tr("classify.history.none")));
        }
        var scheme = model.scheme.get();
        for (ClassificationDecision d : model.decisions) {
            timeline.getChildren().add(entry(d, scheme));
        }
    }

    private Node entry(ClassificationDecision d, org.custodian.model.classification.ClassificationScheme scheme) {
        Label when = new Label(d.effectiveFrom().toString());
        when.getStyleClass().add(Styles.TEXT_BOLD);
        HBox head = new HBox(6, when);
        head.setAlignment(Pos.CENTER_LEFT);
        if (d.previousLevel() != null && !d.previousLevel().equalsIgnoreCase(d.level())) {
            head.getChildren().addAll(chipFor(d.previousLevel(), scheme), new Label("→"));
        }
        head.getChildren().add(chipFor(d.level(), scheme));
        if (!d.confirmed()) {
            Label proposal = new Label(i18n.tr(model.pending(d) ? "decision.status.proposed" : "classify.proposalSettled"));
            proposal.getStyleClass().add(model.pending(d) ? "due-soon-badge" : Styles.TEXT_MUTED);
            head.getChildren().add(proposal);
        } else if (d.previousLevel() != null && d.previousLevel().equalsIgnoreCase(d.level())) {
            head.getChildren().add(muted(i18n.tr("classify.reconfirmed")));
        }
        Label rationale = new Label(d.rationale());
        rationale.setWrapText(true);
        VBox box = new VBox(3, head, rationale);
        for (Criterion c : Criterion.values()) {
            String note = d.criteria().get(c);
            if (note != null) {
                Label line = new Label("•  " + i18n.tr(c.labelKey()) + " — " + note);
                line.setWrapText(true);
                line.getStyleClass().add(Styles.TEXT_SMALL);
                box.getChildren().add(line);
            }
        }
        List<String> people = new ArrayList<>();
        if (d.proposedBy() != null) {
            people.add(i18n.tr("classify.by.proposed", d.proposedBy()));
        }
        if (d.decidedBy() != null) {
            people.add(i18n.tr("classify.by.decided", d.decidedBy()));
        }
        if (d.approvedBy() != null) {
            people.add(i18n.tr("classify.by.approved", d.approvedBy()));
        }
        box.getChildren().add(small(String.join(" · ", people)));
        if (d.justification() != null) {
            box.getChildren().add(small(i18n.tr("classify.justificationWas", d.justification())));
        }
        List<String> dates = new ArrayList<>();
        if (d.reviewDue() != null) {
            dates.add(i18n.tr("classify.reviewDueOn", d.reviewDue().toString()));
        }
        if (d.declassifyOn() != null) {
            dates.add(i18n.tr("classify.declassifiesOn", d.declassifyOn().toString()));
        }
        if (d.declassifyEvent() != null) {
            dates.add(i18n.tr("classify.declassifiesWhen", d.declassifyEvent()));
        }
        if (!dates.isEmpty()) {
            box.getChildren().add(small(String.join(" · ", dates)));
        }
        box.getChildren().add(muted(i18n.tr("classify.recordedBy", d.recordedAt().toString().substring(0, 16)
                .replace('T', ' '), d.recordedBy())));
        box.getStyleClass().add("timeline-entry");
        if (!d.confirmed()) {
            box.getStyleClass().add("proposal");
        }
        return box;
    }

    private void refreshReviews() {
        accessReviews.getChildren().clear();
        if (model.reviews.isEmpty()) {
            accessReviews.getChildren().add(muted(i18n.tr("access.history.none")));
        }
        for (AccessReview r : model.reviews) {
            Label when = new Label(r.reviewedOn() + " · " + r.reviewer());
            when.getStyleClass().add(Styles.TEXT_BOLD);
            VBox box = new VBox(3, when, small(i18n.tr("access.scopeWas", r.scope())),
                    wrap(i18n.tr("access.findingsWere", r.findings())));
            if (r.actions() != null) {
                box.getChildren().add(small(i18n.tr("access.actionsWere", r.actions())));
            }
            if (r.nextDue() != null) {
                box.getChildren().add(small(i18n.tr("access.nextDueOn", r.nextDue().toString())));
            }
            box.getStyleClass().add("timeline-entry");
            accessReviews.getChildren().add(box);
        }
    }

    private Node chipFor(String code, org.custodian.model.classification.ClassificationScheme scheme) {
        LevelChip c = new LevelChip();
        c.show(scheme == null ? null : scheme.level(code).orElse(null), code, i18n.chinese());
        return c;
    }

    private static Label wrap(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    private static Label small(String text) {
        Label l = wrap(text);
        l.getStyleClass().add(Styles.TEXT_SMALL);
        return l;
    }

    private static Label muted(String text) {
        Label l = small(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }
}
