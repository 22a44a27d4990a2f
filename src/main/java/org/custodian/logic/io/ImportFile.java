package org.custodian.logic.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The one way an importer opens a file a person chose. Before a byte is read the file must exist, be a regular
 * file and be no larger than its kind allows, so a 2 GB file is refused at once instead of filling the memory.
 * Its text is decoded strictly: bytes the encoding cannot decode, a NUL (a binary file) or an endless line refuse
 * the file naming the line they are on, and never become replacement characters.
 */
public final class ImportFile {

    /** How large a file of each kind may be. */
    public enum Limit {
        /**
         * Registers, read row by row (datasets, agreements, decisions, reference lists), and assessment exports with
         * their evidence: a 100,000-dataset CSV is about 61 MB and its JSON export about 127 MB.
         */
        REGISTER(160L << 20),
        /** A saved CKAN response, read whole into memory; the portal's answers are a few megabytes a page. */
        CKAN(64L << 20),
        /** A classification scheme or an assessment template: kilobytes of YAML or JSON. */
        DEFINITION(4L << 20);

        private final long bytes;

        Limit(long bytes) {
            this.bytes = bytes;
        }

        public long bytes() {
            return bytes;
        }

        /** The refusal of {@code name}, {@code size} bytes long (negative when not known), over this limit. */
        public InputRejectedException refusal(String name, long size) {
            return new InputRejectedException(name + ": the file is " + (size < 0 ? "" : megabytes(size) + ", ")
                    + "larger than " + megabytes(bytes) + ", the most Custodian imports in a file of this kind; it"
                    + " was not read.");
        }
    }

    /** How a kind of text is read. */
    public enum Text {
        /** CSV: the person may choose the encoding; no row is near a million characters long. */
        CSV("choose its encoding, e.g. Big5-HKSCS.", true, 1_000_000),
        /** JSON and YAML: UTF-8; an export may hold all of its content on one line. */
        STRUCTURED("save it as UTF-8 text.", false, 0);

        private final String advice;
        private final boolean encodingChoosable;
        private final int maxLine;

        Text(String advice, boolean encodingChoosable, int maxLine) {
            this.advice = advice;
            this.encodingChoosable = encodingChoosable;
            this.maxLine = maxLine;
        }
    }

    /** A fault of the input met inside a read, carrying the whole refusal ("file, line N: what") as its message. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    /** Bytes the encoding cannot decode, as {@link Refused}; a coding error, so a window can offer another one. */
    static final class BadBytes extends CharacterCodingException {
        private final String message;

        BadBytes(String message) {
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

    // Enough to see the NUL bytes every binary format (zip, images, SQLite) has near its start.
    private static final int SNIFF = 8192;

    private final Path path;
    private final String name;
    private final long size;
    private final Limit limit;

    private ImportFile(Path path, String name, long size, Limit limit) {
        this.path = path;
        this.name = name;
        this.size = size;
        this.limit = limit;
    }

    /**
     * Checks {@code file} without reading it.
     *
     * @throws NoSuchFileException when it does not exist
     * @throws InputRejectedException when it is a folder, a device or larger than {@code limit}
     */
    public static ImportFile check(Path file, Limit limit) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (Files.isDirectory(file)) {
            throw new InputRejectedException(name + " is a folder, not a file.");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new InputRejectedException(name + " is not a regular file (a device or a pipe?); save what it"
                    + " holds to a file and import that.");
        }
        long size = Files.size(file);
        if (size > limit.bytes) {
            throw limit.refusal(name, size);
        }
        return new ImportFile(file, name, size, limit);
    }

    /** The file name, as every message names the file. */
    public String name() {
        return name;
    }

    /** The size in bytes when checked. */
    public long size() {
        return size;
    }

    /** The bytes, buffered; a file that grows past its limit while read (a log being written) fails the read. */
    public InputStream open() throws IOException {
        return new BufferedInputStream(new Capped(Files.newInputStream(path)), 1 << 16);
    }

    /** All the bytes of a small file (a scheme, a template). */
    public byte[] readAll() throws IOException {
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    /**
     * The text of {@code in}, decoded strictly (see the class comment), without a byte-order mark. A file whose first
     * kilobytes hold a NUL byte is refused at once as binary, unless the encoding is one that writes them.
     */
    public static Reader text(String name, InputStream in, Charset charset, Text kind) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        refuseBinary(name, buffered, charset);
        Reader reader = new BufferedReader(new StrictDecodingReader(name, buffered, charset.newDecoder(), kind.advice,
                kind.encodingChoosable, kind.maxLine), 1 << 16);
        // A byte-order mark is not part of the text, whatever the charset.
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** The whole text of a small file's bytes, decoded as {@link #text} does. */
    public static String decode(String name, byte[] bytes, Text kind) {
        try (Reader reader = text(name, new ByteArrayInputStream(bytes), StandardCharsets.UTF_8, kind)) {
            StringWriter out = new StringWriter(bytes.length);
            reader.transferTo(out);
            return out.toString();
        } catch (IOException e) {
            throw rejected(name, e);
        }
    }

    private static void refuseBinary(String name, BufferedInputStream in, Charset charset) throws IOException {
        String encoding = charset.name().toUpperCase(Locale.ROOT);
        if (encoding.startsWith("UTF-16") || encoding.startsWith("UTF-32")) {
            return; // NUL bytes are how these write ASCII; a NUL character is still refused while decoding
        }
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        boolean wideBom = head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF));
        if (wideBom) {
            return; // UTF-16 text read as another encoding: decoding names the encoding problem better
        }
        for (byte b : head) {
            if (b == 0) {
                throw new InputRejectedException(name + " is not a text file: it holds NUL bytes, as spreadsheets,"
                        + " images and other binary files do.");
            }
        }
    }

    /**
     * The refusal a failure met while reading amounts to when the input itself was at fault (bad bytes, a NUL, an
     * endless line, already a refusal), found anywhere among its causes, since parsers wrap what a reader throws.
     */
    public static Optional<InputRejectedException> fault(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof InputRejectedException rejected) {
                return Optional.of(rejected);
            }
            if (t instanceof Refused || t instanceof BadBytes) {
                return Optional.of(new InputRejectedException(t.getMessage(), t));
            }
        }
        return Optional.empty();
    }

    /** The input's own fault if there is one (see {@link #fault}), else "name cannot be read: why". */
    public static InputRejectedException rejected(String name, Throwable failure) {
        return fault(failure).orElseGet(() -> new InputRejectedException(name + " cannot be read: "
                + (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage()), failure));
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", Math.max(1, Math.round(bytes / (double) (1 << 20))));
    }

    /** Stops a read that goes past the limit the size was checked against. */
    private final class Capped extends FilterInputStream {
        private long left = limit.bytes;

        Capped(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, (int) Math.min(len, left + 1));
            if (n > 0 && (left -= n) < 0) {
                throw new Refused(name + " grew past " + megabytes(limit.bytes) + " while it was read; it was not"
                        + " imported.");
            }
            return n;
        }
    }
}
