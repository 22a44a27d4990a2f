package org.custodian.logic.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes strictly: a byte sequence that is not valid in the charset, a NUL character (text never has one;
 * binary files do) or, when a limit is set, a line longer than it fails the read with a refusal that names the file
 * and the line. ({@link java.io.InputStreamReader} reports only "Input length = 1", and a buffer ahead of
 * the parser, so the parser's own line count is thousands of lines short.)
 */
final class StrictDecodingReader extends Reader {

    private static final int SIZE = 8192;

    private final String source;
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final String advice;
    private final boolean encodingChoosable;
    private final int maxLine;
    private final ByteBuffer bytes = ByteBuffer.allocate(SIZE).flip();
    private final CharBuffer chars = CharBuffer.allocate(SIZE).flip();
    private boolean eof;
    private boolean inputDecoded;
    private boolean flushed;
    // Line ends decoded so far (CR, LF and CR LF each count once), to place bad bytes.
    private long lineEnds;
    private long lineLength;
    private char last;

    /**
     * @param advice what to do about bytes the charset cannot decode, e.g. "choose its encoding"
     * @param encodingChoosable whether the person may choose another encoding for this kind of file
     * @param maxLine the longest line accepted, in characters; 0 for no limit
     */
    StrictDecodingReader(String source, InputStream in, CharsetDecoder decoder, String advice,
                         boolean encodingChoosable, int maxLine) {
        this.source = source;
        this.in = in;
        this.decoder = decoder.onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.advice = advice;
        this.encodingChoosable = encodingChoosable;
        this.maxLine = maxLine;
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (flushed) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buffer, off, n);
        return n;
    }

    /** Decodes until some characters are ready or the input is over; throws at text that cannot be read. */
    private void fill() throws IOException {
        chars.clear();
        try {
            while (chars.position() == 0 && !flushed) {
                if (inputDecoded) {
                    flushed = decoder.flush(chars).isUnderflow();
                    continue;
                }
                int from = chars.position();
                CoderResult result = decoder.decode(bytes, chars, eof);
                scan(from);
                if (result.isError()) {
                    throw badBytes(result);
                }
                if (result.isUnderflow()) {
                    if (eof) {
                        inputDecoded = true;
                    } else if (chars.position() == 0) {
                        readMore();
                    }
                }
            }
        } finally {
            chars.flip();
        }
    }

    /** Counts the line ends among the characters just decoded, from {@code from}, and refuses NULs and long lines. */
    private void scan(int from) throws ImportFile.Refused {
        for (int i = from; i < chars.position(); i++) {
            char c = chars.get(i);
            if (c == '\r' || c == '\n') {
                if (c == '\r' || last != '\r') {
                    lineEnds++;
                }
                lineLength = 0;
            } else if (c == '\0') {
                throw new ImportFile.Refused(source + ", line " + (lineEnds + 1) + ": a NUL character, which text"
                        + " never holds; this is a binary file (a spreadsheet, image or database?), not text.");
            } else if (maxLine > 0 && ++lineLength > maxLine) {
                throw new ImportFile.Refused(source + ", line " + (lineEnds + 1) + ": longer than "
                        + String.format(java.util.Locale.ROOT, "%,d", maxLine)
                        + " characters; no record Custodian reads is that long.");
            }
            last = c;
        }
    }

    private IOException badBytes(CoderResult result) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < result.length(); i++) {
            hex.append(hex.length() == 0 ? "" : " ").append(String.format("%02X", bytes.get(bytes.position() + i)));
        }
        boolean one = result.length() == 1;
        String message = source + ", line " + (lineEnds + 1) + ": " + (one ? "the byte " : "the bytes ") + hex
                + (result.isMalformed() ? (one ? " is" : " are") + " not valid " : (one ? " has" : " have")
                + " no character in ") + decoder.charset().name() + " text; " + advice;
        // Only where the person may choose the encoding is this a coding error a window offers other encodings for.
        return encodingChoosable ? new ImportFile.BadBytes(message) : new ImportFile.Refused(message);
    }

    private void readMore() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
