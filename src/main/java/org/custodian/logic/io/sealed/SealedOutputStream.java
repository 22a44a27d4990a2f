package org.custodian.logic.io.sealed;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/** Seals what is written to it with a passphrase, in the {@link SealedFormat} layout; closing writes the last part. */
public final class SealedOutputStream extends OutputStream {

    private final DataOutputStream out;
    private final SecretKey key;
    private final byte[] prefix;
    private final byte[] header;
    private final byte[] buffer = new byte[SealedFormat.SEGMENT];
    private int filled;
    private int counter;
    private boolean closed;

    public SealedOutputStream(OutputStream target, char[] passphrase) throws IOException {
        this(target, passphrase, SealedFormat.ITERATIONS);
    }

    SealedOutputStream(OutputStream target, char[] passphrase, int iterations) throws IOException {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[SealedFormat.SALT_BYTES];
        random.nextBytes(salt);
        prefix = new byte[SealedFormat.PREFIX_BYTES];
        random.nextBytes(prefix);
        header = ByteBuffer.allocate(SealedFormat.HEADER_BYTES - SealedFormat.CHECK_BYTES)
                .put(SealedFormat.MAGIC).put((byte) SealedFormat.VERSION).putInt(iterations).put(salt).put(prefix)
                .array();
        key = SealedFormat.derive(passphrase, salt, iterations);
        out = new DataOutputStream(target);
        out.write(header);
        out.write(SealedFormat.keyCheck(key, prefix, header));
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("the sealed stream is closed");
        }
        while (len > 0) {
            if (filled == buffer.length) {
                seal(false);
            }
            int n = Math.min(len, buffer.length - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    private void seal(boolean last) throws IOException {
        Cipher c = SealedFormat.cipher(Cipher.ENCRYPT_MODE, key, prefix, counter++,
                SealedFormat.associated(header, last));
        try {
            byte[] sealed = c.doFinal(buffer, 0, filled);
            out.writeInt(sealed.length);
            out.write(sealed);
        } catch (GeneralSecurityException e) {
            throw new IOException("sealing failed: " + e.getMessage(), e);
        }
        filled = 0;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Writes the last segment (flagged as last, so a cut-off file is caught) and closes the target. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            seal(true);
            out.flush();
        } finally {
            out.close();
        }
    }
}
