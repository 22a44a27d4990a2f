package org.custodian.logic.io.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** A PDF's pages as pixels, for the window's preview and for printing. Close it when done. */
public final class PdfPages implements AutoCloseable {

    /** One page as 32-bit ARGB pixels, row by row. */
    public record Page(int width, int height, int[] argb) {
    }

    private final PDDocument document;
    private final PDFRenderer renderer;

    public PdfPages(byte[] pdf) throws IOException {
        this.document = Loader.loadPDF(pdf);
        this.renderer = new PDFRenderer(document);
    }

    public int count() {
        return document.getNumberOfPages();
    }

    /** The page's size in points (1/72 inch). */
    public PDRectangle size(int index) {
        return document.getPage(index).getMediaBox();
    }

    /** Page {@code index} (from 0) at {@code dpi} dots per inch. */
    public Page render(int index, float dpi) throws IOException {
        BufferedImage image = renderer.renderImageWithDPI(index, dpi, ImageType.RGB);
        int w = image.getWidth();
        int h = image.getHeight();
        return new Page(w, h, image.getRGB(0, 0, w, h, null, 0, w));
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}
