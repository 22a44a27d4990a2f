package org.custodian.logic.io.sealed;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * Opens a file sealed by {@link SealedOutputStream}. Every segment is authenticated before a byte of it is given
 * out; a wrong passphrase is {@link WrongPassphraseException}, damage or truncation an {@link IOException} that
 * says which.
 */
public final class SealedInputStream extends InputStream {

    private final DataInputStream in;
    private final SecretKey key;
    private final byte[] prefix;
    private final byte[] header;
    private byte[] plain = new byte[0];
    private int position;
    private int counter;
    private boolean ended;

    public SealedInputStream(InputStream source, char[] passphrase) throws IOException {
        in = new DataInputStream(source);
        byte[] magic = new byte[SealedFormat.MAGIC.length];
        if (in.readNBytes(magic, 0, magic.length) != magic.length || !Arrays.equals(magic, SealedFormat.MAGIC)) {
            throw new NotSealedException("it is not an encrypted Custodian backup");
        }
        try {
            int version = in.readUnsignedByte();
            if (version != SealedFormat.VERSION) {
                throw new IOException("it was encrypted by a newer version of Custodian (format " + version + ")");
            }
            int iterations = in.readInt();
            if (iterations < SealedFormat.MIN_ITERATIONS || iterations > SealedFormat.MAX_ITERATIONS) {
                throw new IOException("its header is damaged (key derivation count " + iterations + ")");
            }
            byte[] salt = in.readNBytes(SealedFormat.SALT_BYTES);
            prefix = in.readNBytes(SealedFormat.PREFIX_BYTES);
            byte[] check = in.readNBytes(SealedFormat.CHECK_BYTES);
            if (salt.length < SealedFormat.SALT_BYTES || prefix.length < SealedFormat.PREFIX_BYTES
                    || check.length < SealedFormat.CHECK_BYTES) {
                throw new IOException("it ends inside its header (the file is cut off)");
            }
            header = ByteBuffer.allocate(SealedFormat.HEADER_BYTES - SealedFormat.CHECK_BYTES)
                    .put(magic).put((byte) version).putInt(iterations).put(salt).put(prefix).array();
            key = SealedFormat.derive(passphrase, salt, iterations);
            if (!SealedFormat.keyMatches(key, prefix, header, check)) {
                throw new WrongPassphraseException();
            }
        } catch (EOFException e) {
            throw new IOException("it ends inside its header (the file is cut off)", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (position == plain.length) {
            if (ended) {
                return -1;
            }
            openNext();
        }
        int n = Math.min(len, plain.length - position);
        System.arraycopy(plain, position, b, off, n);
        position += n;
        return n;
    }

    private void openNext() throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            throw new IOException("it is cut off: it ends after part " + counter + " without its last part", e);
        }
        if (length < SealedFormat.TAG_BYTES || length > SealedFormat.SEGMENT + SealedFormat.TAG_BYTES) {
            throw new IOException("part " + (counter + 1) + " is damaged (impossible length " + length + ")");
        }
        byte[] sealed = in.readNBytes(length);
        if (sealed.length < length) {
            throw new IOException("it is cut off inside part " + (counter + 1));
        }
        int index = counter++;
        try {
            plain = open(sealed, index, false);
        } catch (GeneralSecurityException notMiddle) {
            try {
                plain = open(sealed, index, true);
                ended = true;
                if (in.read() >= 0) {
                    throw new IOException("it has bytes after its last part (it was altered)");
                }
            } catch (GeneralSecurityException damaged) {
                throw new IOException("part " + (index + 1) + " is damaged or was altered (it fails its check)",
                        damaged);
            }
        }
        position = 0;
    }

    private byte[] open(byte[] sealed, int index, boolean last) throws GeneralSecurityException {
        return SealedFormat.cipher(Cipher.DECRYPT_MODE, key, prefix, index, SealedFormat.associated(header, last))
                .doFinal(sealed);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Whether {@code head} (the first bytes of a file) starts like a sealed file. */
    public static boolean looksSealed(byte[] head) {
        return head.length >= SealedFormat.MAGIC.length
                && Arrays.equals(Arrays.copyOf(head, SealedFormat.MAGIC.length), SealedFormat.MAGIC);
    }
}
