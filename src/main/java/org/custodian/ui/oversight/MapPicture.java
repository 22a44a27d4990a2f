package org.custodian.ui.oversight;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.custodian.logic.io.AtomicOutput;

/**
 * A picture of the drawn map: its pixels are taken on the FX thread (a snapshot must be), then written as PNG on
 * another (encoding takes a while). javafx-swing is not on the classpath, so the pixels go to AWT by hand.
 */
final class MapPicture {

    /** The longest side a picture may have: larger maps are taken at a smaller scale. */
    static final int MAX_SIDE = 4096;

    private final int width;
    private final int height;
    private final int[] argb;

    private MapPicture(int width, int height, int[] argb) {
        this.width = width;
        this.height = height;
        this.argb = argb;
    }

    /** Takes the node at {@code scale} (2: sharp on paper and on high-density screens). Call on the FX thread. */
    static MapPicture of(Node node, double scale) {
        double longest = Math.max(node.getLayoutBounds().getWidth(), node.getLayoutBounds().getHeight());
        double s = Math.min(scale, MAX_SIDE / Math.max(longest, 1));
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(s, s));
        WritableImage image = node.snapshot(parameters, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] pixels = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
        return new MapPicture(w, h, pixels);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Writes the PNG whole or not at all. */
    void writePng(Path target) throws IOException {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, width, height, argb, 0, width);
        AtomicOutput.write(target, stream -> {
            if (!ImageIO.write(out, "png", stream)) {
                throw new IOException("no PNG writer");
            }
        });
    }
}
