package org.custodian.logic.oversight;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Places the organisations of the data-flow map so that it reads: the department in the middle, its partners on a
 * ring round it, their partners further out (ordered by where their partners sit, which keeps crossings down), then
 * a spring embedding that pulls partners together and pushes everyone else apart, and last a pass that moves any
 * two organisations whose circle-and-name boxes touch until none does. Pure arithmetic over the input order: the
 * same map always comes out the same.
 */
final class FlowLayout {

    /** The length an edge settles at. */
    static final double EDGE_LENGTH = 150;
    /** Space kept between two organisations' boxes. */
    static final double GAP_X = 18;
    static final double GAP_Y = 14;
    /** Space between a circle and its name. */
    static final double LABEL_GAP = 4;
    static final double MARGIN = 24;
    private static final int SPRING_ROUNDS = 350;
    /**
     * Organisations further apart than this no longer push each other (the grid variant of Fruchterman and
     * Reingold): without it, thirty organisations push the ends of a chain of agreements far out.
     */
    private static final double REPULSION_RANGE = 2.5 * EDGE_LENGTH;
    private static final int SEPARATION_ROUNDS = 2000;

    /** One organisation's room: its circle and the widest and tallest of its names below it. */
    record Slot(String code, double radius, double labelWidth, double labelHeight) {

        double boxWidth() {
            return Math.max(2 * radius, labelWidth);
        }

        double boxHeight() {
            return 2 * radius + LABEL_GAP + labelHeight;
        }

        /** How far below the circle's centre the box's centre lies. */
        double boxCentreBelow() {
            return (LABEL_GAP + labelHeight) / 2;
        }
    }

    /** Where the layout put everything: circle centres, and the drawing's size. */
    record Placement(double[] x, double[] y, double width, double height) {
    }

    private FlowLayout() {
    }

