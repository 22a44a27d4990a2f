package org.custodian.model.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes the score card of an assessment's answers against its template. Pure: no store, no clock. */
public final class Scorer {

    private Scorer() {
    }

    public static ScoreCard score(AssessmentTemplate template, Map<String, Answer> answers) {
        Visibility visibility = Visibility.of(template, answers);
        List<QuestionScore> lines = new ArrayList<>();
        List<String> knockOuts = new ArrayList<>();
        List<String> requiredMissing = new ArrayList<>();
        int hidden = 0;
        Map<String, int[]> bySection = new LinkedHashMap<>();
        Map<String, int[]> byPrinciple = new LinkedHashMap<>();
        for (Principle p : template.principles()) {
            byPrinciple.put(p.id(), new int[4]);
        }
        int[] total = new int[4];
        for (Section s : template.sections()) {
            int[] sec = bySection.computeIfAbsent(s.id(), k -> new int[4]);
            for (int i = 0; i < s.questions().size(); i++) {
                Question q = s.questions().get(i);
                Answer a = answers.get(q.id());
                boolean answered = a != null && a.answered();
                boolean showing = visibility.shows(q.id());
                if (!showing) {
                    if (answered) {
                        hidden++;
                    }
                    lines.add(new QuestionScore(q.id(), template.numberOf(q.id()), s.id(), q.principle(), false,
                            answered, false, 0, q.maxPoints(), q.weight(), false));
                    continue;
                }
                int[] pri = q.principle() == null ? null : byPrinciple.get(q.principle());
                for (int[] t : new int[][] {sec, total, pri}) {
                    if (t != null) {
                        t[3]++;
                        t[2] += answered ? 1 : 0;
                    }
                }
                if (!answered && q.required()) {
                    requiredMissing.add(q.id());
                }
                boolean knockOut = answered && a.values().stream().anyMatch(q.knockOut()::contains);
                if (knockOut) {
                    knockOuts.add(q.id());
                }
                int points = answered ? points(q, a) : 0;
                boolean counted = answered && q.scored() && !a.values().contains("na");
                if (counted) {
                    for (int[] t : new int[][] {sec, total, pri}) {
                        if (t != null) {
                            t[0] += points * q.weight();
                            t[1] += q.maxPoints() * q.weight();
                        }
                    }
                }
                lines.add(new QuestionScore(q.id(), template.numberOf(q.id()), s.id(), q.principle(), true, answered,
                        counted, counted ? points : 0, q.maxPoints(), q.weight(), knockOut));
            }
        }
        List<Tally> sections = new ArrayList<>();
        for (Section s : template.sections()) {
            sections.add(tally(s.id(), s.title(), bySection.get(s.id())));
        }
        List<Tally> principles = new ArrayList<>();
        for (Principle p : template.principles()) {
            principles.add(tally(p.id(), p.title(), byPrinciple.get(p.id())));
        }
        Tally overall = tally("overall", template.title(), total);
        int percent = Math.max(0, overall.percent());
        int risk = template.method() == ScoringMethod.COMPLIANCE && overall.max() > 0 ? 100 - percent : percent;
        RiskLevel level = template.levels().get(0);
        for (RiskLevel l : template.levels()) {
            if (risk >= l.from()) {
                level = l;
            }
        }
        if (!knockOuts.isEmpty()) {
            level = template.highestLevel();
        }
        return new ScoreCard(template.method(), sections, principles, overall, risk, level, knockOuts, lines, hidden,
                requiredMissing, template.needsThirdLine(level));
    }

    private static Tally tally(String id, TemplateText title, int[] t) {
        return new Tally(id, title, t[0], t[1], t[2], t[3]);
    }

    /** The points of an answer, before weighting. */
    static int points(Question q, Answer a) {
        return switch (q.type()) {
            case YES_NO, SINGLE -> q.points().getOrDefault(a.value().strip(), 0);
            case MULTIPLE -> a.values().stream().mapToInt(v -> Math.max(0, q.points().getOrDefault(v, 0))).sum();
            case RATING -> {
                try {
                    yield Math.max(0, Math.min(4, Integer.parseInt(a.value().strip()) - 1));
                } catch (NumberFormatException e) {
                    yield 0;
                }
            }
            default -> 0;
        };
    }
}
