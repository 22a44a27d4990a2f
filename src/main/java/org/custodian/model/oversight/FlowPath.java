package org.custodian.model.oversight;

/**
 * The line of one edge: a quadratic Bézier curve from the provider's circle to the recipient's (straight when the
 * control point lies on the line), so parallel agreements between one pair bow apart instead of overlapping.
 */
public record FlowPath(double startX, double startY, double controlX, double controlY, double endX, double endY) {

    /** The arrowhead's length along the line. */
    public static final double ARROW_LENGTH = 11;
    private static final double ARROW_HALF_WIDTH = 5;

    /** The point halfway along the curve, where a cross-boundary edge carries its mark. */
    public double midX() {
        return 0.25 * startX + 0.5 * controlX + 0.25 * endX;
    }

    public double midY() {
        return 0.25 * startY + 0.5 * controlY + 0.25 * endY;
    }

    /** The arrowhead at the end (tip first, then the two back corners: x0, y0, x1, y1, x2, y2). */
    public double[] arrowAtEnd() {
        return arrow(endX, endY, controlX, controlY);
    }

    /** The arrowhead at the start, for an edge that runs both ways. */
    public double[] arrowAtStart() {
        return arrow(startX, startY, controlX, controlY);
    }

    private static double[] arrow(double tipX, double tipY, double fromX, double fromY) {
        double dx = tipX - fromX;
        double dy = tipY - fromY;
        double length = Math.hypot(dx, dy);
        if (length < 1e-9) {
            dx = 1;
            dy = 0;
            length = 1;
        }
        double ux = dx / length;
        double uy = dy / length;
        double baseX = tipX - ux * ARROW_LENGTH;
        double baseY = tipY - uy * ARROW_LENGTH;
        return new double[] {tipX, tipY, baseX - uy * ARROW_HALF_WIDTH, baseY + ux * ARROW_HALF_WIDTH,
                baseX + uy * ARROW_HALF_WIDTH, baseY - ux * ARROW_HALF_WIDTH};
    }
}