    /**
     * @param slots the organisations, in a stable order (by code)
     * @param centre the index of the one drawn in the middle
     * @param links pairs of indexes that share an agreement (each pair once, either way round)
     */
    static Placement place(List<Slot> slots, int centre, List<int[]> links) {
        int n = slots.size();
        double[] x = new double[n];
        double[] y = new double[n];
        if (n == 0) {
            return new Placement(x, y, 2 * MARGIN, 2 * MARGIN);
        }
        List<List<Integer>> partners = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            partners.add(new ArrayList<>());
        }
        for (int[] l : links) {
            partners.get(l[0]).add(l[1]);
            partners.get(l[1]).add(l[0]);
        }
        // Each group of connected organisations is laid out on its own round its best-connected member; the
        // department's group in the middle, the others on shelves below it (springs alone would push them far off).
        List<List<Integer>> groups = groups(partners, centre);
        double[] shelf = null;
        for (List<Integer> group : groups) {
            int pin = group.get(0) == centre ? centre : group.stream()
                    .max(java.util.Comparator.comparingInt((Integer i) -> partners.get(i).size())
                            .thenComparing(i -> -i)).orElseThrow();
            layOutGroup(slots, group, pin, partners, links, x, y);
            double[] box = bounds(slots, group, x, y);
            if (shelf == null) {
                // The department's group: the shelves start under it and are at least as wide.
                shelf = new double[] {box[0], box[3] + 2 * GAP_Y, box[0], Math.max(box[2] - box[0], 900), 0};
                continue;
            }
            double w = box[2] - box[0];
            double h = box[3] - box[1];
            if (shelf[2] > shelf[0] && shelf[2] + w > shelf[0] + shelf[3]) {
                shelf[1] += shelf[4] + 2 * GAP_Y;
                shelf[2] = shelf[0];
                shelf[4] = 0;
            }
            double shiftX = shelf[2] - box[0];
            double shiftY = shelf[1] - box[1];
            for (int i : group) {
                x[i] += shiftX;
                y[i] += shiftY;
            }
            shelf[2] += w + 2 * GAP_X;
            shelf[4] = Math.max(shelf[4], h);
        }
        return normalised(slots, x, y);
    }

    /** Connected groups: the centre's first, then the others largest first (ties: by their first member). */
    private static List<List<Integer>> groups(List<List<Integer>> partners, int centre) {
        int n = partners.size();
        int[] group = new int[n];
        Arrays.fill(group, -1);
        List<List<Integer>> groups = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        starts.add(centre);
        for (int i = 0; i < n; i++) {
            starts.add(i);
        }
        for (int start : starts) {
            if (group[start] >= 0) {
                continue;
            }
            List<Integer> members = new ArrayList<>();
            Deque<Integer> queue = new ArrayDeque<>(List.of(start));
            group[start] = groups.size();
            while (!queue.isEmpty()) {
                int at = queue.poll();
                members.add(at);
                for (int p : partners.get(at)) {
                    if (group[p] < 0) {
                        group[p] = groups.size();
                        queue.add(p);
                    }
                }
            }
            members.sort(null);
            if (start == centre) {
                members.remove(Integer.valueOf(centre));
                members.add(0, centre);
            }
            groups.add(members);
        }
        List<List<Integer>> others = new ArrayList<>(groups.subList(1, groups.size()));
        others.sort(java.util.Comparator.comparingInt((List<Integer> g) -> -g.size()).thenComparing(g -> g.get(0)));
        List<List<Integer>> ordered = new ArrayList<>(List.of(groups.get(0)));
        ordered.addAll(others);
        return ordered;
    }

    /** One connected group round {@code pin} at (0, 0): rings, springs, then no two boxes touching. */
    private static void layOutGroup(List<Slot> slots, List<Integer> group, int pin, List<List<Integer>> partners,
                                    List<int[]> links, double[] x, double[] y) {
        java.util.Set<Integer> members = new java.util.HashSet<>(group);
        List<int[]> own = links.stream().filter(l -> members.contains(l[0])).toList();
        seedOnRings(slots, group, pin, partners, x, y);
        springs(group, pin, own, x, y);
        separate(slots, group, pin, x, y);
    }

    /** The group's boxes' extent: min x, min y, max x, max y. */
    private static double[] bounds(List<Slot> slots, List<Integer> group, double[] x, double[] y) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i : group) {
            Slot s = slots.get(i);
            b[0] = Math.min(b[0], x[i] - s.boxWidth() / 2);
            b[1] = Math.min(b[1], y[i] - s.radius());
            b[2] = Math.max(b[2], x[i] + s.boxWidth() / 2);
            b[3] = Math.max(b[3], y[i] - s.radius() + s.boxHeight());
        }
        return b;
    }

    /** Rings by distance from the group's centre, each ordered by where its partners on the ring inside sit. */
    private static void seedOnRings(List<Slot> slots, List<Integer> group, int centre, List<List<Integer>> partners,
                                    double[] x, double[] y) {
        int n = slots.size();
        int[] ring = new int[n];
        Arrays.fill(ring, -1);
        x[centre] = 0;
        y[centre] = 0;
        ring[centre] = 0;
        Deque<Integer> queue = new ArrayDeque<>(List.of(centre));
        int deepest = 0;
        while (!queue.isEmpty()) {
            int at = queue.poll();
            for (int p : partners.get(at)) {
                if (ring[p] < 0) {
                    ring[p] = ring[at] + 1;
                    deepest = Math.max(deepest, ring[p]);
                    queue.add(p);
                }
            }
        }
        double[] angle = new double[n];
        int rings = deepest;
        double radius = 0;
        for (int r = 1; r <= rings; r++) {
            int current = r;
            List<Integer> members = new ArrayList<>();
            for (int i : group) {
                if (ring[i] == current) {
                    members.add(i);
                }
            }
            if (members.isEmpty()) {
                continue;
            }
            // Each one goes towards its partners on the ring inside: their mean direction.
            double[] wanted = new double[n];
            for (int i : members) {
                double sx = 0;
                double sy = 0;
                for (int p : partners.get(i)) {
                    if (ring[p] == current - 1 && p != centre) {
                        sx += StrictMath.cos(angle[p]);
                        sy += StrictMath.sin(angle[p]);
                    }
                }
                wanted[i] = sx == 0 && sy == 0 ? Double.NaN : StrictMath.atan2(sy, sx);
            }
            List<Integer> order = new ArrayList<>(members);
            if (current > 1) {
                order.sort(Comparator.comparingDouble((Integer i) -> Double.isNaN(wanted[i]) ? 10 : wanted[i])
                        .thenComparing(i -> slots.get(i).code()));
            }
            double circumference = 0;
            for (int i : order) {
                circumference += slots.get(i).boxWidth() + GAP_X;
            }
            radius = Math.max(radius + EDGE_LENGTH, circumference / (2 * Math.PI));
            double start = current > 1 && !Double.isNaN(wanted[order.get(0)]) ? wanted[order.get(0)] : -Math.PI / 2;
            for (int k = 0; k < order.size(); k++) {
                int i = order.get(k);
                angle[i] = start + 2 * Math.PI * k / order.size();
                x[i] = radius * StrictMath.cos(angle[i]);
                y[i] = radius * StrictMath.sin(angle[i]);
            }
        }
    }

    /**
     * Fruchterman–Reingold with a pull towards the middle (so parts not connected to the department stay near it)
     * and the centre pinned; the step shrinks each round so the drawing settles.
     */
    private static void springs(List<Integer> group, int centre, List<int[]> links, double[] x, double[] y) {
        int n = group.size();
        double k2 = EDGE_LENGTH * EDGE_LENGTH;
        double gravity = 0.02;
        double[] dx = new double[x.length];
        double[] dy = new double[x.length];
        for (int round = 0; round < SPRING_ROUNDS; round++) {
            double step = EDGE_LENGTH * 0.5 * (1 - (double) round / SPRING_ROUNDS) + 1;
            Arrays.fill(dx, 0);
            Arrays.fill(dy, 0);
            for (int gi = 0; gi < n; gi++) {
                int i = group.get(gi);
                for (int gj = gi + 1; gj < n; gj++) {
                    int j = group.get(gj);
                    double ex = x[i] - x[j];
                    double ey = y[i] - y[j];
                    double d2 = Math.max(ex * ex + ey * ey, 1);
                    if (d2 > REPULSION_RANGE * REPULSION_RANGE) {
                        continue;
                    }
                    // Repulsion k²/d along the unit vector: k² e / d².
                    double f = k2 / d2;
                    dx[i] += ex * f;
                    dy[i] += ey * f;
                    dx[j] -= ex * f;
                    dy[j] -= ey * f;
                }
            }
            for (int[] l : links) {
                double ex = x[l[0]] - x[l[1]];
                double ey = y[l[0]] - y[l[1]];
                double d = Math.sqrt(ex * ex + ey * ey);
                // Attraction d²/k along the unit vector: d e / k.
                double f = d / EDGE_LENGTH;
                dx[l[0]] -= ex * f;
                dy[l[0]] -= ey * f;
                dx[l[1]] += ex * f;
                dy[l[1]] += ey * f;
            }
            for (int i : group) {
                if (i == centre) {
                    continue;
                }
                dx[i] -= x[i] * gravity;
                dy[i] -= y[i] * gravity;
                double length = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
                if (length > 0) {
                    double move = Math.min(length, step);
                    x[i] += dx[i] / length * move;
                    y[i] += dy[i] / length * move;
                }
            }
        }
    }

    /** Moves apart any two boxes closer than the gap, along the axis where they overlap least; the centre stays. */
    private static void separate(List<Slot> slots, List<Integer> group, int centre, double[] x, double[] y) {
        int n = group.size();
        for (int round = 0; round < SEPARATION_ROUNDS; round++) {
            boolean moved = false;
            for (int gi = 0; gi < n; gi++) {
                int i = group.get(gi);
                for (int gj = gi + 1; gj < n; gj++) {
                    int j = group.get(gj);
                    Slot a = slots.get(i);
                    Slot b = slots.get(j);
                    double ex = x[j] - x[i];
                    double ey = (y[j] + b.boxCentreBelow()) - (y[i] + a.boxCentreBelow());
                    double ox = (a.boxWidth() + b.boxWidth()) / 2 + GAP_X - Math.abs(ex);
                    double oy = (a.boxHeight() + b.boxHeight()) / 2 + GAP_Y - Math.abs(ey);
                    if (ox <= 0 || oy <= 0) {
                        continue;
                    }
                    moved = true;
                    double shareI = i == centre ? 0 : j == centre ? 1 : 0.5;
                    double shareJ = 1 - shareI;
                    if (ox < oy) {
                        double sign = ex < 0 ? -1 : 1;
                        x[i] -= sign * ox * shareI;
                        x[j] += sign * ox * shareJ;
                    } else {
                        double sign = ey < 0 ? -1 : 1;
                        y[i] -= sign * oy * shareI;
                        y[j] += sign * oy * shareJ;
                    }
                }
            }
            if (!moved) {
                return;
            }
        }
    }

    /** Shifts everything so the drawing starts at the margin, and measures it. */
    private static Placement normalised(List<Slot> slots, double[] x, double[] y) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < x.length; i++) {
            Slot s = slots.get(i);
            minX = Math.min(minX, x[i] - s.boxWidth() / 2);
            maxX = Math.max(maxX, x[i] + s.boxWidth() / 2);
            minY = Math.min(minY, y[i] - s.radius());
            maxY = Math.max(maxY, y[i] - s.radius() + s.boxHeight());
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = round(x[i] - minX + MARGIN);
            y[i] = round(y[i] - minY + MARGIN);
        }
        return new Placement(x, y, Math.ceil(maxX - minX + 2 * MARGIN), Math.ceil(maxY - minY + 2 * MARGIN));
    }

    /** Tenths of a pixel: enough for drawing, and short in the SVG. */
    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
