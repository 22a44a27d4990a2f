package org.custodian.logic.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes strictly: a byte sequence that is not valid in the charset fails the read with {@link BadBytes},
 * which names the line it is on. ({@link java.io.InputStreamReader} reports only "Input length = 1", and a
 * buffer ahead of the parser, so the parser's own line count is thousands of lines short.)
 */
final class StrictDecodingReader extends Reader {

    /** A byte sequence the charset cannot decode, and the line (from 1) it is on. */
    static final class BadBytes extends CharacterCodingException {
        private final long line;
        private final String message;

        BadBytes(long line, String message) {
            this.line = line;
            this.message = message;
        }

        long line() {
            return line;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

    private static final int SIZE = 8192;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(SIZE).flip();
    private final CharBuffer chars = CharBuffer.allocate(SIZE).flip();
    private boolean eof;
    private boolean inputDecoded;
    private boolean flushed;
    // Line ends decoded so far (CR, LF and CR LF each count once), to place bad bytes.
    private long lineEnds;
    private char last;

    StrictDecodingReader(InputStream in, CharsetDecoder decoder) {
        this.in = in;
        this.decoder = decoder.onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
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

    /** Decodes until some characters are ready or the input is over; throws at bytes that are not valid. */
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
                countLineEnds(from);
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

    /** Counts the line ends among the characters just decoded, from {@code from}. */
    private void countLineEnds(int from) {
        for (int i = from; i < chars.position(); i++) {
            char c = chars.get(i);
            if (c == '\r' || c == '\n' && last != '\r') {
                lineEnds++;
            }
            last = c;
        }
    }

    private BadBytes badBytes(CoderResult result) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < result.length(); i++) {
            hex.append(hex.length() == 0 ? "" : " ").append(String.format("%02X", bytes.get(bytes.position() + i)));
        }
        boolean one = result.length() == 1;
        return new BadBytes(lineEnds + 1, (one ? "the byte " : "the bytes ") + hex + (result.isMalformed()
                ? (one ? " is" : " are") + " not valid " : (one ? " has" : " have") + " no character in ")
                + decoder.charset().name() + " text");
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
